import Foundation
import Testing

/// The doors every surface passes: the bounded runner of kubectl and git, the one escaper of
/// outside text, the whole-folder comparison of `check`, the base read by object id, the
/// ResourceList's own limits, and what `init` writes. Each case is a fault that an attacker, a
/// broken cluster or a careless operator could bring, run on every surface that meets it; the
/// surfaces are lists, so a new command is covered by adding it to its list.
@Suite struct TrustAtEveryDoorTests {
    static let preflightFixtures = LiveModeTests.preflightFixtures
    static let verifyFixtures = LiveModeTests.verifyFixtures

    /// Every command that reads kubectl's output live, with the gets it runs.
    static let liveSurfaces: [(name: String, arguments: [String])] = [
        ("preflight", ["preflight", preflightFixtures + "spec.yaml", "--live"]),
        ("verify", ["verify", "examples/ui-equivalent.yaml", "--live"]),
        ("import", ["import", "--live", "--name", "lab"]),
    ]

    /// A stand-in kubectl whose every get does `behaviour`.
    static func kubectl(_ behaviour: String) throws -> (directory: String, path: String) {
        let directory = try MignetProcess.temporaryDirectory()
        let path = directory + "/kubectl"
        try "#!/bin/sh\n\(behaviour)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return (directory, path)
    }

    /// Runs mignet under GNU time and a kill timeout; the outcome and the peak resident memory in KiB.
    static func measured(_ arguments: [String], kubectl: String, seconds: Int) throws -> (outcome: MignetProcess.Outcome, peakKiB: Int) {
        let directory = try MignetProcess.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECTL"] = kubectl
        let outcome = try MignetProcess.runTool("/usr/bin/timeout", ["-s", "KILL", String(seconds), "/usr/bin/time", "-o", directory + "/time", "-f", "%M",
                                                                     MignetProcess.binary] + arguments, environment: environment)
        let peak = Int((try? String(contentsOfFile: directory + "/time", encoding: .utf8))?.split(separator: "\n").last ?? "") ?? -1
        return (outcome, peak)
    }

    // MARK: 1. reading a JSON value is linear

    /// A pinnedValue of about 4 MB (190,000 exclusions) took minutes when reading JSON was
    /// quadratic; it is answered well within a kill timeout on every surface that reads one.
    @Test func aFourMegabytePinnedValueIsReadWithoutStalling() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let exclusions = (0..<190_000).map { "\"10.1.\($0 / 256 % 256).\($0 % 256)/32\"" }.joined(separator: ",")
        let value = "{\"clusterNetwork\":\"migration\",\"vlan\":100,\"range\":\"10.1.0.0/16\",\"exclude\":[\(exclusions)]}"
        let spec = MignetProcess.spec("big").replacingOccurrences(of: "range: 10.1.2.0/24", with: "range: 10.1.0.0/16") + "  pinnedValue: '\(value)'\n"
        #expect(spec.utf8.count > 3_000_000 && spec.utf8.count < 4 << 20)
        try spec.write(toFile: directory + "/big.yaml", atomically: true, encoding: .utf8)
        let setting = "apiVersion: harvesterhci.io/v1beta1\nkind: Setting\nmetadata:\n  name: vm-migration-network\nvalue: '\(value)'\n"
        try setting.write(toFile: directory + "/setting.yaml", atomically: true, encoding: .utf8)
        for command in ["\"$MIGNET\" validate big.yaml", "\"$MIGNET\" explain big.yaml", "\"$MIGNET\" import setting.yaml --nodes 3"] {
            let outcome = try MignetProcess.shell(command, in: directory, seconds: 60)
            #expect(outcome.status != 137, "\(command) was killed at the timeout")
            #expect([0, 1].contains(outcome.status), "\(command): \(outcome.stderr.prefix(500))")
        }
    }

    // MARK: 2. kubectl's output is bounded

    /// An endless kubectl is stopped as soon as its output passes 64 MiB: input-too-large, exit
    /// 1, well before the timeout, and with peak memory within 4× the limit.
    @Test(arguments: liveSurfaces.map(\.name))
    func anEndlessKubectlIsStoppedAtTheLimit(surface: String) throws {
        let arguments = try #require(Self.liveSurfaces.first { $0.name == surface }).arguments
        let stand = try Self.kubectl("exec yes 'items: [padding padding padding padding padding padding padding padding]'")
        let started = Date()
        let (outcome, peak) = try Self.measured(arguments + ["--kubectl-timeout", "300"], kubectl: stand.path, seconds: 120)
        #expect(outcome.status == 1, "\(outcome.stderr.prefix(800))")
        #expect(outcome.stderr.contains("[input-too-large]"), "\(outcome.stderr.prefix(800))")
        #expect(outcome.stderr.contains("a file of kubectl output may be at most 67108864 bytes"))
        #expect(Date().timeIntervalSince(started) < 100)
        #expect(peak > 0 && peak < 4 * 64 * 1024, "peak \(peak) KiB")
    }

    /// A kubectl that exits but leaves a child holding its output open does not make mignet
    /// wait for the child: each get ends with kubectl.
    @Test(arguments: liveSurfaces.map(\.name))
    func aChildHoldingKubectlsOutputIsNotWaitedFor(surface: String) throws {
        let arguments = try #require(Self.liveSurfaces.first { $0.name == surface }).arguments
        let stand = try Self.kubectl("(sleep 60) &\necho 'apiVersion: v1\nkind: List\nitems: []'")
        let started = Date()
        let (outcome, _) = try Self.measured(arguments + ["--kubectl-timeout", "50"], kubectl: stand.path, seconds: 90)
        #expect(outcome.status != 137)
        #expect(!outcome.stderr.contains("did not finish"), "\(outcome.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "each get waited for the child")
    }

    /// What kubectl says on stderr reaches the terminal escaped: no control character, and no
    /// line a CI runner would take for a command.
    @Test(arguments: liveSurfaces.map(\.name))
    func kubectlsMessageCannotIssueWorkflowCommands(surface: String) throws {
        let arguments = try #require(Self.liveSurfaces.first { $0.name == surface }).arguments
        let stand = try Self.kubectl("printf 'error: no\\n::error file=x::pwned\\n   ::warning::indented\\n\\033[2Jclear ##[group]x ##vso[task.setvariable]y\\n' >&2\nexit 1")
        let (outcome, _) = try Self.measured(arguments, kubectl: stand.path, seconds: 60)
        #expect(outcome.status == 1)
        Self.expectSafe(outcome.stdout + outcome.stderr)
        #expect(outcome.stderr.contains("\\u{3A}:error file=x::pwned"), "\(outcome.stderr)")
    }

    /// No raw control character, bidirectional override or CI runner command in `output`.
    static func expectSafe(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!output.unicodeScalars.contains { $0 != "\n" && TerminalTextProbe.needsEscape($0) }, "\(output)", sourceLocation: sourceLocation)
        for line in output.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            #expect(!trimmed.hasPrefix("::"), "\(line)", sourceLocation: sourceLocation)
            #expect(!line.contains("##["), "\(line)", sourceLocation: sourceLocation)
            #expect(!line.contains("##vso["), "\(line)", sourceLocation: sourceLocation)
        }
    }

    // MARK: 5. text from a cluster is escaped in every report and format

    /// Node names, VM names and phases from a cluster, hostile, through preflight (offline and
    /// live) and verify, in text and JSON.
    @Test(arguments: ["text", "json"])
    func textFromAClusterIsEscapedInEveryReport(format: String) throws {
        let directory = try MignetProcess.temporaryDirectory()
        let hostile = "\"evil\\e[31m\\n::error::pwned\\u202E ##[group]\""
        // A preflight dump whose node and migration names are hostile.
        try FileManager.default.copyItem(atPath: Self.preflightFixtures + "clusters/migration-running", toPath: directory + "/cluster")
        for file in ["nodes.yaml", "migrations.yaml", "vlanstatuses.yaml"] {
            let path = directory + "/cluster/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let replaced = text.replacingOccurrences(of: #"(name|nodeName|node|phase): ([A-Za-z0-9-]+)\n"#, with: "$1: \(NSRegularExpression.escapedTemplate(for: hostile))\n", options: .regularExpression)
            try replaced.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let preflight = try MignetProcess.run(["preflight", Self.preflightFixtures + "spec.yaml", "--cluster", directory + "/cluster", "--format", format])
        #expect([0, 1, 2].contains(preflight.status))
        #expect(preflight.stdout.contains("evil"), "\(preflight.stdout)\(preflight.stderr)")
        Self.expectSafe(preflight.stdout + preflight.stderr)
        // Verify: the pods' names and phases.
        let pods = try String(contentsOfFile: Self.verifyFixtures + "pods.yaml", encoding: .utf8)
            .replacingOccurrences(of: #"(    name|phase): (virt-handler-[a-z0-9]+|Running)\n"#, with: "$1: \(NSRegularExpression.escapedTemplate(for: hostile))\n", options: .regularExpression)
        try pods.write(toFile: directory + "/pods.yaml", atomically: true, encoding: .utf8)
        let verify = try MignetProcess.run(["verify", "examples/ui-equivalent.yaml", "--setting", Self.verifyFixtures + "setting.yaml", "--pods", directory + "/pods.yaml", "--format", format])
        #expect([0, 1, 2].contains(verify.status))
        Self.expectSafe(verify.stdout + verify.stderr)
    }

    // MARK: 3. check compares the whole output folder

    /// A folder added to the output folder (a ClusterRoleBinding for a cluster no spec names), a
    /// top-level file, a link to another folder and a killed render's temporary files: each
    /// fails check, and the command check prints removes exactly them.
    @Test func everyEntryMignetDidNotRenderFailsCheckAndItsHintRemovesIt() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try MignetProcess.spec("c").write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "rendered"], in: directory).status == 0)
        let planted = try MignetProcess.shell("""
            mkdir -p rendered/in-cluster elsewhere rendered/c9 && printf 'kind: ClusterRoleBinding\\n' > rendered/in-cluster/crb.yaml \
            && printf 'kind: Namespace\\n' > rendered/extra.yaml && ln -s ../elsewhere rendered/linked \
            && printf 'x' > rendered/c9/.setting.yaml.mignet-123.tmp && mkdir rendered/c/sub && printf 'y' > rendered/c/sub/deep.yaml
            """, in: directory)
        #expect(planted.status == 0, "\(planted.stderr)")
        let check = try MignetProcess.run(["check", "c.yaml", "-o", "rendered", "--diagnostics-format", "github"], in: directory)
        #expect(check.status == 2)
        for line in ["--- a/rendered/in-cluster/crb.yaml\n+++ /dev/null\n", "--- a/rendered/extra.yaml\n", "Only in rendered: linked (a symbolic link",
                     "--- a/rendered/c9/.setting.yaml.mignet-123.tmp\n", "Only in rendered/c: sub (a folder"] {
            #expect(check.stdout.contains(line), "\(line)\n\(check.stdout)")
        }
        #expect(check.stderr.contains("::error file=rendered/in-cluster/crb.yaml,line=1,col=1,title=mignet check extra::"), "\(check.stderr)")
        let advice = String(check.stderr.split(separator: "\n").last ?? "")
        let hint = String(advice[try #require(advice.range(of: "to remove what mignet does not render, run: ")).upperBound...])
        #expect(hint == "rm -rf -- rendered/c/sub rendered/c9 rendered/extra.yaml rendered/in-cluster rendered/linked", "\(check.stderr)")
        #expect(try MignetProcess.shell(hint, in: directory).status == 0)
        let again = try MignetProcess.run(["check", "c.yaml", "-o", "rendered"], in: directory)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/elsewhere"), "the link's target is left alone")
    }

    /// A rendered file edited to hold CI runner commands and control characters: check's diff
    /// shows each line escaped, so the file cannot issue a command in the job's log, on every
    /// side of the diff (a removed line here; a context line in `UnifiedDiffTests`).
    @Test func aStaleFileCannotIssueWorkflowCommandsThroughTheDiff() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try MignetProcess.spec("c").write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        #expect(try InProcess.run(["render", "c.yaml", "-o", "rendered"], in: directory).status == 0)
        let handle = try #require(FileHandle(forWritingAtPath: directory + "/rendered/c/setting.yaml"))
        handle.seekToEndOfFile()
        handle.write(Data("::error file=x::pwned\n  ::warning::indented\n\u{1B}[2Jclear ##[group]x ##vso[task.setvariable]y\n".utf8))
        handle.closeFile()
        let check = try InProcess.run(["check", "c.yaml", "-o", "rendered"], in: directory)
        #expect(check.status == 2)
        #expect(check.stdout.contains("-\\u{3A}:error file=x::pwned\n"), "\(check.stdout)")
        Self.expectSafe(check.stdout.split(separator: "\n").map { String($0.dropFirst()) }.joined(separator: "\n") + check.stderr)
    }

    /// A render killed while it created a cluster's folder leaves only temporary files there:
    /// `render --prune` removes that folder as it removes an orphan's.
    @Test func pruneRemovesAFolderOfOnlyTemporaryFiles() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try MignetProcess.spec("c").write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 0)
        try FileManager.default.createDirectory(atPath: directory + "/out/killed", withIntermediateDirectories: true)
        try "x".write(toFile: directory + "/out/killed/.setting.yaml.mignet-99.tmp", atomically: false, encoding: .utf8)
        #expect(try MignetProcess.run(["check", "c.yaml", "-o", "out"], in: directory).status == 2)
        let pruned = try MignetProcess.run(["render", "c.yaml", "-o", "out", "--prune"], in: directory)
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/out/killed"))
        #expect(try MignetProcess.run(["check", "c.yaml", "-o", "out"], in: directory).status == 0)
    }

    /// The output folder itself may be a link to a folder: render follows it, and so does check.
    @Test func anOutputFolderThatIsALinkIsCheckedAsRenderWroteIt() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try MignetProcess.spec("c").write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/rendered", withDestinationPath: "real")
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "rendered"], in: directory).status == 0)
        let check = try MignetProcess.run(["check", "c.yaml", "-o", "rendered"], in: directory)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// A lock file that is a link or a folder: render refuses it, and check no longer passes it.
    @Test func aLockThatIsNotAFileFailsCheckAsItFailsRender() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try MignetProcess.spec("c").write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 0)
        try FileManager.default.createDirectory(atPath: directory + "/out/.mignet.lock", withIntermediateDirectories: true)
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 1)
        let check = try MignetProcess.run(["check", "c.yaml", "-o", "out"], in: directory)
        #expect(check.status == 2)
        #expect(check.stdout.contains("Only in out: .mignet.lock (an empty folder"), "\(check.stdout)")
    }
}

/// What no output may carry raw, restated here rather than taken from the escaper under test.
enum TerminalTextProbe {
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
