import Foundation
import Testing

@Suite struct ExplainCommandTests {
    @Test func tableShowsThePlan() throws {
        let outcome = try InProcess.run(["explain", "examples/dedicated.yaml"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("hash             ba1107390f15defabfc5de79ebbe538ec7b2becd"))
        #expect(lines.contains("NAD              harvester-system/vm-migration-network-ba110739"))
        #expect(lines.contains("                 10.1.2.10-10.1.2.20  -> 10.1.2.10/31 10.1.2.12/30 10.1.2.16/30 10.1.2.20/32"))
        #expect(lines.contains("usable           227 addresses; whereabouts hands out 10.1.2.2 first, 10.1.2.239 last"))
        #expect(lines.contains("nodes            5, headroom 222"))
        #expect(lines.contains("planned nodes    12, headroom 215"))
        #expect(lines.contains("                 192.168.10.0/24 (reserved): clear"))
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let outcome = try InProcess.run(["explain", "--format", "json", "examples/dedicated.yaml"])
        #expect(outcome.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["value"] as? String == #"{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32","10.1.2.240/28","10.1.2.10/31","10.1.2.12/30","10.1.2.16/30","10.1.2.20/32"]}"#)
        #expect(report["hash"] as? String == "ba1107390f15defabfc5de79ebbe538ec7b2becd")
        #expect(report["nad_name"] as? String == "vm-migration-network-ba110739")
        #expect(report["range"] as? String == "10.1.2.0/24")
        #expect(report["usable_addresses"] as? Int == 227)
        #expect(report["first_address"] as? String == "10.1.2.2")
        #expect(report["last_address"] as? String == "10.1.2.239")
        #expect(report["excluded"] as? [String] == ["10.1.2.1/32", "10.1.2.240/28", "10.1.2.10/31", "10.1.2.12/30", "10.1.2.16/30", "10.1.2.20/32"])
        #expect(report["nodes"] as? Int == 5)
        #expect(report["planned_nodes"] as? Int == 12)
        #expect(report["headroom"] as? Int == 222)
        #expect(report["format_version"] as? String == "1")
        #expect(report["mtu"] as? Int == 1500)
        #expect(report["nad_config"] as? String == #"{"cniVersion":"0.3.1","type":"bridge","bridge":"migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"10.1.2.0/24","exclude":["10.1.2.1/32","10.1.2.240/28","10.1.2.10/31","10.1.2.12/30","10.1.2.16/30","10.1.2.20/32"]}}"#)
    }

    @Test func disabledSpecExplainsItself() throws {
        let outcome = try InProcess.run(["explain", "--format", "json", "examples/disabled.yaml"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["enabled"] as? Bool == false)
        #expect(report["value"] as? String == "")
        #expect(report["hash"] as? String == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(report["nad_name"] is NSNull)
        #expect(report["nad_config"] is NSNull && report["mtu"] is NSNull && report["range"] is NSNull)
    }

    @Test func anInvalidSpecIsDiagnosed() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try specText(vlan: 0).write(toFile: directory + "/bad.yaml", atomically: true, encoding: .utf8)
        let outcome = try InProcess.run(["explain", directory + "/bad.yaml"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("error: vlan 0 is outside 1...4094"))
    }

    func specText(vlan: Int = 100, range: String = "10.1.2.0/24", exclude: [String] = []) -> String {
        "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: big\nspec:\n  clusterNetwork: migration\n  vlan: \(vlan)\n  range: \(range)\n  nodes: 3\n"
            + (exclude.isEmpty ? "" : "  exclude:\n" + exclude.map { "    - \($0)\n" }.joined())
    }

    @Test func sixtyThousandExclusionsAreCountedExactly() throws {
        let exclude = (0..<60_000).map { index in "10.8.\((index + 1) / 256).\((index + 1) % 256)" }
        let directory = try MignetProcess.temporaryDirectory()
        try specText(range: "10.8.0.0/16", exclude: exclude).write(toFile: directory + "/big.yaml", atomically: true, encoding: .utf8)
        let outcome = try InProcess.run(["explain", "--format", "json", directory + "/big.yaml"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["usable_addresses"] as? Int == 65_534 - 60_000)
        #expect(report["first_address"] as? String == "10.8.234.97")
        #expect((report["excluded"] as? [String])?.count == 60_000)
    }
}
