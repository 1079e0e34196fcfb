import Foundation
import Testing

/// The hooks of `.pre-commit-hooks.yaml` and the `.pre-commit-config.yaml` that `mignet init`
/// writes, run by the real pre-commit framework on temporary git repositories. Skipped where
/// pre-commit is missing, except in CI (`MIGNET_REQUIRE_INTEGRATION=1`).
@Suite(.enabled(if: Integration.runsPreCommit, "pre-commit is not on PATH"))
struct PreCommitIntegrationTests {
    let environment: [String: String]

    init() throws {
        var environment = ProcessInfo.processInfo.environment
        let binaries = URL(fileURLWithPath: MignetProcess.binary).deletingLastPathComponent().path
        environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["PRE_COMMIT_HOME"] = try MignetProcess.temporaryDirectory()
        environment["GIT_AUTHOR_NAME"] = "mignet tests"
        environment["GIT_AUTHOR_EMAIL"] = "tests@mignet.invalid"
        environment["GIT_COMMITTER_NAME"] = "mignet tests"
        environment["GIT_COMMITTER_EMAIL"] = "tests@mignet.invalid"
        self.environment = environment
    }

    func run(_ tool: String, _ arguments: [String], in directory: String) throws -> MignetProcess.Outcome {
        guard let path = tool == "pre-commit" ? Integration.preCommit : MignetProcess.which(tool) else {
            Issue.record("\(tool) is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
            return MignetProcess.Outcome(status: -1, stdout: "", stderr: "")
        }
        return try MignetProcess.runTool(path, arguments, environment: environment, in: directory)
    }

    /// A git repository laid out as the hooks' default arguments expect: clusters/ and rendered/.
    func repository() throws -> String {
        let repo = try MignetProcess.temporaryDirectory() + "/repo"
        let example = MignetProcess.root + "/examples/gitops-repo"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: example + "/clusters", toPath: repo + "/clusters")
        try FileManager.default.copyItem(atPath: example + "/site-defaults.yaml", toPath: repo + "/site-defaults.yaml")
        try FileManager.default.copyItem(atPath: example + "/rendered/kubectl", toPath: repo + "/rendered")
        try commitAll(in: repo)
        return repo
    }

    func commitAll(in repo: String) throws {
        #expect(try run("git", ["init", "-q"], in: repo).status == 0)
        #expect(try run("git", ["add", "-A"], in: repo).status == 0)
        #expect(try run("git", ["commit", "-q", "-m", "specs"], in: repo).status == 0)
    }

    func changeBerlin(in repo: String) throws {
        let spec = repo + "/clusters/berlin.yaml"
        try (try String(contentsOfFile: spec, encoding: .utf8)).replacingOccurrences(of: "nodes: 6", with: "nodes: 6\n  vlan: 301")
            .write(toFile: spec, atomically: true, encoding: .utf8)
    }

    @Test func checkHookPassesCleanAndFailsStaleWithTheDiff() throws {
        let repo = try repository()
        let clean = try run("pre-commit", ["try-repo", MignetProcess.root, "mignet-check-system", "--all-files"], in: repo)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("mignet check") && clean.stdout.contains("Passed"))

        try changeBerlin(in: repo)
        let stale = try run("pre-commit", ["try-repo", MignetProcess.root, "mignet-check-system", "--all-files"], in: repo)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("Failed"))
        #expect(stale.stdout.contains("--- a/rendered/berlin/setting.yaml\n+++ b/rendered/berlin/setting.yaml\n"))
        #expect(stale.stdout.contains(#"+value: '{"clusterNetwork":"migration","vlan":301,"#))
    }

    @Test func renderHookRewritesAndFailsOnceLikeAFormatter() throws {
        let repo = try repository()
        try changeBerlin(in: repo)
        let first = try run("pre-commit", ["try-repo", MignetProcess.root, "mignet-render-system", "--all-files"], in: repo)
        #expect(first.status == 1)
        #expect(first.stdout.contains("files were modified by this hook"))
        let second = try run("pre-commit", ["try-repo", MignetProcess.root, "mignet-render-system", "--all-files"], in: repo)
        #expect(second.status == 0, "\(second.stdout)")
        let check = try MignetProcess.run(["check", "clusters", "-o", "rendered"], in: repo)
        #expect(check.status == 0)
    }

    @Test func theConfigurationInitWritesWorks() throws {
        let repo = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try MignetProcess.run(["init", repo, "--delivery", "fleet"]).status == 0)
        try commitAll(in: repo)
        let clean = try run("pre-commit", ["run", "--all-files"], in: repo)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")

        let spec = repo + "/clusters/my-cluster.yaml"
        try (try String(contentsOfFile: spec, encoding: .utf8)).replacingOccurrences(of: "vlan: 100", with: "vlan: 120")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let changed = try run("pre-commit", ["run", "--all-files"], in: repo)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("files were modified by this hook"))
        #expect(try MignetProcess.run(["check", "clusters", "-o", "rendered", "--delivery", "fleet"], in: repo).status == 0)
    }

    /// A repository that renders at sync time: init's plugin mode runs `mignet validate`, and so
    /// does the mignet-validate hook, which fails on a broken spec with its diagnostic.
    @Test func validateHookAndThePluginModeConfiguration() throws {
        let repo = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try MignetProcess.run(["init", repo, "--delivery", "argocd-plugin"]).status == 0)
        try commitAll(in: repo)
        let clean = try run("pre-commit", ["run", "--all-files"], in: repo)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let hook = try run("pre-commit", ["try-repo", MignetProcess.root, "mignet-validate-system", "--all-files"], in: repo)
        #expect(hook.status == 0, "\(hook.stdout)\(hook.stderr)")

        let spec = repo + "/clusters/my-cluster.yaml"
        try (try String(contentsOfFile: spec, encoding: .utf8)).replacingOccurrences(of: "vlan: 100", with: "vlan: 5000")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let broken = try run("pre-commit", ["try-repo", MignetProcess.root, "mignet-validate-system", "--all-files"], in: repo)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("clusters/my-cluster.yaml:") && broken.stdout.contains("[vlan-out-of-range]"))
    }

    /// init's own configuration, in every mode: one hook, named after what it runs, so that a
    /// broken spec's diagnostic is printed once.
    @Test(arguments: ["kubectl", "argocd", "fleet", "argocd-plugin"])
    func initsHooksSayEachDiagnosticOnce(delivery: String) throws {
        let repo = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try MignetProcess.run(["init", repo, "--delivery", delivery]).status == 0)
        let config = try String(contentsOfFile: repo + "/.pre-commit-config.yaml", encoding: .utf8)
        let ids = config.split(separator: "\n").filter { $0.contains("- id: ") }.map { String($0.split(separator: " ").last!) }
        let entries = config.split(separator: "\n").filter { $0.contains("entry: ") }.map { String($0.split(separator: ":", maxSplits: 1)[1].dropFirst()) }
        #expect(ids.count == 1 && entries.count == 1)
        // The id names the command the hook runs: mignet-render runs mignet render.
        #expect(entries.first?.hasPrefix(ids.first!.replacingOccurrences(of: "-", with: " ")) == true, "\(ids) \(entries)")
        try commitAll(in: repo)
        let spec = repo + "/clusters/my-cluster.yaml"
        try (try String(contentsOfFile: spec, encoding: .utf8)).replacingOccurrences(of: "vlan: 100", with: "vlan: 5000")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let broken = try run("pre-commit", ["run", "--all-files"], in: repo)
        #expect(broken.status == 1)
        #expect(broken.stdout.components(separatedBy: "[vlan-out-of-range]").count == 2, "\(broken.stdout)")
    }
}
