// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ScribeKit",
  products: [
    .library(name: "ScribeKit", targets: ["ScribeKit"]),
    .library(name: "ElevenLabsAPI", targets: ["ElevenLabsAPI"]),
    .executable(name: "scribekit", targets: ["ScribeKitCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    .target(
      name: "ScribeKit",
      dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    .target(name: "ElevenLabsAPI", dependencies: ["ScribeKit"]),
    .executableTarget(
      name: "ScribeKitCLI",
      dependencies: [
        "ScribeKit",
        "ElevenLabsAPI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "ScribeKitTests",
      dependencies: ["ScribeKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      exclude: ["Golden", "Inputs"]
    ),
    // Imports ScribeKit without @testable and uses only its public API.
    .testTarget(name: "ScribeKitPublicAPITests", dependencies: ["ScribeKit"]),
    .testTarget(name: "ElevenLabsAPITests", dependencies: ["ElevenLabsAPI"]),
    .testTarget(
      name: "ScribeKitCLITests",
      dependencies: ["ScribeKitCLI", "ScribeKit", "ElevenLabsAPI"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
