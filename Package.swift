// swift-tools-version: 6.1
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
        // The commands, as a library: parsing, the file system and the programs mignet runs.
        .target(
            name: "MigNetCLI",
            dependencies: [
                "MigNetKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // git's blob ids for `plan --base`: SHA-1, as the library hashes the setting value.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The executable: main.swift calls the library's entry point.
        .executableTarget(
            name: "mignet",
            dependencies: ["MigNetCLI"]
        ),
        // What every test target shares: the repository root, a seeded generator, sources with
        // position markers, the process runner.
        .target(
            name: "MigNetTestSupport",
            path: "Tests/MigNetTestSupport"
        ),
        .testTarget(
            name: "MigNetYAMLTests",
            dependencies: ["MigNetYAML", "MigNetTestSupport"]
        ),
        .testTarget(
            name: "MigNetKitTests",
            dependencies: ["MigNetKit", "MigNetTestSupport"]
        ),
        .testTarget(
            name: "mignetTests",
            dependencies: ["mignet", "MigNetCLI", "MigNetKit", "MigNetTestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
