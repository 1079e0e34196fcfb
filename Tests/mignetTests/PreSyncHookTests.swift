import Foundation
import Testing

/// The argocd profile's PreSync hook (examples/gitops-repo/clusters/berlin.yaml asks for it):
/// its annotations are the ones Argo CD's resource-hook documentation defines, and its script,
/// run by /bin/sh with a stand-in kubectl, waits while a migration runs and gives up at the timeout.
@Suite struct PreSyncHookTests {
    static let hook = MignetProcess.root + "/examples/gitops-repo/rendered/argocd/berlin/presync-wait-for-migrations.yaml"

    /// The hook annotations, per Argo CD's docs (user-guide/resource_hooks.md, sync-waves.md):
    /// `hook` one of the phases, `hook-delete-policy` a comma list of HookSucceeded, HookFailed,
    /// BeforeHookCreation; the RBAC objects in an earlier wave than the Job.
    @Test func annotationsAreArgoCDs() throws {
        let text = try String(contentsOfFile: Self.hook, encoding: .utf8)
        let documents = text.components(separatedBy: "---\n").filter { !$0.isEmpty }
        #expect(documents.count == 4)
        for document in documents {
            #expect(document.contains("    argocd.argoproj.io/hook: PreSync\n"))
            let policy = try #require(document.split(separator: "\n").first { $0.contains("argocd.argoproj.io/hook-delete-policy:") })
            let policies = policy.split(separator: ":")[1].trimmingCharacters(in: .whitespaces).split(separator: ",")
            #expect(policies.allSatisfy { ["HookSucceeded", "HookFailed", "BeforeHookCreation"].contains(String($0)) })
            #expect(document.contains(document.contains("kind: Job\n") ? "argocd.argoproj.io/sync-wave: \"0\"\n" : "argocd.argoproj.io/sync-wave: \"-1\"\n"))
        }
        #expect(text.contains("  activeDeadlineSeconds: 1020\n  backoffLimit: 0\n"))
        #expect(text.contains("        image: alpine/k8s:1.33.5\n"))
    }

    /// The Job's script, cut from the rendered file, with a kubectl that reports a running
    /// migration for `runningFor` calls and a `sleep` that returns at once.
    func runScript(runningFor calls: Int, timeout: Int) throws -> MignetProcess.Outcome {
        let text = try String(contentsOfFile: Self.hook, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasSuffix("- |") }) + 1
        let script = lines[start...].prefix { $0.hasPrefix("          ") }.map { String($0.dropFirst(10)) }.joined(separator: "\n")
        let directory = try MignetProcess.temporaryDirectory()
        try script.write(toFile: directory + "/wait.sh", atomically: true, encoding: .utf8)
        let kubectl = """
            #!/bin/sh
            [ "$1 $2 $3 $4" = "get virtualmachineinstancemigrations.kubevirt.io --all-namespaces -o" ] || { echo "unexpected: $*" >&2; exit 3; }
            count=$(cat "\(directory)/count" 2>/dev/null || echo 0); echo $((count + 1)) > "\(directory)/count"
            echo "default/vm-web-01-mig-4x7qz vm-web-01 Succeeded"
            if [ "$count" -lt \(calls) ]; then echo "prod/vm-db-02-mig-9kq2d vm-db-02 Running"; fi
            echo "prod/vm-db-03-mig-1a2b3 vm-db-03 Failed"

            """
        try kubectl.write(toFile: directory + "/kubectl", atomically: true, encoding: .utf8)
        try "#!/bin/sh\nexit 0\n".write(toFile: directory + "/sleep", atomically: true, encoding: .utf8)
        for tool in ["kubectl", "sleep"] { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/" + tool) }
        return try MignetProcess.shell("PATH=\"\(directory):$PATH\" TIMEOUT_SECONDS=\(timeout) /bin/sh wait.sh", in: directory, seconds: 30)
    }

    @Test func theScriptWaitsUntilNoMigrationRuns() throws {
        let outcome = try runScript(runningFor: 3, timeout: 600)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.components(separatedBy: "waiting for running VM migrations:\nprod/vm-db-02-mig-9kq2d vm-db-02 Running\n").count == 4)
        #expect(outcome.stdout.hasSuffix("no VM migration is running\n"))
    }

    @Test func theScriptFailsTheSyncAtTheTimeout() throws {
        let outcome = try runScript(runningFor: 1_000, timeout: 0)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("VM migrations still running after 0s (namespace/name VM phase):\nprod/vm-db-02-mig-9kq2d vm-db-02 Running\n"))
    }
}
