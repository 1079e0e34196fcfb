import Foundation
import Testing

/// The kubectl profile's `apply.sh`, run against a stand-in kubectl that records its calls.
@Suite struct ApplyScriptTests {
    func fakeKubectl(in directory: String, failingOn failure: String?) throws -> String {
        let path = directory + "/kubectl"
        let fail = failure.map { "case \"$*\" in *\"\($0)\"*) echo \"refused: $*\" >&2; exit 1;; esac\n" } ?? ""
        try "#!/bin/sh\necho \"$*\" >> \"\(directory)/calls\"\n\(fail)exit 0\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func run(cluster: String, failingOn failure: String? = nil) throws -> (status: Int32, calls: [String]) {
        let directory = try MignetProcess.temporaryDirectory()
        let kubectl = try fakeKubectl(in: directory, failingOn: failure)
        let script = MignetProcess.root + "/examples/gitops-repo/rendered/kubectl/\(cluster)/apply.sh"
        let outcome = try MignetProcess.runTool("/bin/sh", [script], environment: ["KUBECTL": kubectl, "PATH": "/usr/bin:/bin"], in: directory)
        let calls = (try? String(contentsOfFile: directory + "/calls", encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return (outcome.status, calls)
    }

    @Test func appliesInOrderAndRemovesOldNADs() throws {
        let (status, calls) = try run(cluster: "berlin")
        #expect(status == 0)
        #expect(calls.count == 4)
        #expect(calls[0] == "apply -f networkattachmentdefinition.yaml")
        #expect(calls[1] == "apply -f setting.yaml")
        #expect(calls[2] == "patch kubevirt kubevirt -n harvester-system --type merge --patch-file kubevirt-patch.yaml")
        #expect(calls[3].hasPrefix("delete network-attachment-definitions.k8s.cni.cncf.io -n harvester-system -l vm-migration-network.settings.harvesterhci.io/hash,vm-migration-network.settings.harvesterhci.io/hash!="))
    }

    @Test func stopsAtTheFirstFailure() throws {
        let (status, calls) = try run(cluster: "berlin", failingOn: "setting.yaml")
        #expect(status != 0)
        #expect(calls == ["apply -f networkattachmentdefinition.yaml", "apply -f setting.yaml"])
    }

    @Test func disabledClusterClearsKubeVirtAndEveryMigrationNAD() throws {
        let (status, calls) = try run(cluster: "lab")
        #expect(status == 0)
        #expect(calls == [
            "apply -f setting.yaml",
            "patch kubevirt kubevirt -n harvester-system --type merge --patch-file kubevirt-patch.yaml",
            "delete network-attachment-definitions.k8s.cni.cncf.io -n harvester-system -l vm-migration-network.settings.harvesterhci.io/hash --ignore-not-found",
        ])
    }
}
