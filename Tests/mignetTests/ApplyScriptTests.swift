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

    func run(cluster: String, failingOn failure: String? = nil, arguments: [String] = [], kubectlArguments: String = "") throws -> (status: Int32, calls: [String]) {
        let directory = try MignetProcess.temporaryDirectory()
        let kubectl = try fakeKubectl(in: directory, failingOn: failure)
        let script = MignetProcess.root + "/examples/gitops-repo/rendered/kubectl/\(cluster)/apply.sh"
        let outcome = try MignetProcess.runTool("/bin/sh", [script] + arguments, environment: ["KUBECTL": kubectl + kubectlArguments, "PATH": "/usr/bin:/bin"], in: directory)
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

    @Test func itsArgumentsGoToEveryKubectlCall() throws {
        let (status, calls) = try run(cluster: "berlin", arguments: ["--context", "prod east", "--dry-run=server"])
        #expect(status == 0)
        #expect(calls.count == 4)
        #expect(calls.allSatisfy { $0.hasSuffix(" --context prod east --dry-run=server") }, "\(calls)")
        #expect(calls[0] == "apply -f networkattachmentdefinition.yaml --context prod east --dry-run=server")
    }

    @Test func kubectlMayBeACommandWithArguments() throws {
        let (status, calls) = try run(cluster: "lab", arguments: ["-v=2"], kubectlArguments: " --context prod")
        #expect(status == 0)
        #expect(calls.count == 3)
        #expect(calls.allSatisfy { $0.hasPrefix("--context prod ") && $0.hasSuffix(" -v=2") }, "\(calls)")
    }

    /// Every apply.sh mignet has rendered passes shellcheck.
    @Test(.enabled(if: Integration.runsShellcheck, "needs shellcheck"))
    func everyScriptIsShellcheckClean() throws {
        let shellcheck = try #require(Integration.shellcheck, "shellcheck is not on PATH")
        var scripts: [String] = []
        for folder in ["examples/rendered", "examples/gitops-repo/rendered/kubectl"] {
            for cluster in try FileManager.default.contentsOfDirectory(atPath: MignetProcess.root + "/" + folder) {
                let path = MignetProcess.root + "/" + folder + "/" + cluster + "/apply.sh"
                if FileManager.default.fileExists(atPath: path) { scripts.append(path) }
            }
        }
        #expect(scripts.count >= 10)
        let outcome = try MignetProcess.runTool(shellcheck, ["--shell=sh", "--severity=style"] + scripts)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
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
