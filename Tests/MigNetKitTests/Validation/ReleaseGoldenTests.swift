import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit

/// Per Harvester release, a spec of each rule that differs between releases, accepted or refused,
/// with what `mignet validate` says about it, word for word, committed beside it
/// (Tests/Corpus/releases/NAME.yaml and NAME.txt). `RECORD_GOLDENS=1 swift test` rewrites them.
@Suite struct ReleaseGoldenTests {
    static let folder = Repository.root + "/Tests/Corpus/releases"
    static let specs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    @Test func everyReleaseHasCases() {
        for release in HarvesterRelease.known {
            #expect(Self.specs.contains { $0.hasPrefix("v\(release.major).\(release.minor)-") }, "no case for \(release)")
        }
        #expect(Self.specs.contains { $0.hasPrefix("no-release-") })
    }

    @Test(arguments: specs)
    func diagnosticsMatchTheCommittedText(spec: String) throws {
        let path = Self.folder + "/" + spec
        let source = SourceFile(path: "releases/" + spec, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let compilation = Compiler().compile(source)
        let text = TextDiagnosticFormatter().format(compilation.diagnostics, sources: [source.path: source])
        let expected = Self.folder + "/" + spec.dropLast(".yaml".count) + ".txt"
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try text.write(toFile: expected, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: expected, encoding: .utf8) == text)
        let accepted = ["v1.6-accepted.yaml", "v1.8-rwx-shared.yaml", "v1.8-pinned-exclusive-word.yaml"].contains(spec)
        #expect((compilation.network != nil) == accepted, "\(compilation.diagnostics.map(\.message))")
    }
}
