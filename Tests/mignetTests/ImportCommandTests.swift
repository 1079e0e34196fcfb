import Foundation
import Testing

@Suite struct ImportCommandTests {
    static let fixtures = "Tests/mignetTests/Fixtures/import/"

    /// Imports `fixture`, renders the spec, and returns the rendered Setting's value and the NAD name.
    func roundTrip(_ fixture: String, nodes: String = "3") throws -> (value: String, rendered: String) {
        let directory = try MignetProcess.temporaryDirectory()
        let imported = try MignetProcess.run(["import", Self.fixtures + fixture, "--name", "adopted", "--nodes", nodes, "-o", directory + "/adopted.yaml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let render = try MignetProcess.run(["render", directory + "/adopted.yaml"])
        #expect(render.status == 0, "\(render.stderr)")
        let line = try #require(render.stdout.split(separator: "\n").first { $0.hasPrefix("value: ") })
        return (String(line.dropFirst("value: ".count)), render.stdout)
    }

    @Test func aValueInTheUIsSpellingRendersTheSameBytesAndKeepsTheLiveNAD() throws {
        let (value, rendered) = try roundTrip("ui-configured.yaml")
        #expect(value == #"'{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}'"#)
        #expect(rendered.contains("      network: vm-migration-network-7vjqs\n"))
        #expect(rendered.contains("net-attach-def: harvester-system/vm-migration-network-7vjqs\n"))
        #expect(rendered.contains("hash: 53b3d885bff81415175bb1b9a97032ecfe7721a7\n"))
    }

    @Test func anotherSpellingIsPinnedByteForByte() throws {
        let outcome = try MignetProcess.run(["import", Self.fixtures + "docs-spelling.json", "--name", "lab", "--nodes", "3"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(#"  pinnedValue: '{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24", "exclude":["192.168.1.100/32"]}'"#))
        #expect(outcome.stderr.contains("spelled otherwise than the Harvester UI writes it"))
        let (value, rendered) = try roundTrip("docs-spelling.json")
        #expect(value == #"'{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24", "exclude":["192.168.1.100/32"]}'"#)
        #expect(rendered.contains("hash: 1877b05f279a88e412959d87c83307bd503f71ea\n"))
        #expect(rendered.contains("      network: vm-migration-network-p2kfw\n"))
    }

    @Test func anEmptyValueImportsAsDisabled() throws {
        let outcome = try MignetProcess.run(["import", Self.fixtures + "disabled-list.yaml", "--name", "old"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("spec:\n  enabled: false\n"))
        #expect(outcome.stderr == "")
    }

    @Test func withoutNodesTheFieldIsLeftForTheUser() throws {
        let outcome = try MignetProcess.run(["import", Self.fixtures + "ui-configured.yaml"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("  # nodes: the number of nodes that run virt-handler today (witness nodes do not); required\n  adoptedNAD:"))
        #expect(outcome.stderr.contains("set spec.nodes (or rerun with --nodes N)"))
        #expect(!outcome.stderr.contains("error"))
    }

    @Test func aValueMignetRefusesIsWrittenWithItsDiagnostics() throws {
        let outcome = try MignetProcess.run(["import", Self.fixtures + "invalid-by-mignet.yaml", "--name", "bad", "--nodes", "2"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("  range: 10.42.0.0/24\n"))
        #expect(outcome.stderr.contains("<imported spec>:9:10: error: range '10.42.0.0/24' overlaps 10.42.0.0/16"))
        #expect(outcome.stderr.contains("[exclude-overlap]"))
        #expect(outcome.stderr.contains("no live NAD was adopted"))
    }

    @Test func somethingElseIsUnusableInput() throws {
        let outcome = try MignetProcess.run(["import", "-"], stdin: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("[object-missing]"))
        let unreadable = try MignetProcess.run(["import", "-"], stdin: "kind: Setting\nmetadata:\n  name: vm-migration-network\nvalue: 'vlan=100'\n")
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("<stdin>:4:8: error: the setting's value cannot be read as Harvester reads it"))
    }

    @Test func neverOverwritesWithoutForce() throws {
        let path = try MignetProcess.temporaryDirectory() + "/spec.yaml"
        try "mine\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try MignetProcess.run(["import", Self.fixtures + "ui-configured.yaml", "-o", path])
        #expect(outcome.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine\n")
    }
}
