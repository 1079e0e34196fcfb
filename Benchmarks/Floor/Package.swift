// swift-tools-version: 6.1
// The benchmark's floors: a Swift executable linked with everything mignet links (MigNetKit,
// libyaml, swift-crypto, swift-argument-parser) that parses its arguments and does nothing else;
// a static hello world; and swift-argument-parser alone, parsing validate's options.
import PackageDescription

let package = Package(
    name: "MigNetFloor",
    dependencies: [
        .package(name: "mignet", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "mignet-floor",
            dependencies: [
                .product(name: "MigNetKit", package: "mignet"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "hello-floor"),
        .executableTarget(
            name: "parser-floor",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
