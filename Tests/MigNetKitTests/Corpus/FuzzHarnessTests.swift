import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit

/// The fuzz target's body over its seed corpus and every input the fuzzer ever crashed on.
@Suite struct FuzzHarnessTests {
    static func files(in folder: String, suffix: String? = nil) -> [String] {
        let path = Repository.root + "/" + folder
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { name in name != "README.md" && name != "EXPECTED.tsv" && (suffix.map { name.hasSuffix($0) } ?? true) }
            .sorted().map { path + "/" + $0 }
    }

    static let seeds = files(in: "examples", suffix: ".yaml") + files(in: "examples/gitops-repo/clusters")
        + files(in: "Tests/Corpus/hostile") + [Repository.root + "/templates/spec.yaml"]
    static let regressions = files(in: "Tests/Corpus/fuzz-regressions")

    @Test func seedsRunWithoutBreakingAnInvariant() throws {
        #expect(Self.seeds.count > 200)
        for path in Self.seeds {
            FuzzHarness.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    @Test func everyKeptCrashStaysFixed() throws {
        for path in Self.regressions {
            FuzzHarness.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    @Test func mutatedSeedsRunToo() throws {
        // A cheap stand-in for the fuzzer in every test run: byte flips, cuts and splices of the examples.
        var generator = SeededGenerator(state: 0x6d69676e6574)
        let texts = try Self.files(in: "examples", suffix: ".yaml").map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        for _ in 0..<400 {
            var bytes = texts[Int.random(in: 0..<texts.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...8, using: &generator)))
                case 2: bytes.insert(contentsOf: Array("- &:*!{}[]#'\"\t\n0x1e9".utf8).shuffled(using: &generator).prefix(3), at: index)
                default: bytes.insert(contentsOf: bytes[index..<min(bytes.count, index + 12)], at: index)
                }
            }
            FuzzHarness.run(bytes)
        }
    }
}
