import Foundation
import MigNetCLI
import Synchronization
import Testing

/// Fleets in one run: explain, preflight and verify over folders and several specs, offline from
/// one dump folder per cluster and live through one kubectl context per cluster, a bounded number
/// at a time. Each cluster's section is exactly the report the same command gives for that
/// cluster alone; one cluster that cannot be read does not stop the others; the run exits with
/// the worst status (1 outranks 2).
@Suite struct FleetTests {
    static let preflight = LiveModeTests.preflightFixtures
    static let verify = MignetProcess.root + "/Tests/mignetTests/Fixtures/verify/"

    /// A repository with `mignet.yaml` and one spec per name in `clusters/`: the preflight
    /// fixture's spec, renamed.
    static func repository(_ names: [String], extra: String = "") throws -> String {
        let directory = try MignetProcess.temporaryDirectory()
        let spec = try String(contentsOfFile: preflight + "spec.yaml", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/clusters", withIntermediateDirectories: true)
        for name in names {
            try spec.replacingOccurrences(of: "name: fixture", with: "name: \(name)").write(toFile: directory + "/clusters/\(name).yaml", atomically: true, encoding: .utf8)
        }
        try ("apiVersion: mignet/v1\nkind: Repository\ndelivery: kubectl\n" + extra).write(toFile: directory + "/mignet.yaml", atomically: true, encoding: .utf8)
        return directory
    }

    /// Copies the fixture cluster `fixture` to `folder`.
    static func dump(_ fixture: String, to folder: String, from base: String = preflight + "clusters/") throws {
        try FileManager.default.createDirectory(atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: base + fixture, toPath: folder)
    }

    /// The sections of a fleet's text report, by heading.
    static func sections(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        for part in ("\n" + text).components(separatedBy: "\n== ").dropFirst() {
            let heading = String(part.prefix { $0 != "\n" })
            found[heading] = String(part.dropFirst(heading.count + 1))
        }
        return found
    }

    @Test func preflightReadsEachClusterFromItsOwnDumpFolder() throws {
        let directory = try Self.repository(["east", "north", "west"])
        try Self.dump("healthy", to: directory + "/dumps/east")
        try Self.dump("mtu-mismatch", to: directory + "/dumps/west")
        // north has no dump: reported, and the others are still checked.
        let missing = try InProcess.run(["preflight", "--cluster", "dumps"], in: directory)
        #expect(missing.status == 1, "1 outranks 2: \(missing.stderr)")
        #expect(missing.stderr.contains("dumps/north:1:1: error: cannot read the file: no folder named after the cluster"), "\(missing.stderr)")
        #expect(missing.stderr.hasSuffix("mignet: 3 clusters: 1 passed, 1 failed, 1 not checked (north)\n"), "\(missing.stderr)")
        let sections = Self.sections(missing.stdout)
        #expect(sections.keys.sorted() == ["east (clusters/east.yaml) ==", "north (clusters/north.yaml) ==", "west (clusters/west.yaml) =="])
        // Each section is what the command prints for that cluster alone.
        for name in ["east", "west"] {
            let alone = try InProcess.run(["preflight", "clusters/\(name).yaml", "--cluster", "dumps/\(name)"], in: directory)
            #expect(sections["\(name) (clusters/\(name).yaml) =="] == alone.stdout)
        }
        #expect(sections["north (clusters/north.yaml) =="]?.hasPrefix("not checked: what was read from the cluster cannot be used") == true)

        try Self.dump("healthy", to: directory + "/dumps/north")
        let all = try InProcess.run(["preflight", "clusters", "--cluster", "dumps", "--format", "json"], in: directory)
        #expect(all.status == 2, "a failed check, nothing unread: \(all.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["cluster"] as? String } == ["east", "north", "west"])
        #expect(list.map { $0["exit_status"] as? Int } == [0, 0, 2])
        let alone = try InProcess.run(["preflight", "clusters/west.yaml", "--cluster", "dumps/west", "--format", "json"], in: directory)
        let west = try #require(try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? NSDictionary)
        #expect((list[2]["report"] as? NSDictionary) == west)

        // One spec file given alone keeps its single report, and a dump folder of folders serves it.
        let one = try InProcess.run(["preflight", "clusters/east.yaml", "--cluster", "dumps"], in: directory)
        #expect(one.status == 0)
        #expect(one.stdout == (try String(contentsOfFile: Self.preflight + "expected/healthy.txt", encoding: .utf8)))
        // Over several clusters a file cannot stand for each of them.
        let file = try InProcess.run(["preflight", "clusters", "--cluster", "dumps/east/nodes.yaml"], in: directory)
        #expect(file.status == 64)
        #expect(file.stderr == "mignet: --cluster dumps/east/nodes.yaml is not a folder, and this run reads several clusters: give a folder holding one folder of kubectl output per cluster, named after it\n")
    }

    /// A cluster of stand-in kubectl contexts: each context answers preflight's gets with a
    /// fixture cluster's files; a context it does not know is unreachable, as kubectl says it.
    final class StandInFleet: ProgramRunner {
        let contexts: [String: String]
        let state = Mutex((running: 0, most: 0, calls: [String]()))

        init(_ contexts: [String: String]) { self.contexts = contexts }

        func run(_ line: [String], input: [UInt8]?, timeout: Int, outputLimit: Int) throws(ProgramFailure) -> ProgramOutcome {
            let context = line.firstIndex(of: "--context").map { line[$0 + 1] } ?? "(current)"
            state.withLock { state in
                state.running += 1
                state.most = max(state.most, state.running)
                state.calls.append(context)
            }
            // Long enough for the runs of other clusters to overlap with this one.
            usleep(2_000)
            defer { state.withLock { $0.running -= 1 } }
            guard let fixture = contexts[context] else {
                return ProgramOutcome(status: 1, stdout: [], stderr: "Unable to connect to the server: dial tcp: lookup \(context): no such host\n")
            }
            let arguments = line.drop { !$0.hasPrefix("--request-timeout=") }.dropFirst().joined(separator: " ")
            guard let file = LiveModeTests.preflightTable.first(where: { $0.arguments == arguments })?.file else {
                return ProgramOutcome(status: 3, stdout: [], stderr: "stand-in: unexpected command: \(arguments)\n")
            }
            let bytes = FileManager.default.contents(atPath: FleetTests.preflight + "clusters/\(fixture)/\(file)") ?? Data()
            return ProgramOutcome(status: 0, stdout: [UInt8](bytes), stderr: "")
        }
    }

    @Test func preflightLiveReadsEachClusterThroughItsOwnContextAFewAtATime() throws {
        let names = ["a1", "a2", "a3", "a4", "a5", "a6", "down", "west"]
        // west's context is not named after it: the repository file maps it.
        let directory = try Self.repository(names, extra: "contexts:\n  west: prod-west-admin\n")
        var contexts = Dictionary(uniqueKeysWithValues: names.filter { $0.hasPrefix("a") }.map { ($0, "healthy") })
        contexts["prod-west-admin"] = "mtu-mismatch"
        let fleet = StandInFleet(contexts)
        let live = try InProcess.run(["preflight", "--live", "--concurrency", "3", "--save", "saved"], in: directory, programs: fleet)
        #expect(live.status == 1, "down is unreachable: \(live.stderr)")
        #expect(live.stderr == "mignet: 8 clusters: 6 passed, 1 failed, 1 not checked (down)\n")
        let sections = Self.sections(live.stdout)
        let down = try #require(sections["down (clusters/down.yaml) =="])
        #expect(down.hasPrefix("not checked: kubectl failed (exit 1): Unable to connect to the server: dial tcp: lookup down: no such host\n  command: kubectl --context down --request-timeout=30s get clusternetworks"), "\(down)")
        #expect(sections["west (clusters/west.yaml) =="]?.contains("FAIL  MTU of migration") == true)
        let state = fleet.state.withLock { $0 }
        #expect(state.most <= 3, "at most --concurrency clusters at a time")
        #expect(state.most >= 2, "clusters are read side by side")
        #expect(Set(state.calls) == Set(names.filter { $0 != "west" } + ["prod-west-admin"]))
        // Each reachable cluster's output is kept in its own folder, and replays offline.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/saved").sorted() == names.filter { $0 != "down" })
        let replay = try InProcess.run(["preflight", "--cluster", "saved"], in: directory)
        #expect(Self.sections(replay.stdout).filter { $0.key != "down (clusters/down.yaml) ==" } == sections.filter { $0.key != "down (clusters/down.yaml) ==" })

        // One context for several clusters is refused before anything runs.
        let context = try InProcess.run(["preflight", "--live", "--context", "lab"], in: directory, programs: StandInFleet([:]))
        #expect(context.status == 64)
        #expect(context.stderr.hasPrefix("mignet: --context names one cluster's context, and this run reads several"))
        // One spec alone is read through the context the repository file maps it to.
        let west = StandInFleet(["prod-west-admin": "mtu-mismatch"])
        #expect(try InProcess.run(["preflight", "clusters/west.yaml", "--live"], in: directory, programs: west).status == 2)
        #expect(west.state.withLock { $0.calls }.allSatisfy { $0 == "prod-west-admin" })
    }

    @Test func verifyOverAFleetReadsEachClustersSavedOutputs() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let spec = try String(contentsOfFile: MignetProcess.root + "/examples/ui-equivalent.yaml", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/specs", withIntermediateDirectories: true)
        for name in ["one", "two"] {
            try spec.replacingOccurrences(of: "name: ui-equivalent", with: "name: \(name)").write(toFile: directory + "/specs/\(name).yaml", atomically: true, encoding: .utf8)
        }
        try Self.dump("healthy", to: directory + "/dumps/one", from: Self.verify)
        try Self.dump("mtu-lowered", to: directory + "/dumps/two", from: Self.verify)
        let fleet = try InProcess.run(["verify", "specs", "--cluster", "dumps"], in: directory)
        #expect(fleet.status == 2, "\(fleet.stderr)")
        #expect(fleet.stderr == "mignet: 2 clusters: 1 passed, 1 failed\n")
        let sections = Self.sections(fleet.stdout)
        let alone = try InProcess.run(["verify", "specs/two.yaml", "--setting", "dumps/two/setting.yaml", "--pods", "dumps/two/pods.yaml",
                                       "--kubevirt", "dumps/two/kubevirt.yaml", "--nads", "dumps/two/nads.yaml"], in: directory)
        #expect(alone.status == 2)
        #expect(sections["two (specs/two.yaml) =="] == alone.stdout)
        #expect(try InProcess.run(["verify", "specs/one.yaml", "--cluster", "dumps/one"], in: directory).status == 0)
        // One cluster's files cannot stand for several.
        let files = try InProcess.run(["verify", "specs", "--setting", "dumps/one/setting.yaml", "--pods", "dumps/one/pods.yaml"], in: directory)
        #expect(files.status == 64)
        #expect(files.stderr.contains("--setting and --pods are one cluster's files, and this run reads several"))
    }

    @Test func explainOverTheRepositoryReportsEveryValidSpecAndNamesTheBrokenOne() throws {
        let directory = try Self.repository(["east", "west"])
        try "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: broken\nspec:\n  vlan: 5000\n".write(toFile: directory + "/clusters/broken.yaml", atomically: true, encoding: .utf8)
        let outcome = try InProcess.run(["explain", "--format", "json"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("clusters/broken.yaml:"))
        #expect(outcome.stderr.hasSuffix("mignet: 3 clusters: 1 not checked (broken)\n"), "\(outcome.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["cluster"] as? String } == ["broken", "east", "west"])
        #expect(list.map { $0["exit_status"] as? Int } == [1, 0, 0])
        #expect(list[0]["error"] as? String == "the spec has errors (see the diagnostics)")
        let east = try InProcess.run(["explain", "clusters/east.yaml", "--format", "json"], in: directory)
        #expect((list[1]["report"] as? NSDictionary) == (try JSONSerialization.jsonObject(with: Data(east.stdout.utf8)) as? NSDictionary))
        // Two specs named are a list too; the text heads each plan with its cluster.
        let two = try InProcess.run(["explain", "clusters/east.yaml", "clusters/west.yaml"], in: directory)
        #expect(two.status == 0)
        #expect(two.stdout.hasPrefix("== east (clusters/east.yaml) ==\ncluster "))
        #expect(two.stdout.contains("\n\n== west (clusters/west.yaml) ==\ncluster "))
    }

    /// The progress line is for a person at a terminal: shown when stderr is one (under
    /// `script`, which gives the binary a pseudo-terminal), never in a log or a pipe.
    @Test func progressIsShownOnATerminalOnly() throws {
        let directory = try Self.repository(["a1", "a2", "a3"])
        var stub = "#!/bin/sh\ncase \"$*\" in\n"
        for entry in LiveModeTests.preflightTable {
            stub += "  *\"\(entry.arguments)\") cat '\(Self.preflight)clusters/healthy/\(entry.file)' ;;\n"
        }
        stub += "  *) exit 3 ;;\nesac\n"
        try stub.write(toFile: directory + "/kubectl", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/kubectl")
        let piped = try MignetProcess.shell("KUBECTL=./kubectl \"$MIGNET\" preflight --live 2>&1 >/dev/null", in: directory)
        #expect(piped.status == 0, "\(piped.stdout)")
        #expect(piped.stdout == "mignet: 3 clusters: 3 passed, 0 failed\n")
        let terminal = try MignetProcess.shell("KUBECTL=./kubectl script -qec '\"$MIGNET\" preflight --live >/dev/null' /dev/null", in: directory)
        #expect(terminal.status == 0, "\(terminal.stdout)\(terminal.stderr)")
        for count in 1...3 { #expect(terminal.stdout.contains("\r\u{1B}[Kmignet: \(count) of 3 clusters read"), "\(terminal.stdout.debugDescription)") }
        #expect(terminal.stdout.contains("\r\u{1B}[Kmignet: 3 clusters: 3 passed, 0 failed"))
    }
}
