import Foundation
import Testing

/// The trust guarantees, each tried the way an attacker or an unlucky operator would: hostile
/// pull requests, full disks, FIFOs, concurrent runs, targets that cannot be replaced, names that
/// are not UTF-8 and a process limit. Every case runs the built binary under a kill timeout, so a
/// hang fails the test instead of the test run. Numbers refer to the points of the trust issue.
@Suite struct FaultInjectionTests {
    static func folder(_ files: [String: String]) throws -> String {
        let directory = try MignetProcess.temporaryDirectory()
        for (path, text) in files {
            let full = directory + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        return directory
    }

    // MARK: 1. defaults: cannot leak what lies outside the repository

    @Test func defaultsOutsideTheRepositoryAreRefusedUnread() throws {
        let references = ["/proc/self/environ", "/etc/passwd", "../../../../../../../../etc/passwd", "escape/passwd", "/dev/stdin"]
        for reference in references {
            let directory = try Self.folder(["repo/c.yaml": MignetProcess.spec("c", extra: "defaults: \(reference)\n")])
            try FileManager.default.createDirectory(atPath: directory + "/repo/.git", withIntermediateDirectories: true)
            // A link inside the repository that leads out of it.
            try FileManager.default.createSymbolicLink(atPath: directory + "/repo/escape", withDestinationPath: "/etc")
            let outcome = try MignetProcess.shell("MIGNET_CANARY=s3cr3t-canary \"$MIGNET\" validate repo < /dev/null", in: directory)
            #expect(outcome.status == 1, "\(reference)")
            #expect(outcome.stderr.contains("repo/c.yaml:3:11: error: defaults file '\(reference)' is outside the spec repository"), "\(reference): \(outcome.stderr)")
            #expect(outcome.stderr.contains("[defaults-outside-root]"))
            #expect(!outcome.stderr.contains("s3cr3t-canary") && !outcome.stderr.contains("root:x:"), "\(reference) leaked: \(outcome.stderr)")
        }
    }

    @Test func rootWidensWhereDefaultsMayComeFrom() throws {
        let directory = try Self.folder([
            "site.yaml": "apiVersion: mignet/v1\nkind: MigrationNetworkDefaults\nspec:\n  clusterNetwork: migration\n",
            "repo/c.yaml": MignetProcess.spec("c", extra: "defaults: ../site.yaml\n"),
        ])
        try FileManager.default.createDirectory(atPath: directory + "/repo/.git", withIntermediateDirectories: true)
        #expect(try MignetProcess.run(["validate", "repo"], in: directory).status == 1)
        #expect(try MignetProcess.run(["validate", "--root", ".", "repo"], in: directory).status == 0)
    }

    @Test func excerptsComeOnlyFromFilesThatDeclareAMignetKind() throws {
        let directory = try Self.folder([
            "token.yaml": "token: hunter2-canary\n",
            "repo/c.yaml": MignetProcess.spec("c", extra: "defaults: notes.yaml\n"),
            "repo/notes.yaml": "password: hunter3-canary\n",
        ])
        let named = try MignetProcess.run(["validate", "token.yaml"], in: directory)
        #expect(named.status == 1)
        #expect(named.stderr.contains("token.yaml:1:1: error:"))
        #expect(!named.stderr.contains("hunter2-canary"), "\(named.stderr)")
        let defaults = try MignetProcess.run(["validate", "repo"], in: directory)
        #expect(defaults.status == 1)
        #expect(defaults.stderr.contains("repo/notes.yaml:1:1: error:"), "\(defaults.stderr)")
        #expect(!defaults.stderr.contains("hunter3-canary"), "\(defaults.stderr)")
    }

    // MARK: 2. control characters are escaped in text output

    @Test func controlCharactersNeverReachTheTerminalRaw() throws {
        let hostile = MignetProcess.spec("c") + "  \"k\\e[31m\\r\\n::error file=x::pwned\\u202E\": 1\n"
        let directory = try Self.folder(["c.yaml": hostile, "d/x\n::error::name\u{1B}[2J.yaml": MignetProcess.spec("d", vlan: 5000)])
        // Every command that compiles a folder of specs, in every diagnostics format.
        for command in [["validate"], ["render"], ["check", "-o", "out"], ["plan", "--base-dir", "."]] {
            for format in ["text", "json", "github"] {
                let outcome = try MignetProcess.run(command + ["--diagnostics-format", format, ".", "c.yaml"], in: directory)
                #expect(outcome.status == 1, "\(command) \(format)")
                let output = outcome.stdout + outcome.stderr
                #expect(!output.contains("\u{1B}") && !output.contains("\r") && !output.contains("\u{202E}"), "\(command) \(format): \(output)")
                #expect(!output.split(separator: "\n").contains { $0.hasPrefix("::error::") || $0.hasPrefix("::error file=x") }, "\(command) \(format): \(output)")
                #expect(output.contains(format == "json" ? "\\u001b[31m" : "\\u{1B}[31m"), "\(command) \(format): \(output)")
            }
        }
        let text = try MignetProcess.run(["validate", "."], in: directory)
        #expect(text.stderr.contains("d/x\\n::error::name\\u{1B}[2J.yaml:7:9: error: vlan 5000"), "\(text.stderr)")
    }

    // MARK: 3. an argument that is not an option never turns into help

    @Test func aDashNameIsRefusedNotTakenForHelp() throws {
        let directory = try Self.folder(["-dash.yaml": MignetProcess.spec("c", vlan: 5000)])
        for command in ["check", "render", "validate"] {
            let outcome = try MignetProcess.run([command, "-dash.yaml", "-o", "out"], in: directory)
            #expect(outcome.status == 64, "\(command): \(outcome.stdout)")
            #expect(outcome.stderr.contains("'-dash.yaml' is not an option of mignet"))
            #expect(outcome.stdout.isEmpty)
        }
        let quoted = try MignetProcess.run(["validate", "--", "-dash.yaml"], in: directory)
        #expect(quoted.status == 1)
        #expect(quoted.stderr.contains("-dash.yaml:7:9: error: vlan 5000"))
    }

    // MARK: 4. check reports every entry it did not render

    @Test func checkReportsEveryExtraEntryWhateverItsType() throws {
        let directory = try Self.folder(["c.yaml": MignetProcess.spec("c")])
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 0)
        let outcome = try MignetProcess.shell("""
            ln -s ../../c.yaml out/c/link.yaml && mkfifo out/c/pipe.yaml && mkdir -p out/c/sub && cp c.yaml out/c/sub/more.yaml \
            && cp c.yaml out/c/.hidden.yaml && "$MIGNET" check c.yaml -o out
            """, in: directory)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        for line in ["Only in out/c: link.yaml (a symbolic link, not rendered by mignet)", "Only in out/c: pipe.yaml (a FIFO, not rendered by mignet)",
                     "Only in out/c: sub (a folder, not rendered by mignet)", "--- a/out/c/.hidden.yaml\n+++ /dev/null"] {
            #expect(outcome.stdout.contains(line), "\(line) missing from \(outcome.stdout)")
        }
    }

    // MARK: 5, 6. bounded time and memory on many diagnostics

    @Test func manyDiagnosticsOnOneLineAreBounded() throws {
        let items = (0..<40_000).map { "x\($0)" }.joined(separator: ", ")
        let keys = (0..<64_000).map { "  k\($0): 1\n" }.joined()
        let directory = try Self.folder(["line.yaml": MignetProcess.spec("a") + "  reserved: [\(items)]\n", "keys.yaml": MignetProcess.spec("b") + keys])
        for format in ["text", "json", "github"] {
            let outcome = try InProcess.run(["validate", "--diagnostics-format", format, "line.yaml", "keys.yaml"], in: directory)
            #expect(outcome.status == 1)
            let output = outcome.stdout + outcome.stderr
            // 200 shown per file, each excerpt cut to a window: far below the inputs' size.
            #expect(output.utf8.count < 400_000, "\(format): \(output.utf8.count) bytes")
            if format == "text" {
                #expect(output.contains("line.yaml: note: and 39800 more diagnostics in this file, not shown (address-invalid: 39800)"), "\(output.suffix(500))")
                #expect(output.contains("keys.yaml: note: and 63800 more diagnostics in this file, not shown (unknown-key: 63800)"))
                #expect(output.hasSuffix("mignet: 104000 errors\n"))
                #expect(output.contains("…"))
            }
            if format == "json" {
                #expect(output.contains(#""error_count":104000"#))
                #expect(output.contains(#"{"file":"keys.yaml","count":63800,"codes":[{"code":"unknown-key","count":63800}]}"#))
            }
        }
    }

    // MARK: 7. FIFOs and devices are refused, never waited on

    @Test func fifosAndDevicesAreRefusedWithoutBlocking() throws {
        let directory = try Self.folder(["repo/d.yaml": MignetProcess.spec("d", extra: "defaults: pipe.yaml\n")])
        let outcome = try MignetProcess.shell("""
            mkfifo spec.yaml repo/pipe.yaml kubectl.yaml pods.yaml
            "$MIGNET" validate spec.yaml; echo "spec=$?"
            "$MIGNET" validate repo/d.yaml; echo "defaults=$?"
            "$MIGNET" import kubectl.yaml; echo "import=$?"
            "$MIGNET" verify repo/d.yaml --setting kubectl.yaml --pods pods.yaml; echo "verify=$?"
            "$MIGNET" validate /dev/zero; echo "device=$?"
            """, in: directory, seconds: 30)
        #expect(outcome.status == 0, "killed: a FIFO blocked mignet")
        for name in ["spec", "defaults", "import", "verify", "device"] { #expect(outcome.stdout.contains("\(name)=1"), "\(outcome.stdout)") }
        #expect(outcome.stderr.contains("spec.yaml:1:1: error: cannot read the file: it is a FIFO, not a regular file [file-unreadable]"))
        #expect(outcome.stderr.contains("cannot read defaults file 'pipe.yaml' (repo/pipe.yaml): it is a FIFO, not a regular file"))
        #expect(outcome.stderr.contains("/dev/zero:1:1: error: cannot read the file: it is a character device, not a regular file"))
    }

    @Test func tooMuchOnStandardInputIsSaidInWords() throws {
        let outcome = try MignetProcess.shell("head -c 5000000 /dev/zero | \"$MIGNET\" validate -", in: "/tmp")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("<stdin>:1:1: error: the file is more than 4 MiB; a spec file may be at most 4194304 bytes [input-too-large]"))
    }

    // MARK: 8. no thread can be made

    @Test(.enabled(if: (getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")) || Integration.required))
    func aProcessLimitFallsBackToOneThread() throws {
        let directory = try Self.folder(Dictionary(uniqueKeysWithValues: (0..<50).map { ("specs/c\($0).yaml", MignetProcess.spec("c\($0)")) }))
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory)
        // A copy the unprivileged user can run wherever the build folder lies.
        try FileManager.default.copyItem(atPath: MignetProcess.binary, toPath: directory + "/mignet")
        // As an unprivileged user with room for one process, every pthread_create fails.
        let outcome = try MignetProcess.shell("""
            setpriv --reuid=65534 --regid=65534 --clear-groups -- sh -c 'ulimit -u 1; exec ./mignet render -j 8 specs -o out'
            """, in: directory, seconds: 30)
        #expect(outcome.status == 0, "\(outcome.status): \(outcome.stderr)")
        #expect(try MignetProcess.tree(directory + "/out").count == 200)
    }

    @Test(.enabled(if: (getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")) || Integration.required))
    func filesThatCannotBeReadAreErrorsNotSkipped() throws {
        let directory = try Self.folder(["specs/ok.yaml": MignetProcess.spec("ok"), "specs/hidden.yaml": MignetProcess.spec("hidden"),
                                         "bad.yaml": MignetProcess.spec("hidden", vlan: 5000)])
        try FileManager.default.copyItem(atPath: MignetProcess.binary, toPath: directory + "/mignet")
        let outcome = try MignetProcess.shell("""
            chmod 777 . && ./mignet render specs -o out && chmod -R a+rwX out && mv bad.yaml specs/hidden.yaml && chmod 000 specs/hidden.yaml out/hidden/setting.yaml
            setpriv --reuid=65534 --regid=65534 --clear-groups -- ./mignet validate specs; echo "validate=$?"
            setpriv --reuid=65534 --regid=65534 --clear-groups -- ./mignet check specs/ok.yaml -o out; echo "check=$?"
            """, in: directory, seconds: 30)
        #expect(outcome.stdout.contains("validate=1\n"), "\(outcome.stdout) \(outcome.stderr)")
        #expect(outcome.stderr.contains("specs/hidden.yaml:1:1: error: cannot read the file: Permission denied [file-unreadable]"))
        // An unreadable file in the output folder is an error, not a missing file.
        #expect(outcome.stdout.contains("check=1\n"))
        #expect(outcome.stderr.contains("mignet: cannot read out/hidden/setting.yaml: Permission denied"), "\(outcome.stderr)")
    }

    // MARK: 9. a full disk is an error, never a short file with exit 0

    @Test func aFullStandardOutputIsAnError() throws {
        let many = try Self.folder(Dictionary(uniqueKeysWithValues: (0..<300).map { ("c\($0).yaml", MignetProcess.spec("c\($0)")) }))
        let preflight = MignetProcess.root + "/Tests/mignetTests/Fixtures/preflight"
        for command in ["\"$MIGNET\" render .", "\"$MIGNET\" schema", "\"$MIGNET\" explain c0.yaml", "\"$MIGNET\" validate --diagnostics-format json .",
                        "\"$MIGNET\" preflight \(preflight)/spec.yaml --cluster \(preflight)/clusters/healthy"] {
            let outcome = try MignetProcess.shell("\(command) > /dev/full", in: many)
            #expect(outcome.status == 1, "\(command)")
            #expect(outcome.stderr.contains("mignet: cannot write to standard output: No space left on device"), "\(command): \(outcome.stderr)")
        }
        // A reader that goes away: the run may end quietly, but never with exit 0.
        let pipe = try MignetProcess.shell("bash -c 'set -o pipefail; \"$MIGNET\" render . | head -c 10 > /dev/null; echo \"status=$?\"'", in: many)
        #expect(pipe.stdout.hasPrefix("status="))
        #expect(!pipe.stdout.hasPrefix("status=0\n"), "\(pipe.stdout)")
    }

    @Test(.enabled(if: getuid() == 0 || Integration.required))
    func aFullDiskChangesNothing() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let mount = directory + "/small"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard try MignetProcess.runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", mount]).status == 0 else {
            // No mounting here (a container without the privilege): the rollback is still proven
            // by the folder target (OutputFaultTests); in CI this must run.
            #expect(!Integration.required, "a tmpfs could not be mounted")
            return
        }
        defer { _ = try? MignetProcess.runTool("/bin/umount", [mount]) }
        for index in 0..<40 { try MignetProcess.spec("c\(index)").write(toFile: directory + "/c\(index).yaml", atomically: false, encoding: .utf8) }
        #expect(try MignetProcess.run(["render", ".", "-o", "small/out"], in: directory).status == 0)
        let before = try MignetProcess.tree(mount + "/out")
        for index in 0..<40 { try MignetProcess.spec("c\(index)", vlan: 200).write(toFile: directory + "/c\(index).yaml", atomically: false, encoding: .utf8) }
        let filler = try MignetProcess.shell("head -c 100000000 /dev/zero > small/filler 2>/dev/null; true", in: directory)
        #expect(filler.status == 0)
        let outcome = try MignetProcess.run(["render", ".", "-o", "small/out"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("No space left on device"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("mignet: nothing was changed in small/out"))
        #expect(try MignetProcess.tree(mount + "/out") == before)
        // init on a full disk writes nothing either.
        let initOutcome = try MignetProcess.run(["init", "small/starter"], in: directory)
        #expect(initOutcome.status == 1)
        #expect(!FileManager.default.fileExists(atPath: mount + "/starter/clusters/my-cluster.yaml"))
        #expect(try MignetProcess.tree(mount + "/starter").isEmpty)
    }
}
