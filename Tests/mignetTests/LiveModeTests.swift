import Foundation
import Testing

/// Live mode: mignet runs the documented `kubectl get` commands itself. There is no API server
/// here, so a stand-in `KUBECTL` answers exactly the command lines it expects (anything else is
/// exit 3 and fails the test) with the fixtures, and logs every call; the real kubectl is run
/// against an unreachable loopback server, and as the host of the `kubectl mignet` plugin.
@Suite struct LiveModeTests {
    static let preflightFixtures = MignetProcess.root + "/Tests/mignetTests/Fixtures/preflight/"
    static let verifyFixtures = MignetProcess.root + "/Tests/mignetTests/Fixtures/verify/healthy/"
    static let global = "--context lab --kubeconfig /etc/lab.kubeconfig --request-timeout=30s"

    /// A stand-in kubectl in `directory`: each expected argument line (after the global options)
    /// prints its file; `behaviour` replaces that for every line (fail, hang, garbage, ...).
    static func standIn(in directory: String, _ table: [(arguments: String, file: String)], behaviour: String? = nil) throws -> String {
        var script = "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"\(directory)/calls.log\"\n"
        if let behaviour { script += behaviour + "\n" }
        script += "case \"$*\" in\n"
        for entry in table {
            script += "  \"\(global) \(entry.arguments)\") cat '\(entry.file)'; exit 0 ;;\n"
        }
        script += "  *) echo \"stand-in: unexpected command: $*\" >&2; exit 3 ;;\nesac\n"
        let path = directory + "/kubectl"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static let preflightTable: [(arguments: String, file: String)] = [
        ("get settings.harvesterhci.io -o yaml", "settings.yaml"),
        ("get virtualmachineinstancemigrations.kubevirt.io --all-namespaces -o yaml", "migrations.yaml"),
        ("get clusternetworks.network.harvesterhci.io -o yaml", "clusternetworks.yaml"),
        ("get vlanconfigs.network.harvesterhci.io -o yaml", "vlanconfigs.yaml"),
        ("get vlanstatuses.network.harvesterhci.io -o yaml", "vlanstatuses.yaml"),
        ("get nodes -o yaml", "nodes.yaml"),
        ("get servicecidrs.networking.k8s.io -o yaml", "servicecidrs.yaml"),
    ]

    func table(_ cluster: String) -> [(arguments: String, file: String)] {
        Self.preflightTable.map { ($0.arguments, Self.preflightFixtures + "clusters/\(cluster)/" + $0.file) }
    }

    /// mignet in process, with the stand-in as its kubectl.
    func run(_ arguments: [String], kubectl: String) throws -> MignetProcess.Outcome {
        try InProcess.run(arguments + ["--context", "lab", "--kubeconfig", "/etc/lab.kubeconfig"], environment: ["KUBECTL": kubectl])
    }

    static func calls(_ directory: String) throws -> [String] {
        try String(contentsOfFile: directory + "/calls.log", encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func preflightLiveReadsWhatTheFilesWouldGiveAndSavesIt() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let kubectl = try Self.standIn(in: directory, table("healthy"))
        let spec = Self.preflightFixtures + "spec.yaml"
        let live = try run(["preflight", spec, "--live", "--save", directory + "/saved"], kubectl: kubectl)
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout == (try String(contentsOfFile: Self.preflightFixtures + "expected/healthy.txt", encoding: .utf8)))
        // Exactly the documented gets, in this order, and nothing else.
        #expect(try Self.calls(directory) == ["clusternetworks", "vlanconfigs", "vlanstatuses", "nodes", "migrations", "settings", "servicecidrs"].map { name in
            Self.global + " " + Self.preflightTable.first { $0.file == name + ".yaml" }!.arguments
        })
        #expect(try Self.calls(directory).allSatisfy { $0.hasPrefix(Self.global + " get ") })
        // What was saved replays offline to the same report.
        let saved = try FileManager.default.contentsOfDirectory(atPath: directory + "/saved").sorted()
        #expect(saved == Self.preflightTable.map(\.file).sorted())
        let replay = try InProcess.run(["preflight", spec, "--cluster", directory + "/saved"])
        #expect(replay.stdout == live.stdout)
    }

    @Test func aKubectlThatFailsIsExitOneWithItsMessageAndCommand() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let kubectl = try Self.standIn(in: directory, table("healthy"), behaviour: "echo 'error: context \"lab\" does not exist' >&2; exit 1")
        let outcome = try run(["preflight", Self.preflightFixtures + "spec.yaml", "--live", "--save", directory + "/saved"], kubectl: kubectl)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("mignet: kubectl failed (exit 1): error: context \"lab\" does not exist\n  command: \(kubectl) \(Self.global) get clusternetworks.network.harvesterhci.io -o yaml\n"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/saved"), "nothing is saved from a failed read")
    }

    @Test func aKubectlThatHangsIsStoppedAtTheTimeout() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let kubectl = try Self.standIn(in: directory, table("healthy"), behaviour: "sleep 60")
        let started = Date()
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECTL"] = kubectl
        let outcome = try MignetProcess.run(["preflight", Self.preflightFixtures + "spec.yaml", "--live", "--kubectl-timeout", "1"], environment: environment)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("kubectl did not finish within 1 s (--kubectl-timeout) and was stopped"))
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func garbageFromKubectlIsALocatedError() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let kubectl = try Self.standIn(in: directory, table("healthy"), behaviour: "echo '<html><body>502 Bad Gateway</body></html>'; exit 0")
        let outcome = try run(["preflight", Self.preflightFixtures + "spec.yaml", "--live"], kubectl: kubectl)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("kubectl get clusternetworks.network.harvesterhci.io -o yaml:1:1: error:"), "\(outcome.stderr)")
    }

    @Test func aClusterWithoutServiceCIDRsIsAWarningNotAFailure() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let missing = "case \"$*\" in *servicecidrs*) echo 'error: the server doesn'\"'\"'t have a resource type \"servicecidrs\"' >&2; exit 1 ;; esac"
        let kubectl = try Self.standIn(in: directory, table("healthy"), behaviour: missing)
        let outcome = try run(["preflight", Self.preflightFixtures + "spec.yaml", "--live"], kubectl: kubectl)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("WARN  service network: not checked: nothing was read from servicecidrs.yaml"))
    }

    @Test func verifyLiveRunsItsFourGets() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let kubectl = try Self.standIn(in: directory, [
            ("get settings.harvesterhci.io vm-migration-network -o yaml", Self.verifyFixtures + "setting.yaml"),
            ("get pods --namespace harvester-system --selector kubevirt.io=virt-handler -o yaml", Self.verifyFixtures + "pods.yaml"),
            ("get kubevirts.kubevirt.io kubevirt --namespace harvester-system -o yaml", Self.verifyFixtures + "kubevirt.yaml"),
            ("get network-attachment-definitions.k8s.cni.cncf.io --namespace harvester-system -o yaml", Self.verifyFixtures + "nads.yaml"),
        ])
        let outcome = try run(["verify", "examples/ui-equivalent.yaml", "--live", "--save", directory + "/saved"], kubectl: kubectl)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("all 9 checks passed\n"))
        #expect(try Self.calls(directory).count == 4)
        let replay = try InProcess.run(["verify", "examples/ui-equivalent.yaml", "--setting", directory + "/saved/setting.yaml", "--pods", directory + "/saved/pods.yaml",
                                            "--kubevirt", directory + "/saved/kubevirt.yaml", "--nads", directory + "/saved/nads.yaml"])
        #expect(replay.stdout == outcome.stdout)
        #expect(try InProcess.run(["verify", "examples/ui-equivalent.yaml", "--live", "--pods", "x.yaml"]).status == 64)
    }

    @Test func importLiveFillsReleaseNodesAndMTU() throws {
        let directory = try MignetProcess.temporaryDirectory()
        // The mtu-mismatch cluster: its migration network runs MTU 9000; add the live Setting.
        let settings = try String(contentsOfFile: Self.preflightFixtures + "clusters/mtu-mismatch/settings.yaml", encoding: .utf8)
            .replacingOccurrences(of: "value: ''\n", with: "value: '{\"clusterNetwork\":\"migration\",\"vlan\":100,\"range\":\"10.1.2.0/24\",\"exclude\":[\"10.1.2.1/32\"]}'\n")
        try settings.write(toFile: directory + "/settings.yaml", atomically: true, encoding: .utf8)
        let kubectl = try Self.standIn(in: directory, [
            ("get settings.harvesterhci.io -o yaml", directory + "/settings.yaml"),
            ("get nodes -o yaml", Self.preflightFixtures + "clusters/witness/nodes.yaml"),
            ("get clusternetworks.network.harvesterhci.io -o yaml", Self.preflightFixtures + "clusters/mtu-mismatch/clusternetworks.yaml"),
            ("get vlanconfigs.network.harvesterhci.io -o yaml", Self.preflightFixtures + "clusters/mtu-mismatch/vlanconfigs.yaml"),
        ])
        let outcome = try run(["import", "--live", "--name", "lab"], kubectl: kubectl)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("spec:\n  harvesterVersion: v1.8.2\n  clusterNetwork: migration\n  vlan: 100\n  range: 10.1.2.0/24\n  exclude:\n  - 10.1.2.1/32\n  mtu: 9000\n  nodes: 3\n"), "\(outcome.stdout)")
        #expect(outcome.stderr.contains("mignet: note: nodes: 3, the nodes that run virt-handler now (witness nodes not counted)"))
        #expect(try InProcess.run(["import", "x.yaml", "--live"]).status == 64)
    }

    /// The real kubectl against a loopback port nothing listens on: a clean, quick exit 1 with
    /// kubectl's own message.
    @Test(.enabled(if: Integration.runsKubectl))
    func theRealKubectlFailsCleanlyAndQuickly() throws {
        let kubectl = try #require(Integration.kubectl, "kubectl is not on PATH")
        let directory = try MignetProcess.temporaryDirectory()
        let config = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: nowhere
              cluster:
                server: https://127.0.0.1:9
            contexts:
            - name: nowhere
              context:
                cluster: nowhere
                user: nobody
            current-context: nowhere
            users:
            - name: nobody
              user:
                token: not-a-token

            """
        try config.write(toFile: directory + "/kubeconfig", atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECTL"] = kubectl
        let started = Date()
        let outcome = try MignetProcess.run(["preflight", Self.preflightFixtures + "spec.yaml", "--live", "--kubeconfig", directory + "/kubeconfig", "--kubectl-timeout", "10"],
                                            environment: environment)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("mignet: kubectl failed (exit 1)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("The connection to the server 127.0.0.1:9 was refused"))
        #expect(outcome.stderr.contains("  command: \(kubectl) --kubeconfig \(directory)/kubeconfig --request-timeout=10s get clusternetworks.network.harvesterhci.io -o yaml"))
        #expect(Date().timeIntervalSince(started) < 15)
    }

    /// `kubectl mignet …` runs mignet as a plugin: kubectl finds `kubectl-mignet` on PATH.
    @Test(.enabled(if: Integration.runsKubectl))
    func mignetWorksAsAKubectlPlugin() throws {
        let kubectl = try #require(Integration.kubectl, "kubectl is not on PATH")
        let directory = try MignetProcess.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory + "/kubectl-mignet", withDestinationPath: MignetProcess.binary)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = directory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let listed = try MignetProcess.runTool(kubectl, ["plugin", "list"], environment: environment)
        #expect(listed.stdout.contains(directory + "/kubectl-mignet"), "\(listed.stdout)\(listed.stderr)")
        let outcome = try MignetProcess.runTool(kubectl, ["mignet", "validate", "examples/dedicated.yaml"], environment: environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let refused = try MignetProcess.runTool(kubectl, ["mignet", "validate", "Tests/Corpus/releases/v1.9-ipv6.yaml"], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[address-ipv6-unsupported]"))
    }
}
