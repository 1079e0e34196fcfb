import Foundation
import Testing

/// What the README shows works as printed.
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOfFile: MignetProcess.root + "/README.md", encoding: .utf8)) ?? ""

    /// The first fenced `yaml` block after `heading`.
    static func yamlBlock(after heading: String) -> String? {
        guard let start = readme.range(of: heading) else { return nil }
        guard let open = readme.range(of: "```yaml\n", range: start.upperBound..<readme.endIndex),
              let close = readme.range(of: "```", range: open.upperBound..<readme.endIndex) else { return nil }
        return String(readme[open.upperBound..<close.lowerBound])
    }

    @Test func theSampleSpecValidatesAsPrinted() throws {
        let sample = try #require(Self.yamlBlock(after: "## The spec (format `mignet/v1`)"))
        #expect(sample.contains("kind: MigrationNetwork"))
        let outcome = try MignetProcess.run(["validate", "-"], stdin: sample)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }
}
