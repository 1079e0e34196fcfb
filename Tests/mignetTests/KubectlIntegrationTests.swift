import Foundation
import Testing

/// The rendered KubeVirt patch applied by the real kubectl as a merge patch, offline
/// (`kubectl patch --local`). Skipped where kubectl is missing, except in CI
/// (`MIGNET_REQUIRE_INTEGRATION=1`), where a missing kubectl fails.
@Suite(.enabled(if: Integration.runsKubectl, "kubectl is not on PATH"))
struct KubectlIntegrationTests {
    static let liveKubeVirt = """
        apiVersion: kubevirt.io/v1
        kind: KubeVirt
        metadata:
          name: kubevirt
          namespace: harvester-system
        spec:
          configuration:
            migrations:
              allowAutoConverge: false
              network: vm-migration-network-0ld0ld00
            developerConfiguration:
              featureGates:
              - LiveMigration

        """

    func patched(with patch: String) throws -> String? {
        guard let kubectl = Integration.kubectl else {
            Issue.record("kubectl is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
            return nil
        }
        let directory = try MignetProcess.temporaryDirectory()
        try Self.liveKubeVirt.write(toFile: directory + "/kubevirt.yaml", atomically: true, encoding: .utf8)
        let outcome = try MignetProcess.runTool(kubectl, ["patch", "--local", "-f", "kubevirt.yaml", "--type", "merge",
                                                          "--patch-file", MignetProcess.root + "/" + patch, "-o", "json"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout
    }

    func migrations(_ json: String) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let spec = try #require(object["spec"] as? [String: Any])
        let configuration = try #require(spec["configuration"] as? [String: Any])
        #expect(configuration["developerConfiguration"] != nil, "the patch must leave other configuration alone")
        return try #require(configuration["migrations"] as? [String: Any])
    }

    @Test func enabledPatchPointsKubeVirtAtTheNAD() throws {
        guard let json = try patched(with: "examples/rendered/prod-east/kubevirt-patch.yaml") else { return }
        let migrations = try migrations(json)
        #expect(migrations["network"] as? String == "vm-migration-network-ba110739")
        #expect(migrations["allowAutoConverge"] as? Bool == false)
    }

    @Test func disabledPatchRemovesTheField() throws {
        guard let json = try patched(with: "examples/rendered/staging/kubevirt-patch.yaml") else { return }
        let migrations = try migrations(json)
        #expect(migrations["network"] == nil)
        #expect(migrations["allowAutoConverge"] as? Bool == false)
    }

    /// Every Argo CD folder of the example repository builds with the real kustomize.
    @Test func argoCDFoldersBuildWithKustomize() throws {
        guard let kubectl = Integration.kubectl else {
            Issue.record("kubectl is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
            return
        }
        let root = MignetProcess.root + "/examples/gitops-repo/rendered/argocd"
        let folders = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(folders == ["berlin", "lab", "paris"])
        for folder in folders {
            let outcome = try MignetProcess.runTool(kubectl, ["kustomize", root + "/" + folder])
            #expect(outcome.status == 0, "\(folder): \(outcome.stderr)")
            #expect(outcome.stdout.contains("kind: Setting"))
            #expect(outcome.stdout.contains("argocd.argoproj.io/sync-options: Prune=false,Delete=false"))
            if folder != "lab" {
                #expect(outcome.stdout.contains("kind: NetworkAttachmentDefinition"))
                #expect(outcome.stdout.contains("argocd.argoproj.io/sync-options: ServerSideApply=true,Prune=false,Delete=false"))
            }
            // berlin asks for the PreSync hook (waitForMigrations): its four objects build too.
            #expect(outcome.stdout.contains("kind: Job") == (folder == "berlin"))
            if folder == "berlin" {
                for kind in ["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Job"] { #expect(outcome.stdout.contains("kind: \(kind)\n")) }
                #expect(outcome.stdout.components(separatedBy: "argocd.argoproj.io/hook: PreSync\n").count == 5)
            }
        }
    }
}
