@testable import MigNetKit
import Testing

/// The capacity lines of a plan say what changed in words a reviewer reads at once.
@Suite struct PlanCapacityTests {
    /// The plan's snapshot of a spec with a /25 range (126 usable addresses: Harvester hands out every one but the network and broadcast), 6 nodes and
    /// `plannedNodes` when given.
    static func snapshot(plannedNodes: Int?) throws -> Plan.Snapshot {
        let planned = plannedNodes.map { "  plannedNodes: \($0)\n" } ?? ""
        let text = "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: a\nspec:\n  clusterNetwork: migration\n  vlan: 100\n  range: 10.1.2.0/25\n  nodes: 6\n" + planned
        let compilation = Compiler().compile(SourceFile(path: "a.yaml", text: text))
        return try #require(Plan.Snapshot(compilation, delivery: .kubectl), "\(compilation.diagnostics)")
    }

    @Test func aPlannedNodesChangeComparesHeadroom() throws {
        let evidence = Plan.capacityEvidence(try Self.snapshot(plannedNodes: 10), try Self.snapshot(plannedNodes: 120))
        #expect(evidence.lines.contains("headroom over plannedNodes 116 → 6"), "\(evidence.lines)")
        #expect(!evidence.warning)
    }

    @Test func aNewPlannedNodesSaysItIsNewAndHowFarShort() throws {
        let evidence = Plan.capacityEvidence(try Self.snapshot(plannedNodes: nil), try Self.snapshot(plannedNodes: 200))
        #expect(evidence.lines.contains("plannedNodes 200 is new: headroom over it -74 (74 addresses short of it)"), "\(evidence.lines)")
        #expect(!evidence.lines.contains { $0.contains("- →") })
        #expect(evidence.warning)
    }
}
