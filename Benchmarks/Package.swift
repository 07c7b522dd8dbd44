// swift-tools-version:6.0
// The benchmark kit: a separate package so that the main build stays light. Run it with
//   swift run -c release --package-path Benchmarks scribekit-bench
import PackageDescription

let package = Package(
  name: "ScribeKitBenchmarks",
  dependencies: [.package(name: "ScribeKit", path: "..")],
  targets: [
    .executableTarget(
      name: "scribekit-bench",
      dependencies: [.product(name: "ScribeKit", package: "ScribeKit")]
    )
  ],
  swiftLanguageModes: [.v6]
)
