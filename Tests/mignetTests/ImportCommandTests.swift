import Foundation
import Testing

@Suite struct ImportCommandTests {
    static let fixtures = "Tests/mignetTests/Fixtures/import/"

    /// Imports `fixture`, renders the spec, and returns the rendered Setting's value and the NAD name.
    func roundTrip(_ fixture: String, nodes: String = "3") throws -> (value: String, rendered: String) {
        let directory = try MignetProcess.temporaryDirectory()
        let imported = try InProcess.run(["import", Self.fixtures + fixture, "--name", "adopted", "--nodes", nodes, "-o", directory + "/adopted.yaml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let render = try InProcess.run(["render", directory + "/adopted.yaml"])
        #expect(render.status == 0, "\(render.stderr)")
        let line = try #require(render.stdout.split(separator: "\n").first { $0.hasPrefix("value: ") })
        return (String(line.dropFirst("value: ".count)), render.stdout)
    }

    /// kubectl's output is held to its own limit, 64 MiB, not a spec's 4 MiB: a large cluster's
    /// dump (or a folder `--live --save` wrote) reads back; past the limit it is refused unread.
    @Test func kubectlOutputMayBeLargerThanASpec() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let big = directory + "/setting.yaml"
        let padding = String(repeating: "x", count: 5 << 20)
        try """
            apiVersion: harvesterhci.io/v1beta1
            kind: Setting
            metadata:
              name: vm-migration-network
              annotations:
                padding: "\(padding)"
            value: '{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":[]}'

            """.write(toFile: big, atomically: true, encoding: .utf8)
        let imported = try InProcess.run(["import", big, "--name", "big", "--nodes", "3"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("vlan: 100"))

        let huge = directory + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let refused = try InProcess.run(["import", huge, "--name", "big", "--nodes", "3"])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("huge.yaml:1:1: error: the file is 68157440 bytes; a file of kubectl output may be at most 67108864 bytes [input-too-large]"))
    }

    @Test func aValueInTheUIsSpellingRendersTheSameBytesAndKeepsTheLiveNAD() throws {
        let (value, rendered) = try roundTrip("ui-configured.yaml")
        #expect(value == #"'{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}'"#)
        #expect(rendered.contains("      network: vm-migration-network-7vjqs\n"))
        #expect(rendered.contains("net-attach-def: harvester-system/vm-migration-network-7vjqs\n"))
        #expect(rendered.contains("hash: 53b3d885bff81415175bb1b9a97032ecfe7721a7\n"))
    }

    @Test func anotherSpellingIsPinnedByteForByte() throws {
        let outcome = try InProcess.run(["import", Self.fixtures + "docs-spelling.json", "--name", "lab", "--nodes", "3"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(#"  pinnedValue: '{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24", "exclude":["192.168.1.100/32"]}'"#))
        #expect(outcome.stderr.contains("spelled otherwise than the Harvester UI writes it"))
        let (value, rendered) = try roundTrip("docs-spelling.json")
        #expect(value == #"'{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24", "exclude":["192.168.1.100/32"]}'"#)
        #expect(rendered.contains("hash: 1877b05f279a88e412959d87c83307bd503f71ea\n"))
        #expect(rendered.contains("      network: vm-migration-network-p2kfw\n"))
    }

    /// The server version becomes harvesterVersion, from the option, a file, or the same input.
    @Test func theServerVersionBecomesHarvesterVersion() throws {
        let fromOption = try InProcess.run(["import", Self.fixtures + "ui-configured.yaml", "--nodes", "3", "--server-version", "1.9"])
        #expect(fromOption.status == 0, "\(fromOption.stderr)")
        #expect(fromOption.stdout.contains("spec:\n  harvesterVersion: \"1.9\"\n  clusterNetwork: migration\n"))
        let fromFile = try InProcess.run(["import", Self.fixtures + "ui-configured.yaml", "--nodes", "3", "--server-version-file", Self.fixtures + "server-version.yaml"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.contains("  harvesterVersion: v1.8.2\n"))
        #expect(!fromFile.stderr.contains("no server version"))
        // Without one, the spec is held to every release's rules, and the user is told.
        let without = try InProcess.run(["import", Self.fixtures + "ui-configured.yaml", "--nodes", "3"])
        #expect(!without.stdout.contains("harvesterVersion"))
        #expect(without.stderr.contains("mignet: note: no server version was given"))
        // A development build names no release.
        let development = try InProcess.run(["import", Self.fixtures + "ui-configured.yaml", "--nodes", "3", "--server-version", "master-head"])
        #expect(development.status == 0)
        #expect(!development.stdout.contains("harvesterVersion"))
        #expect(development.stderr.contains("the server version 'master-head' names no Harvester release"))
        let both = try InProcess.run(["import", Self.fixtures + "ui-configured.yaml", "--server-version", "v1.8", "--server-version-file", Self.fixtures + "server-version.yaml"])
        #expect(both.status == 64)
        let missing = try InProcess.run(["import", Self.fixtures + "ui-configured.yaml", "--server-version-file", Self.fixtures + "ui-configured.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("object-missing"))
    }

    /// The live value is read as the cluster's release reads it: `"exclusiveVlan":"no"` is an
    /// ignored key to v1.7, and a value v1.9's controller cannot read at all.
    @Test func theLiveValueIsReadAsTheReleaseReadsIt() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let v17 = try InProcess.run(["import", Self.fixtures + "with-server-version-list.yaml", "--nodes", "3", "-o", directory + "/v17.yaml"])
        #expect(v17.status == 0, "\(v17.stderr)")
        let spec = try String(contentsOfFile: directory + "/v17.yaml", encoding: .utf8)
        #expect(spec.contains("  harvesterVersion: v1.7.1\n"))
        #expect(spec.contains(#"  pinnedValue: '{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":[],"exclusiveVlan":"no"}'"#))
        let render = try InProcess.run(["render", directory + "/v17.yaml"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains(#"value: '{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":[],"exclusiveVlan":"no"}'"#))
        let v19 = try InProcess.run(["import", Self.fixtures + "with-server-version-list.yaml", "--nodes", "3", "--server-version", "v1.9"])
        #expect(v19.status == 1)
        #expect(v19.stdout == "")
        #expect(v19.stderr.contains("12:10: error: the setting's value cannot be read as Harvester reads it: json: cannot unmarshal string into Go struct field Config.exclusiveVlan of type bool;"))
    }

    @Test func anEmptyValueImportsAsDisabled() throws {
        let outcome = try InProcess.run(["import", Self.fixtures + "disabled-list.yaml", "--name", "old"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("spec:\n  enabled: false\n"))
        #expect(outcome.stderr == "")
    }

    @Test func withoutNodesTheFieldIsLeftForTheUser() throws {
        let outcome = try InProcess.run(["import", Self.fixtures + "ui-configured.yaml"])
        #expect(outcome.stdout.contains("  # nodes: the number of nodes that run virt-handler today (witness nodes do not); required\n  adoptedNAD:"))
        #expect(outcome.stderr.contains("set spec.nodes (or rerun with --nodes N)"))
        // The spec is not complete, and import says so as validate would: the missing key, exit 1.
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("error: spec is missing the required key 'nodes' [missing-key]"), "\(outcome.stderr)")
        let written = try MignetProcess.temporaryDirectory() + "/spec.yaml"
        try outcome.stdout.write(toFile: written, atomically: true, encoding: .utf8)
        let validate = try InProcess.run(["validate", written])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("error: spec is missing the required key 'nodes' [missing-key]"))
    }

    @Test func aValueMignetRefusesIsWrittenWithItsDiagnostics() throws {
        let outcome = try InProcess.run(["import", Self.fixtures + "invalid-by-mignet.yaml", "--name", "bad", "--nodes", "2"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("  range: 10.42.0.0/24\n"))
        #expect(outcome.stderr.contains("<imported spec>:9:10: error: range '10.42.0.0/24' overlaps 10.42.0.0/16"))
        #expect(outcome.stderr.contains("[exclude-overlap]"))
        #expect(outcome.stderr.contains("no live NAD was adopted"))
    }

    @Test func somethingElseIsUnusableInput() throws {
        let outcome = try InProcess.run(["import", "-"], stdin: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("[object-missing]"))
        let unreadable = try InProcess.run(["import", "-"], stdin: "kind: Setting\nmetadata:\n  name: vm-migration-network\nvalue: 'vlan=100'\n")
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("<stdin>:4:8: error: the setting's value cannot be read as Harvester reads it"))
    }

    @Test func neverOverwritesWithoutForce() throws {
        let path = try MignetProcess.temporaryDirectory() + "/spec.yaml"
        try "mine\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try InProcess.run(["import", Self.fixtures + "ui-configured.yaml", "-o", path])
        #expect(outcome.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine\n")
    }

    /// Values Harvester accepts that are not the UI's: import writes a spec that validate accepts
    /// and that renders the live value byte for byte, with the NAD Harvester builds for it.
    @Test(arguments: [
        // No VLAN (0): accepted off mgmt; the NAD builder makes it VLAN 1.
        ("{\"clusterNetwork\":\"migration\",\"range\":\"10.1.2.0/24\"}", "v1.9.0", "\"vlan\":1,"),
        // exclusiveVlan, v1.9's field, which does nothing for the migration network.
        ("{\"clusterNetwork\":\"migration\",\"vlan\":100,\"range\":\"10.1.2.0/24\",\"exclude\":[],\"exclusiveVlan\":true}", "v1.9.0", "\"vlan\":100,"),
        // The same key before v1.9, an unknown key Go's decoder ignores.
        ("{\"clusterNetwork\":\"migration\",\"vlan\":100,\"range\":\"10.1.2.0/24\",\"exclusiveVlan\":true}", "v1.8.2", "\"vlan\":100,"),
    ])
    func everyValueHarvesterAcceptsImportsToASpecThatValidates(value: String, release: String, nadVLAN: String) throws {
        let directory = try MignetProcess.temporaryDirectory()
        let setting = "apiVersion: harvesterhci.io/v1beta1\nkind: Setting\nmetadata:\n  name: vm-migration-network\nvalue: '\(value)'\n"
        try setting.write(toFile: directory + "/setting.yaml", atomically: true, encoding: .utf8)
        let imported = try InProcess.run(["import", "setting.yaml", "--nodes", "3", "--server-version", release, "-o", "spec.yaml"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stderr.contains("error"), "\(imported.stderr)")
        let validate = try InProcess.run(["validate", "spec.yaml"], in: directory)
        #expect(validate.status == 0, "\(validate.stderr)")
        let render = try InProcess.run(["render", "spec.yaml"], in: directory)
        #expect(render.stdout.contains("value: '\(value)'\n"), "\(render.stdout)")
        #expect(render.stdout.contains(nadVLAN), "\(render.stdout)")
    }
}
