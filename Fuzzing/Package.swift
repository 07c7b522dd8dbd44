// swift-tools-version:6.0
// libFuzzer targets over every reader, segmentation and every renderer. Build and run them with
//   Fuzzing/run.sh [SECONDS_PER_TARGET]
import PackageDescription

let package = Package(
  name: "ScribeKitFuzzing",
  dependencies: [.package(name: "ScribeKit", path: "..")],
  targets: [
    .executableTarget(
      name: "scribekit-fuzz",
      dependencies: [.product(name: "ScribeKit", package: "ScribeKit")],
      swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])],
      linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]
    )
  ],
  swiftLanguageModes: [.v6]
)
