import Foundation
import Testing

/// The worked example repository, `examples/gitops-repo`: specs sharing a defaults file, one
/// disabled, with the rendered tree of every profile committed and checked by `mignet check`.
@Suite struct GitOpsRepositoryTests {
    static let repo = "examples/gitops-repo"
    static let profiles = ["argocd", "fleet", "kubectl"]

    @Test(arguments: profiles)
    func committedRenderingIsCurrent(profile: String) throws {
        let arguments = ["\(Self.repo)/clusters", "-o", "\(Self.repo)/rendered/\(profile)", "--delivery", profile]
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            #expect(try MignetProcess.run(["render", "--prune"] + arguments).status == 0)
        }
        let outcome = try MignetProcess.run(["check"] + arguments)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "mignet: examples/gitops-repo/rendered/\(profile) is up to date\n")
        #expect(try MignetProcess.run(["check", "--quiet"] + arguments).stderr == "")
    }

    /// A copy of the example repository to change.
    func copy() throws -> String {
        let directory = try MignetProcess.temporaryDirectory()
        try FileManager.default.copyItem(atPath: MignetProcess.root + "/" + Self.repo, toPath: directory + "/repo")
        return directory + "/repo"
    }

    @Test func staleRenderingFailsWithAUnifiedDiff() throws {
        let repo = try copy()
        let spec = repo + "/clusters/berlin.yaml"
        try (try String(contentsOfFile: spec, encoding: .utf8)).replacingOccurrences(of: "nodes: 6", with: "nodes: 6\n  vlan: 300")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let outcome = try MignetProcess.run(["check", "clusters", "-o", "rendered/kubectl"], in: repo)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("--- a/rendered/kubectl/berlin/networkattachmentdefinition.yaml\n+++ b/rendered/kubectl/berlin/networkattachmentdefinition.yaml\n@@ -2,11 +2,11 @@\n"))
        #expect(outcome.stdout.contains("+++ b/rendered/kubectl/berlin/setting.yaml\n@@ "))
        #expect(outcome.stdout.contains(#"+value: '{"clusterNetwork":"migration","vlan":300,"#))
        #expect(outcome.stderr.contains("differ from the rendering"))

        let quiet = try MignetProcess.run(["check", "--quiet", "clusters", "-o", "rendered/kubectl"], in: repo)
        #expect(quiet.status == 2)
        let names = quiet.stdout.split(separator: "\n")
        #expect(names.contains("rendered/kubectl/berlin/setting.yaml"))
        #expect(names.allSatisfy { $0.hasPrefix("rendered/kubectl/berlin/") })

        #expect(try MignetProcess.run(["render", "clusters", "-o", "rendered/kubectl"], in: repo).status == 0)
        #expect(try MignetProcess.run(["check", "clusters", "-o", "rendered/kubectl"], in: repo).status == 0)
    }

    @Test func aSpecErrorIsExitOneNotADiff() throws {
        let repo = try copy()
        try "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: rome\nspec:\n  vlan: 0\n".write(toFile: repo + "/clusters/rome.yaml", atomically: true, encoding: .utf8)
        let outcome = try MignetProcess.run(["check", "clusters", "-o", "rendered/kubectl"], in: repo)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("clusters/rome.yaml:5:1: error: spec is missing the required key 'clusterNetwork'"))
    }

    @Test func aRemovedSpecLeavesAnOrphanUntilPruned() throws {
        let repo = try copy()
        try FileManager.default.removeItem(atPath: repo + "/clusters/paris.yaml")
        let check = try MignetProcess.run(["check", "-q", "clusters", "-o", "rendered/fleet", "--delivery", "fleet"], in: repo)
        #expect(check.status == 2)
        #expect(check.stdout == "rendered/fleet/paris/fleet.yaml\nrendered/fleet/paris/networkattachmentdefinition.yaml\nrendered/fleet/paris/setting.yaml\n")
        let render = try MignetProcess.run(["render", "clusters", "-o", "rendered/fleet", "--delivery", "fleet"], in: repo)
        #expect(render.status == 0)
        #expect(render.stderr == "mignet: warning: rendered/fleet/paris is the folder of a cluster no spec renders; remove it with --prune\nmignet: rendered/fleet: 0 written, 5 unchanged, 0 removed, 0 pruned\n")
        #expect(FileManager.default.fileExists(atPath: repo + "/rendered/fleet/paris/setting.yaml"))
        let pruned = try MignetProcess.run(["render", "--prune", "clusters", "-o", "rendered/fleet", "--delivery", "fleet"], in: repo)
        #expect(pruned.status == 0)
        #expect(pruned.stderr == "mignet: pruned rendered/fleet/paris\nmignet: rendered/fleet: 0 written, 5 unchanged, 3 removed, 1 pruned\n")
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered/fleet/paris"))
        #expect(try MignetProcess.run(["check", "clusters", "-o", "rendered/fleet", "--delivery", "fleet"], in: repo).status == 0)
    }

    @Test func aFolderSearchFindsOnlySpecs() throws {
        // The whole repository: rendered manifests and the defaults file are YAML, but not specs.
        let outcome = try MignetProcess.run(["validate", "--diagnostics-format", "json", Self.repo])
        #expect(outcome.status == 0)
        let all = try MignetProcess.run(["render", Self.repo])
        let specs = try MignetProcess.run(["render", "\(Self.repo)/clusters/berlin.yaml", "\(Self.repo)/clusters/lab.yaml", "\(Self.repo)/clusters/paris.yaml"])
        #expect(all.stdout == specs.stdout)
        #expect(all.status == 0)
    }

    @Test func theOutputFolderIsNotSearched() throws {
        let repo = try copy()
        // A spec-like file inside the output folder would be a duplicate name if it were read.
        try FileManager.default.copyItem(atPath: repo + "/clusters/berlin.yaml", toPath: repo + "/rendered/kubectl/berlin/copy.yaml")
        let outcome = try MignetProcess.run(["render", ".", "-o", "rendered/kubectl"], in: repo)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Not read as a spec, and not mignet's to remove: left where it is, with a warning.
        #expect(FileManager.default.fileExists(atPath: repo + "/rendered/kubectl/berlin/copy.yaml"))
        #expect(outcome.stderr.contains("mignet: warning: rendered/kubectl/berlin/copy.yaml is not a file mignet writes; it was left as it is\n"))
    }

    @Test(arguments: [1, 2, 7])
    func outputDoesNotDependOnJobs(jobs: Int) throws {
        let reference = try MignetProcess.run(["render", "-j", "1", "\(Self.repo)/clusters"])
        let outcome = try MignetProcess.run(["render", "-j", String(jobs), "\(Self.repo)/clusters"])
        #expect(outcome.stdout == reference.stdout)
    }
}
