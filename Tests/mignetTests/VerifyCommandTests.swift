import Foundation
import Testing

@Suite struct VerifyCommandTests {
    static let fixtures = "Tests/mignetTests/Fixtures/verify/"

    func verify(_ cluster: String, kubevirt: String = "kubevirt.yaml", format: String = "text") throws -> MignetProcess.Outcome {
        let folder = Self.fixtures + cluster + "/"
        return try InProcess.run(["verify", "examples/ui-equivalent.yaml", "--setting", folder + "setting.yaml", "--pods", folder + "pods.yaml",
                                      "--kubevirt", folder + kubevirt, "--nads", folder + "nads.yaml", "--format", format])
    }

    @Test func aHealthyClusterPasses() throws {
        let outcome = try verify("healthy")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("all 9 checks passed\n"))
        #expect(outcome.stdout.contains("PASS  virt-handler-tz8bd: 10.1.2.4 on migration0 (harvester-system/vm-migration-network-53b3d885)\n"))
    }

    @Test func aClusterConfiguredOnlyByTheFullDeliveryPasses() throws {
        // Never configured through the UI: the Setting has the rendered annotations and no status,
        // because Harvester's controller finds its annotations written and writes nothing.
        let outcome = try verify("full-delivery")
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("PASS  Setting: no configured condition, as under the full delivery (the controller had nothing to do); the pods, KubeVirt and NAD checks are the evidence\n"))
        #expect(outcome.stdout.hasSuffix("all 9 checks passed\n"))
    }

    /// The cluster network's MTU went from 9000 back to 1500: network-controller rewrote the NAD
    /// with "mtu":1500 (network-controller-harvester pkg/controller/manager/nad/controller.go
    /// OnCNChange), where mignet renders none. verify says what it is and what to do.
    @Test func aLoweredMTUIsExplained() throws {
        let outcome = try verify("mtu-lowered")
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("FAIL  vm-migration-network-53b3d885: the live config ends in \"mtu\":1500, which Harvester's network controller writes when a cluster network's MTU is lowered to 1500, where mignet renders none (1500 is the default): the same MTU, spelled otherwise\n"))
        #expect(outcome.stdout.contains("      apply or sync it: the NAD webhook takes a config without mtu on a 1500 cluster network (no mtu counts as 1500),\n"))
        #expect(outcome.stdout.hasSuffix("1 of 9 checks failed\n"))
    }

    @Test func aHalfRolledOutClusterListsThePodsWithoutAnAddress() throws {
        let outcome = try verify("half-rolled-out")
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("FAIL  virt-handler-h2v6r: no address on the migration network (Pending, ContainerCreating)\n"))
        #expect(outcome.stdout.contains("FAIL  NAD: other migration NADs remain: vm-migration-network-7vjqs\n"))
        #expect(outcome.stdout.hasSuffix("2 of 10 checks failed\n"))
    }

    @Test func aBrokenClusterIsExplained() throws {
        let outcome = try verify("broken", kubevirt: "kubevirt.json")
        #expect(outcome.status == 2)
        let text = outcome.stdout
        #expect(text.contains("FAIL  Setting: condition configured is False: reason ReconcileError: failed to update kubevirt"))
        #expect(text.contains("kubectl annotate settings.harvesterhci.io vm-migration-network vm-migration-network.settings.harvesterhci.io/hash-\n"))
        #expect(text.contains("FAIL  virt-handler-4kq7m: 10.1.2.1 on migration0 is an excluded address of 10.1.2.0/24\n"))
        #expect(text.contains("FAIL  virt-handler-pq3lf: no address on the migration network (Running, CrashLoopBackOff)\n"))
        #expect(text.contains("      10.1.2.5: virt-handler-9xw2c, virt-handler-tz8bd\n"))
        #expect(text.contains("FAIL  KubeVirt: migrations.network is vm-migration-network-7vjqs, the rendering says vm-migration-network-53b3d885\n"))
        #expect(text.contains("FAIL  vm-migration-network-53b3d885: the MTU differs: live 9000, rendered 1500 (none written)"))
    }

    @Test func theJSONReportHasEveryCheck() throws {
        let outcome = try verify("broken", kubevirt: "kubevirt.json", format: "json")
        #expect(outcome.status == 2)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["passed"] as? Bool == false)
        #expect(report["failed_count"] as? Int == 6)
        let checks = try #require(report["checks"] as? [[String: Any]])
        #expect(checks.count == 10)
        #expect(Set(checks.compactMap { $0["check"] as? String }) == ["setting-value", "setting-annotations", "setting-configured", "pod-network", "pod-addresses-unique", "kubevirt-network", "nad-config"])
    }

    @Test func kubeVirtAndNADsAreOptional() throws {
        let folder = Self.fixtures + "healthy/"
        let outcome = try InProcess.run(["verify", "examples/ui-equivalent.yaml", "--setting", folder + "setting.yaml", "--pods", folder + "pods.yaml"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("all 7 checks passed\n"))
    }

    @Test func unusableInputIsExitOne() throws {
        let outcome = try MignetProcess.run(["verify", "examples/ui-equivalent.yaml", "--setting", "examples/ui-equivalent.yaml", "--pods", "-"], stdin: "a: [1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("<stdin>:"))
        #expect(outcome.stderr.contains("[yaml-syntax]"))
    }
}
