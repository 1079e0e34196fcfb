import Foundation
import Glibc
import Testing

/// The output folder under faults: inputs inside it, concurrent runs, targets that cannot be
/// replaced, names that are not UTF-8, entries that cannot be read, CRLF files and odd modes.
/// Numbers refer to the points of the trust issue.
@Suite struct OutputFaultTests {
    static func folder(_ files: [String: String]) throws -> String { try FaultInjectionTests.folder(files) }

    // MARK: 10. a render never removes or overwrites its input

    @Test func aRenderIntoItsOwnInputFolderKeepsTheInput() throws {
        let directory = try Self.folder(["clusters/c0/spec.yaml": MignetProcess.spec("c0"), "clusters/c0/README.md": "notes\n"])
        let outcome = try MignetProcess.run(["render", "clusters/c0", "-o", "clusters"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try String(contentsOfFile: directory + "/clusters/c0/spec.yaml", encoding: .utf8) == MignetProcess.spec("c0"))
        #expect(try String(contentsOfFile: directory + "/clusters/c0/README.md", encoding: .utf8) == "notes\n")
        #expect(outcome.stderr.contains("mignet: warning: clusters/c0/README.md is not a file mignet writes; it was left as it is"))
        #expect(outcome.stderr.contains("mignet: warning: clusters/c0/spec.yaml is not a file mignet writes; it was left as it is"))
        // check sees the same strangers.
        let check = try MignetProcess.run(["check", "clusters/c0", "-o", "clusters"], in: directory)
        #expect(check.status == 2)
        #expect(check.stdout.contains("--- a/clusters/c0/README.md\n+++ /dev/null"))
    }

    @Test func anOutputThatWouldReplaceAnInputIsRefused() throws {
        // The spec is itself named like the file the render would write there.
        let directory = try Self.folder(["clusters/c0/setting.yaml": MignetProcess.spec("c0"), "other/c1.yaml": MignetProcess.spec("c1")])
        let before = try MignetProcess.tree(directory)
        let outcome = try MignetProcess.run(["render", "clusters/c0", "other", "-o", "clusters"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("refusing to write: clusters/c0/setting.yaml was read as an input of this run"), "\(outcome.stderr)")
        #expect(try MignetProcess.tree(directory) == before)
    }

    // MARK: 11. concurrent renders never mix

    @Test func concurrentRendersNeverMix() throws {
        var files: [String: String] = [:]
        for index in 0..<150 {
            files["a/c\(index).yaml"] = MignetProcess.spec("c\(index)", vlan: 100)
            files["b/c\(index).yaml"] = MignetProcess.spec("c\(index)", vlan: 200, extra: index.isMultiple(of: 2) ? "" : "# odd\n")
        }
        let directory = try Self.folder(files)
        #expect(try MignetProcess.run(["render", "a", "-o", "expected-a"], in: directory).status == 0)
        #expect(try MignetProcess.run(["render", "b", "-o", "expected-b"], in: directory).status == 0)
        let a = try MignetProcess.tree(directory + "/expected-a")
        let b = try MignetProcess.tree(directory + "/expected-b")
        #expect(a != b)
        for round in 0..<10 {
            let outcome = try MignetProcess.shell("""
                rm -rf out; "$MIGNET" render a -o out -j 1 2>/dev/null & "$MIGNET" render b -o out -j 1 2>/dev/null & wait
                """, in: directory)
            #expect(outcome.status == 0)
            let now = try MignetProcess.tree(directory + "/out")
            #expect(now == a || now == b, "round \(round): the folder mixes two renders (\(now.count) files)")
        }
    }

    @Test func aSecondRunWaitsThenNamesTheHolder() throws {
        let directory = try Self.folder(["c.yaml": MignetProcess.spec("c")])
        try FileManager.default.createDirectory(atPath: directory + "/out", withIntermediateDirectories: true)
        let descriptor = open(directory + "/out/.mignet.lock", O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)
        let pid = Array("4242\n".utf8)
        #expect(write(descriptor, pid, pid.count) == pid.count)
        let outcome = try MignetProcess.run(["render", "c.yaml", "-o", "out", "--wait", "0.3"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("mignet: out is being written by another mignet (process 4242); waited 0 s"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/out") == [".mignet.lock"])
        flock(descriptor, LOCK_UN)
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 0)
        // The lock file goes with the run that held it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/out") == ["c"])
    }

    // MARK: 12. all or nothing

    static func changedRepository() throws -> (directory: String, before: [String: String]) {
        var files: [String: String] = [:]
        for index in 0..<8 { files["specs/c\(index).yaml"] = MignetProcess.spec("c\(index)") }
        let directory = try Self.folder(files)
        #expect(try MignetProcess.run(["render", "specs", "-o", "out"], in: directory).status == 0)
        for index in 0..<8 { try MignetProcess.spec("c\(index)", vlan: 300).write(toFile: directory + "/specs/c\(index).yaml", atomically: false, encoding: .utf8) }
        // A new cluster too, whose folder must not be left behind.
        try MignetProcess.spec("new").write(toFile: directory + "/specs/new.yaml", atomically: false, encoding: .utf8)
        return (directory, try MignetProcess.tree(directory + "/out"))
    }

    @Test func aFolderInPlaceOfATargetChangesNothing() throws {
        let (directory, _) = try Self.changedRepository()
        try FileManager.default.removeItem(atPath: directory + "/out/c5/setting.yaml")
        try FileManager.default.createDirectory(atPath: directory + "/out/c5/setting.yaml", withIntermediateDirectories: true)
        let before = try MignetProcess.tree(directory + "/out")
        let outcome = try MignetProcess.run(["render", "specs", "-o", "out"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("cannot replace out/c5/setting.yaml: it is a folder"), "\(outcome.stderr)")
        #expect(try MignetProcess.tree(directory + "/out") == before)
        #expect(!FileManager.default.fileExists(atPath: directory + "/out/new"))
    }

    @Test(.enabled(if: (getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr")) || Integration.required))
    func anImmutableTargetChangesNothing() throws {
        let (directory, before) = try Self.changedRepository()
        guard try MignetProcess.runTool("/usr/bin/chattr", ["+i", directory + "/out/c6/kubevirt-patch.yaml"]).status == 0 else {
            // A file system without the immutable flag (tmpfs); in CI this must run.
            #expect(!Integration.required, "chattr +i did not work here")
            return
        }
        defer { _ = try? MignetProcess.runTool("/usr/bin/chattr", ["-i", directory + "/out/c6/kubevirt-patch.yaml"]) }
        let outcome = try MignetProcess.run(["render", "specs", "-o", "out"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("out/c6/kubevirt-patch.yaml: Operation not permitted"), "\(outcome.stderr)")
        #expect(try MignetProcess.tree(directory + "/out") == before)
    }

    // MARK: 13, 14. names as bytes; nothing skipped silently

    @Test func namesThatAreNotUTF8AreHandledAsBytes() throws {
        let (directory, _) = try Self.changedRepository()
        // A file name with the byte 0xFF, which no String can hold.
        #expect(try MignetProcess.shell("printf 'x\\n' > \"$(printf 'out/c1/stray-\\377.yaml')\"", in: directory).status == 0)
        let render = try MignetProcess.run(["render", "specs", "-o", "out"], in: directory)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stderr.contains("mignet: warning: out/c1/stray-\\xFF.yaml is not a file mignet writes; it was left as it is"), "\(render.stderr)")
        let check = try MignetProcess.run(["check", "specs", "-o", "out"], in: directory)
        #expect(check.status == 2)
        #expect(check.stdout.contains("--- a/out/c1/stray-\\xFF.yaml"), "\(check.stdout)")
        // A spec with such a name is read, and named with the escape.
        try MignetProcess.spec("bad", vlan: 5000).write(toFile: directory + "/bad.txt", atomically: false, encoding: .utf8)
        #expect(try MignetProcess.shell("mv bad.txt \"$(printf 'specs/bad-\\377.yaml')\"", in: directory).status == 0)
        let validate = try MignetProcess.run(["validate", "specs"], in: directory)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("specs/bad-\\xFF.yaml:7:9: error: vlan 5000"), "\(validate.stderr)")
    }

    @Test func aFolderThatCannotBeSearchedIsAnErrorAndPrunesNothing() throws {
        let directory = try Self.folder(["specs/c.yaml": MignetProcess.spec("c"), "specs/gone.yaml": MignetProcess.spec("gone")])
        #expect(try MignetProcess.run(["render", "specs", "-o", "out"], in: directory).status == 0)
        try FileManager.default.removeItem(atPath: directory + "/specs/gone.yaml")
        // A spec nested past PATH_MAX: no path to it can be opened.
        let deep = try MignetProcess.shell("""
            python3 -c "import os; os.chdir('specs'); [(os.mkdir('d' * 96), os.chdir('d' * 96)) for _ in range(45)]; open('hidden.yaml', 'w').write('kind: MigrationNetwork\\n')"
            """, in: directory)
        #expect(deep.status == 0, "\(deep.stderr)")
        let outcome = try MignetProcess.run(["render", "specs", "-o", "out", "--prune"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("File name too long"), "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/out/gone/setting.yaml"))
        #expect(try MignetProcess.run(["validate", "specs"], in: directory).status == 1)
    }

    @Test func aLinkedSpecIsWarnedAbout() throws {
        let directory = try Self.folder(["elsewhere/c.yaml": MignetProcess.spec("c", vlan: 5000), "specs/d.yaml": MignetProcess.spec("d")])
        try FileManager.default.createSymbolicLink(atPath: directory + "/specs/link.yaml", withDestinationPath: "../elsewhere/c.yaml")
        let outcome = try MignetProcess.run(["validate", "specs"], in: directory)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("specs/link.yaml:1:1: warning: this symbolic link was not followed, so if it leads to a spec, that spec was not read; name the file it leads to instead [symlink-skipped]"))
        #expect(try MignetProcess.run(["validate", "--warnings-as-errors", "specs"], in: directory).status == 1)
    }

    // MARK: smaller faults

    @Test func aCRLFFileGivesADiffGitApplies() throws {
        let directory = try Self.folder(["c.yaml": MignetProcess.spec("c")])
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 0)
        let path = directory + "/out/c/setting.yaml"
        try (try String(contentsOfFile: path, encoding: .utf8)).replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: false, encoding: .utf8)
        let outcome = try MignetProcess.shell("\"$MIGNET\" check c.yaml -o out > patch; echo $?; git apply --check patch && git apply patch && \"$MIGNET\" check c.yaml -o out", in: directory)
        #expect(outcome.stdout.hasPrefix("2\n"), "\(outcome.stdout) \(outcome.stderr)")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let patch = try String(contentsOfFile: directory + "/patch", encoding: .utf8)
        #expect(patch.contains("-apiVersion: harvesterhci.io/v1beta1\r\n"))
        #expect(patch.contains("+apiVersion: harvesterhci.io/v1beta1\n"))
    }

    @Test func modesAreRestoredAndReported() throws {
        let directory = try Self.folder(["c.yaml": MignetProcess.spec("c")])
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 0)
        #expect(chmod(directory + "/out/c/apply.sh", 0o777) == 0)
        let check = try MignetProcess.run(["check", "c.yaml", "-o", "out"], in: directory)
        #expect(check.status == 2)
        #expect(check.stdout == "diff --git a/out/c/apply.sh b/out/c/apply.sh\nold mode 100777\nnew mode 100755\n")
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/out/c/apply.sh")[.posixPermissions] as? Int
        #expect(mode == 0o755)
        #expect(try MignetProcess.run(["check", "c.yaml", "-o", "out"], in: directory).status == 0)
    }

    @Test func aHugeStrayFileIsReportedBySizeUnread() throws {
        let directory = try Self.folder(["c.yaml": MignetProcess.spec("c")])
        #expect(try MignetProcess.run(["render", "c.yaml", "-o", "out"], in: directory).status == 0)
        // GNU time reports the peak memory; without it (outside CI) only the output is checked.
        let timed = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") || Integration.required
        let outcome = try MignetProcess.shell("""
            truncate -s 3G out/c/huge.yaml && truncate -s 3G out/c/setting.yaml && \(timed ? "/usr/bin/time -f '%M' " : "")"$MIGNET" check c.yaml -o out
            """, in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("Only in out/c: huge.yaml (3221225472 bytes, not shown, not rendered by mignet)"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("Files a/out/c/setting.yaml and b/out/c/setting.yaml differ (a/out/c/setting.yaml: 3221225472 bytes, not shown)"))
        if timed {
            let peakKilobytes = Int(outcome.stderr.split(separator: "\n").last ?? "") ?? .max
            #expect(peakKilobytes < 100_000, "check read the huge files: \(peakKilobytes) KB")
        }
    }

    @Test func initNeverFollowsALinkedFolderOut() throws {
        let directory = try Self.folder(["elsewhere/keep": "x\n"])
        try FileManager.default.createDirectory(atPath: directory + "/repo", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/repo/clusters", withDestinationPath: "../elsewhere")
        let outcome = try MignetProcess.run(["init", "repo"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("cannot write into repo/clusters: it is a symbolic link, which mignet does not follow there"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/elsewhere") == ["keep"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/repo") == ["clusters"])
    }

    @Test func pruneRemovesTemporaryFilesOfARemovedCluster() throws {
        let directory = try Self.folder(["specs/c.yaml": MignetProcess.spec("c"), "specs/gone.yaml": MignetProcess.spec("gone")])
        #expect(try MignetProcess.run(["render", "specs", "-o", "out"], in: directory).status == 0)
        try FileManager.default.removeItem(atPath: directory + "/specs/gone.yaml")
        try "half\n".write(toFile: directory + "/out/gone/.setting.yaml.mignet-99999.tmp", atomically: false, encoding: .utf8)
        #expect(try MignetProcess.run(["render", "specs", "-o", "out", "--prune"], in: directory).status == 0)
        #expect(!FileManager.default.fileExists(atPath: directory + "/out/gone"))
    }
}
