// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "mignet",
    products: [
        .executable(name: "mignet", targets: ["mignet"]),
        .library(name: "MigNetKit", targets: ["MigNetKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "MigNetYAML",
            dependencies: ["CYAML"]
        ),
        .target(
            name: "MigNetKit",
            dependencies: [
                "MigNetYAML",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "mignet",
            dependencies: [
                "MigNetKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MigNetYAMLTests",
            dependencies: ["MigNetYAML"]
        ),
        .testTarget(
            name: "MigNetKitTests",
            dependencies: ["MigNetKit"]
        ),
        .testTarget(
            name: "mignetTests",
            dependencies: ["mignet", "MigNetKit"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
