import Foundation
import Testing

/// The README's quick start, run as printed: each `$ ` line of its session in a shell, in order,
/// in an empty folder with the built mignet first on `PATH`, and each command's output (stdout
/// and stderr together, as a terminal shows them) compared with the lines the README shows.
@Suite struct QuickStartTests {
    /// The commands of the README's quick start, each with the output it shows.
    static func session() throws -> [(command: String, output: String)] {
        let readme = ReadmeTests.readme
        let start = try #require(readme.range(of: "## Quick start\n"))
        let open = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        var steps: [(command: String, output: String)] = []
        for line in readme[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("$ ") {
                steps.append((String(line.dropFirst(2)), ""))
            } else if !steps.isEmpty {
                steps[steps.count - 1].output += line + "\n"
            }
        }
        return steps
    }

    @Test func theQuickStartRunsAsPrinted() throws {
        let steps = try Self.session()
        #expect(steps.count >= 8)
        #expect(steps.filter { $0.command.hasPrefix("mignet ") }.count >= 6)
        // One shell, so that `cd` carries over; a marker line before each command's output.
        var script = ""
        for (index, step) in steps.enumerated() {
            script += "echo '@@@ \(index)'\n\(step.command) 2>&1\n"
        }
        let folder = try MignetProcess.temporaryDirectory()
        let bin = URL(fileURLWithPath: MignetProcess.binary).deletingLastPathComponent().path
        let environment = ["PATH": bin + ":/usr/local/bin:/usr/bin:/bin", "HOME": folder, "LC_ALL": "C.UTF-8",
                           "GIT_AUTHOR_NAME": "you", "GIT_AUTHOR_EMAIL": "you@example.com", "GIT_COMMITTER_NAME": "you",
                           "GIT_COMMITTER_EMAIL": "you@example.com", "GIT_CONFIG_NOSYSTEM": "1"]
        let outcome = try MignetProcess.runTool("/bin/sh", ["-c", script], environment: environment, in: folder)
        var byIndex = Array(repeating: "", count: steps.count)
        var index = -1
        for line in outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("@@@ ") { index = Int(line.dropFirst(4)) ?? -1; continue }
            if index >= 0 { byIndex[index] += line + "\n" }
        }
        // The output ends with a line break, which the split above gives the last command twice.
        byIndex[steps.count - 1] = String(byIndex[steps.count - 1].dropLast())
        for (step, printed) in zip(steps, byIndex) {
            #expect(printed == step.output, "$ \(step.command)")
        }
    }
}
