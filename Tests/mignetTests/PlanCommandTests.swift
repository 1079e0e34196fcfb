import Foundation
import Testing

/// `mignet plan` on real temporary git repositories made with the git CLI: the example
/// repository committed as the base, then one commit per scenario; each plan, in every format,
/// is compared with goldens in Tests/mignetTests/Fixtures/plan (`RECORD_GOLDENS=1` rewrites them).
@Suite(.enabled(if: MignetProcess.which("git") != nil || Integration.required, "git is not on PATH"))
struct PlanCommandTests {
    static let example = MignetProcess.root + "/examples/gitops-repo"
    static let goldens = MignetProcess.root + "/Tests/mignetTests/Fixtures/plan/"

    /// A git repository holding the example's specs and defaults, committed.
    static func repository() throws -> String {
        let directory = try MignetProcess.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/clusters", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: example + "/site-defaults.yaml", toPath: directory + "/site-defaults.yaml")
        for name in ["berlin", "lab", "paris"] {
            try FileManager.default.copyItem(atPath: example + "/clusters/\(name).yaml", toPath: directory + "/clusters/\(name).yaml")
        }
        try git(["init", "-q", "-b", "main"], in: directory)
        try git(["add", "-A"], in: directory)
        try git(["commit", "-q", "-m", "base"], in: directory)
        return directory
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: String) throws -> MignetProcess.Outcome {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
                             "GIT_AUTHOR_DATE": "2026-12-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-12-01T00:00:00Z", "GIT_CONFIG_NOSYSTEM": "1", "HOME": directory] {
            environment[key] = value
        }
        let outcome = try MignetProcess.runTool(try #require(MignetProcess.which("git")), arguments, environment: environment, in: directory)
        #expect(outcome.status == 0, "git \(arguments): \(outcome.stderr)")
        return outcome
    }

    static func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Each scenario: a change made and committed on top of the base.
    static let scenarios: [(name: String, change: @Sendable (String) throws -> Void)] = [
        ("change-one-field", { try edit($0 + "/clusters/berlin.yaml") { $0 + "  vlan: 200\n" } }),
        ("rename", { try git(["mv", "clusters/paris.yaml", "clusters/paris-2026.yaml"], in: $0) }),
        ("change-defaults", { try edit($0 + "/site-defaults.yaml") { $0.replacingOccurrences(of: "  mtu: 9000\n", with: "  mtu: 1500\n") } }),
        ("disable", { try edit($0 + "/clusters/paris.yaml") { $0.replacingOccurrences(of: "spec:\n", with: "spec:\n  enabled: false\n") } }),
        ("enable", { try edit($0 + "/clusters/lab.yaml") { $0.replacingOccurrences(of: "  enabled: false\n", with: "  range: 10.100.16.0/24\n  nodes: 3\n") } }),
        ("delete", { try git(["rm", "-q", "clusters/lab.yaml"], in: $0) }),
        ("capacity", { try edit($0 + "/clusters/berlin.yaml") { $0.replacingOccurrences(of: "  plannedNodes: 10\n", with: "  plannedNodes: 260\n") } }),
        // A cluster configured by hand, taken into git as import writes it.
        ("adopt", { folder in
            let imported = try InProcess.run(["import", MignetProcess.root + "/Tests/mignetTests/Fixtures/import/ui-configured.yaml", "--name", "rome", "--nodes", "3",
                                              "--server-version", "v1.8.2", "-o", folder + "/clusters/rome.yaml"])
            #expect(imported.status == 0, "\(imported.stderr)")
        }),
    ]

    func plan(_ directory: String, _ arguments: [String]) throws -> MignetProcess.Outcome {
        try InProcess.run(["plan", "clusters"] + arguments, in: directory)
    }

    @Test(arguments: scenarios.map(\.name))
    func planMatchesTheGoldens(scenario: String) throws {
        let directory = try Self.repository()
        try Self.scenarios.first { $0.name == scenario }!.change(directory)
        try Self.git(["add", "-A"], in: directory)
        try Self.git(["commit", "-q", "-m", scenario], in: directory)
        for (format, suffix) in [("text", "txt"), ("markdown", "md"), ("json", "json")] {
            let outcome = try plan(directory, ["--base", "HEAD~1", "--format", format])
            #expect(outcome.status == 0, "\(scenario): \(outcome.stderr)")
            let golden = Self.goldens + scenario + "." + suffix
            if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
                try outcome.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
            }
            #expect(outcome.stdout == (try String(contentsOfFile: golden, encoding: .utf8)), "\(scenario) \(format)")
        }
    }

    @Test func classesAndFailOn() throws {
        let expected: [String: [String: String]] = [
            "change-one-field": ["berlin": "new-nad", "lab": "unchanged", "paris": "unchanged"],
            "rename": ["berlin": "unchanged", "lab": "unchanged", "paris": "unchanged"],
            "change-defaults": ["berlin": "metadata-only", "lab": "unchanged", "paris": "metadata-only"],
            "disable": ["berlin": "unchanged", "lab": "unchanged", "paris": "disable"],
            "enable": ["berlin": "unchanged", "lab": "enable", "paris": "unchanged"],
            "delete": ["berlin": "unchanged", "lab": "orphan", "paris": "unchanged"],
            "capacity": ["berlin": "capacity", "lab": "unchanged", "paris": "unchanged"],
            "adopt": ["berlin": "unchanged", "lab": "unchanged", "paris": "unchanged", "rome": "adopt"],
        ]
        for (scenario, classes) in expected {
            let json = try String(contentsOfFile: Self.goldens + scenario + ".json", encoding: .utf8)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let clusters = try #require(report["clusters"] as? [[String: Any]])
            var found: [String: String] = [:]
            for cluster in clusters { found[cluster["name"] as! String] = cluster["change"] as? String }
            #expect(found == classes, "\(scenario)")
        }
        let directory = try Self.repository()
        try Self.scenarios[0].change(directory)
        let tripped = try plan(directory, ["--base", "HEAD", "--fail-on", "new-nad"])
        #expect(tripped.status == 2)
        // What tripped it, by cluster and class, as the last line.
        #expect(tripped.stderr.hasSuffix("mignet: --fail-on new-nad: berlin (new NAD)\n"), "\(tripped.stderr)")
        #expect(try plan(directory, ["--base", "HEAD", "--fail-on", "disable"]).status == 0)
        #expect(try plan(directory, ["--base", "HEAD", "--fail-on", "any"]).status == 2)
        #expect(try plan(directory, ["--base", "HEAD", "--fail-on", "restart"]).status == 64)
        #expect(try plan(directory, []).status == 64)
    }

    @Test func aChangeThatDoesNotCompileFailsThePlanWithLocatedDiagnostics() throws {
        let directory = try Self.repository()
        try Self.edit(directory + "/clusters/berlin.yaml") { $0 + "  vlan: 5000\n" }
        let outcome = try plan(directory, ["--base", "HEAD"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("clusters/berlin.yaml:15:9: error: vlan 5000 is outside"), "\(outcome.stderr)")
    }

    @Test func aBaseThatDidNotCompileIsShownAsSuch() throws {
        let directory = try Self.repository()
        try Self.edit(directory + "/clusters/berlin.yaml") { $0 + "  vlan: 5000\n" }
        try Self.git(["commit", "-q", "-am", "broken"], in: directory)
        try Self.edit(directory + "/clusters/berlin.yaml") { $0.replacingOccurrences(of: "  vlan: 5000\n", with: "  vlan: 300\n") }
        let outcome = try plan(directory, ["--base", "HEAD"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("berlin: enable - starts using the migration network"))
        #expect(outcome.stdout.contains("  the spec at the base did not compile: the change may be its fix\n"))
    }

    @Test func aShallowCloneSaysWhatToDo() throws {
        let directory = try Self.repository()
        try Self.edit(directory + "/clusters/berlin.yaml") { $0 + "  vlan: 200\n" }
        try Self.git(["commit", "-q", "-am", "change"], in: directory)
        let clone = try MignetProcess.temporaryDirectory() + "/clone"
        try Self.git(["clone", "-q", "--depth", "1", "file://" + directory, clone], in: directory)
        let outcome = try plan(clone, ["--base", "HEAD~1"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("HEAD~1 is not a commit in this clone's history (it is a shallow clone: fetch the base"), "\(outcome.stderr)")
    }

    @Test func aBaseFolderPlansLikeTheRevision() throws {
        let directory = try Self.repository()
        let baseCopy = try MignetProcess.temporaryDirectory() + "/base"
        try FileManager.default.copyItem(atPath: directory, toPath: baseCopy)
        try Self.edit(directory + "/clusters/berlin.yaml") { $0 + "  vlan: 200\n" }
        let fromFolder = try plan(directory, ["--base-dir", baseCopy, "--format", "json"])
        let fromRevision = try plan(directory, ["--base", "HEAD", "--format", "json"])
        #expect(fromFolder.status == 0)
        #expect(fromFolder.stdout.replacingOccurrences(of: "\"base\": \"\(baseCopy)\"", with: "") == fromRevision.stdout.replacingOccurrences(of: "\"base\": \"HEAD\"", with: ""))
    }

    /// The plan docs/reviewing-changes.md shows: berlin's vlan set to 120 and lab enabled in the
    /// example repository.
    @Test func theDocumentedPlanIsWhatPlanPrints() throws {
        let readme = try String(contentsOfFile: MignetProcess.root + "/docs/reviewing-changes.md", encoding: .utf8)
        let session = "$ mignet plan clusters --base main --delivery argocd\n"
        let start = try #require(readme.range(of: session))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let directory = try Self.repository()
        try Self.edit(directory + "/clusters/berlin.yaml") { $0.replacingOccurrences(of: "  nodes: 6\n", with: "  nodes: 6\n  vlan: 120\n") }
        try Self.edit(directory + "/clusters/lab.yaml") { $0.replacingOccurrences(of: "  enabled: false\n", with: "  range: 10.100.16.0/24\n  nodes: 3\n") }
        let outcome = try plan(directory, ["--base", "main", "--delivery", "argocd"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == String(readme[start.upperBound..<end.lowerBound]))
    }
}
