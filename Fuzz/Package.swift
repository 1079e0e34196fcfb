// swift-tools-version: 6.1
// The libFuzzer target: built and run by scripts/fuzz.sh, not by `swift test` of the main package
// (a libFuzzer executable has no main of its own). The tests run the same FuzzHarness over the
// seed corpus and every input kept in Tests/Corpus/fuzz-regressions/.
import PackageDescription

let package = Package(
    name: "MigNetFuzz",
    dependencies: [.package(name: "mignet", path: "..")],
    targets: [
        .executableTarget(
            name: "MigNetFuzz",
            dependencies: [.product(name: "MigNetKit", package: "mignet")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
