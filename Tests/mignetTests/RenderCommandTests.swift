import Foundation
import Testing

@Suite struct RenderCommandTests {
    static let examples = ["dedicated", "disabled", "exclusive-storage-vlan", "jumbo-frames", "management-network", "rwx-peer", "storage-peer", "ui-equivalent"]

    /// The committed files of a cluster, concatenated in apply order.
    static func golden(cluster: String) throws -> String {
        let folder = MignetProcess.root + "/examples/rendered/" + cluster
        return try ["networkattachmentdefinition.yaml", "setting.yaml", "kubevirt-patch.yaml"].compactMap { name in
            let path = folder + "/" + name
            return FileManager.default.fileExists(atPath: path) ? try String(contentsOfFile: path, encoding: .utf8) : nil
        }.joined()
    }

    static func clusterName(of example: String) throws -> String {
        let text = try String(contentsOfFile: MignetProcess.root + "/examples/\(example).yaml", encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  name: ") })
        return String(line.dropFirst("  name: ".count))
    }

    @Test(arguments: examples)
    func stdoutIsTheGoldenDocuments(example: String) throws {
        let outcome = try InProcess.run(["render", "examples/\(example).yaml"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == (try Self.golden(cluster: try Self.clusterName(of: example))))
        if example != "management-network" { #expect(outcome.stderr == "") }
    }

    @Test func specsAreRenderedInTheOrderGiven() throws {
        let outcome = try InProcess.run(["render", "examples/ui-equivalent.yaml", "examples/disabled.yaml"])
        #expect(outcome.status == 0)
        // Each cluster's documents follow a comment line naming it; the documents are the goldens.
        #expect(outcome.stdout == "# mignet: cluster ui-equivalent from examples/ui-equivalent.yaml\n" + (try Self.golden(cluster: "ui-equivalent"))
                + "# mignet: cluster staging from examples/disabled.yaml\n" + (try Self.golden(cluster: "staging")))
    }

    @Test func anErrorAnywhereRendersNothing() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let bad = directory + "/bad.yaml"
        try "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: bad\nspec:\n  clusterNetwork: migration\n  vlan: 4095\n  range: 10.1.2.0/24\n  nodes: 3\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let outcome = try InProcess.run(["render", "examples/dedicated.yaml", bad])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("\(bad):7:9: error: vlan 4095 is outside 1...4094 [vlan-out-of-range]\n    7 |   vlan: 4095\n      |         ^\n"))
        #expect(outcome.stderr.hasSuffix("mignet: 1 error\n"))
    }

    @Test func outputIsTheSameWhateverTheLocale() throws {
        let reference = try InProcess.run(["render", "examples/dedicated.yaml", "examples/disabled.yaml"])
        for locale in ["C", "de_DE.UTF-8", "tr_TR.UTF-8", "ar_SA.UTF-8"] {
            let environment = ["PATH": "/usr/bin:/bin", "LANG": locale, "LC_ALL": locale, "TZ": "Pacific/Kiritimati"]
            let outcome = try MignetProcess.run(["render", "examples/dedicated.yaml", "examples/disabled.yaml"], environment: environment)
            #expect(outcome.stdout == reference.stdout)
        }
    }

    @Test func readsStandardInput() throws {
        let text = try String(contentsOfFile: MignetProcess.root + "/examples/ui-equivalent.yaml", encoding: .utf8)
        let outcome = try MignetProcess.run(["render", "-"], stdin: text)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == (try Self.golden(cluster: "ui-equivalent")))
    }

    /// Without -o, every profile prints its objects: its folder's files less kustomization.yaml,
    /// fleet.yaml and apply.sh, in the folder's order; kubectl's is the full delivery.
    @Test(arguments: ["argocd", "fleet", "kubectl"])
    func everyProfilePrintsItsObjectsToStdout(delivery: String) throws {
        let outcome = try InProcess.run(["render", "examples/gitops-repo/clusters", "--delivery", delivery, "--cluster", "berlin"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = MignetProcess.root + "/examples/gitops-repo/rendered/\(delivery)/berlin/"
        let order = ["presync-wait-for-migrations.yaml", "networkattachmentdefinition.yaml", "setting.yaml", "kubevirt-patch.yaml"]
        let expected = try order.filter { FileManager.default.fileExists(atPath: folder + $0) }.map { try String(contentsOfFile: folder + $0, encoding: .utf8) }.joined()
        #expect(outcome.stdout == expected)
        #expect(!outcome.stdout.contains("kind: Kustomization") && !outcome.stdout.contains("overrideTargets") && !outcome.stdout.contains("#!/bin/sh"))
        let plain = try InProcess.run(["render", "examples/gitops-repo/clusters/berlin.yaml"])
        #expect((plain.stdout == outcome.stdout) == (delivery == "kubectl"))
    }

    @Test func clusterSelectsOneSpecAndNeedsStdout() throws {
        let all = try InProcess.run(["render", "examples/gitops-repo/clusters"])
        #expect(all.stdout.contains("# mignet: cluster lab from examples/gitops-repo/clusters/lab.yaml\n"))
        let one = try InProcess.run(["render", "examples/gitops-repo/clusters", "--cluster", "lab"])
        #expect(one.status == 0)
        let alone = try InProcess.run(["render", "examples/gitops-repo/clusters/lab.yaml"])
        #expect(!one.stdout.contains("# mignet: cluster") && one.stdout == alone.stdout)
        let missing = try InProcess.run(["render", "examples/gitops-repo/clusters", "--cluster", "oslo"])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr == "mignet: no spec has metadata.name 'oslo'; the specs name 'berlin', 'lab', 'paris'\n")
        let withOutput = try InProcess.run(["render", "examples/gitops-repo/clusters", "--cluster", "lab", "-o", MignetProcess.temporaryDirectory()])
        #expect(withOutput.status == 64)
    }
}
