import Foundation
import Testing

/// `mignet preflight` over realistic cluster dumps (Tests/mignetTests/Fixtures/preflight,
/// written by make_fixtures.py from the upstream types): every check passes on one fixture and
/// fails on another, and the text and JSON reports match committed goldens
/// (`RECORD_GOLDENS=1 swift test` rewrites them).
@Suite struct PreflightCommandTests {
    static let folder = "Tests/mignetTests/Fixtures/preflight/"
    static let spec = folder + "spec.yaml"

    /// Each fixture with the exit status and the checks it fails.
    static let fixtures: [(cluster: String, status: Int32, failing: [String])] = [
        ("healthy", 0, []),
        ("witness", 0, []),
        ("unpromoted-witness", 0, []),
        ("vlan-config-matches-nothing", 2, ["vlan-configs"]),
        ("vlan-misses-node", 2, ["vlan-configs"]),
        ("mtu-mismatch", 2, ["mtu"]),
        ("migration-running", 2, ["migrations"]),
        ("nodes-above-spec", 2, ["nodes"]),
        ("network-not-ready", 2, ["cluster-network"]),
        ("peers-and-release-differ", 2, ["release", "peers", "peers"]),
        ("service-cidr-overlaps", 2, ["kubernetes-networks"]),
        ("nodes-only", 0, []),
    ]

    func preflight(_ cluster: String, spec: String = Self.spec, format: String = "text", extra: [String] = []) throws -> MignetProcess.Outcome {
        try InProcess.run(["preflight", spec, "--cluster", Self.folder + "clusters/" + cluster, "--format", format] + extra)
    }

    @Test(arguments: fixtures.map(\.cluster))
    func reportsMatchTheGoldens(cluster: String) throws {
        let expected = try #require(Self.fixtures.first { $0.cluster == cluster })
        for format in ["text", "json"] {
            let outcome = try preflight(cluster, format: format)
            #expect(outcome.status == expected.status, "\(cluster): \(outcome.stderr)")
            #expect(outcome.stderr == "")
            let golden = MignetProcess.root + "/" + Self.folder + "expected/\(cluster).\(format == "text" ? "txt" : "json")"
            if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
                try FileManager.default.createDirectory(atPath: MignetProcess.root + "/" + Self.folder + "expected", withIntermediateDirectories: true)
                try outcome.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
            }
            #expect(outcome.stdout == (try String(contentsOfFile: golden, encoding: .utf8)), "\(cluster) \(format)")
        }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try preflight(cluster, format: "json").stdout.utf8)) as? [String: Any])
        let checks = try #require(report["checks"] as? [[String: Any]])
        let failing = checks.filter { $0["status"] as? String == "fail" }.compactMap { $0["check"] as? String }
        #expect(failing == expected.failing, "\(cluster)")
    }

    @Test func everyCheckPassesSomewhereAndFailsSomewhere() throws {
        let ids = ["release", "migrations", "cluster-network", "vlan-configs", "mtu", "nodes", "peers", "kubernetes-networks"]
        let healthy = try #require(try JSONSerialization.jsonObject(with: Data(try preflight("healthy", format: "json").stdout.utf8)) as? [String: Any])
        let passing = Set((healthy["checks"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "pass" }.compactMap { $0["check"] as? String })
        #expect(passing == Set(ids))
        #expect(Set(Self.fixtures.flatMap(\.failing)) == Set(ids))
    }

    /// Witness nodes are counted per release, as Harvester's webhook counts them: a node with
    /// the witness label but no management role and no promote status runs virt-handler under
    /// v1.6 (nodectl.IsWitnessNode) and not from v1.7 (util.IsWitnessNodeWithoutPromotionStatus).
    @Test func witnessNodesAreCountedPerRelease() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let base = try String(contentsOfFile: MignetProcess.root + "/" + Self.spec, encoding: .utf8)
        // (The release check fails for v1.6 and v1.7: the fixture cluster runs v1.8.2.)
        for (release, counted) in [("v1.6", true), ("v1.7", false), (nil, true)] as [(String?, Bool)] {
            let text = base.replacingOccurrences(of: "  harvesterVersion: v1.8.2\n", with: release.map { "  harvesterVersion: \($0)\n" } ?? "")
            try text.write(toFile: directory + "/spec.yaml", atomically: true, encoding: .utf8)
            let outcome = try preflight("unpromoted-witness", spec: directory + "/spec.yaml")
            #expect(outcome.status == 2)
            #expect(outcome.stdout.contains("      not covered: harvester-node-4\n") == counted, "\(release ?? "none"): \(outcome.stdout)")
            #expect(outcome.stdout.contains("FAIL  nodes: 4 nodes run virt-handler, the spec says nodes: 3: set nodes: 4\n") == counted)
        }
        // v1.9 skips a VLAN config that matches no node; v1.8 refuses it.
        let v19 = base.replacingOccurrences(of: "v1.8.2", with: "v1.9")
        try v19.write(toFile: directory + "/spec.yaml", atomically: true, encoding: .utf8)
        let outcome = try preflight("vlan-config-matches-nothing", spec: directory + "/spec.yaml")
        #expect(outcome.stdout.contains("PASS  VlanConfigs of migration: the VLAN configs cover all 3 nodes that run virt-handler\n"))
    }

    @Test func strictCountsAWarningAsAFailure() throws {
        #expect(try preflight("nodes-only").status == 0)
        #expect(try preflight("nodes-only", extra: ["--strict"]).status == 2)
    }

    @Test func unusableInputIsExitOne() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try "a: [1\n".write(toFile: directory + "/nodes.yaml", atomically: true, encoding: .utf8)
        let garbage = try InProcess.run(["preflight", Self.spec, "--cluster", directory])
        #expect(garbage.status == 1)
        #expect(garbage.stderr.contains("/nodes.yaml:2:1: error:"))
        let missing = try InProcess.run(["preflight", Self.spec, "--cluster", directory + "/none.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("[file-unreadable]"))
        #expect(try InProcess.run(["preflight", Self.spec]).status == 64)
        #expect(try InProcess.run(["preflight", Self.spec, "--cluster", directory, "--live"]).status == 64)
        #expect(try InProcess.run(["preflight", Self.spec, "--cluster", directory, "--context", "x"]).status == 64)
    }
}
