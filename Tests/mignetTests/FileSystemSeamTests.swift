import Foundation
import Glibc
import MigNetCLI
import Synchronization
import Testing

/// The commands through the file-system seam with a file system in memory: a run that finds
/// its files there proves no step of it reaches the disk past the seam, and a step made to fail
/// shows what the user would be left with.
@Suite struct FileSystemSeamTests {
    /// The example repository (specs and defaults file) in a file system of its own.
    static func repository(fault: @escaping @Sendable (MemoryFileSystem.Change, String, Int) -> Int32? = { _, _, _ in nil }) throws -> MemoryFileSystem {
        let files = MemoryFileSystem(fault: fault)
        let example = MignetProcess.root + "/examples/gitops-repo"
        for name in ["clusters/berlin.yaml", "clusters/lab.yaml", "clusters/paris.yaml", "site-defaults.yaml"] {
            files.add(name, try String(contentsOfFile: example + "/" + name, encoding: .utf8))
        }
        return files
    }

    @Test func renderAndCheckRunWhollyInMemoryAndWriteTheGoldenTree() throws {
        let files = try Self.repository()
        let render = try InProcess.run(["render", "clusters", "-o", "rendered", "--delivery", "fleet"], files: files)
        #expect(render.status == 0, "\(render.stderr)")
        let golden = try MignetProcess.tree(MignetProcess.root + "/examples/gitops-repo/rendered/fleet")
        var written = files.tree("rendered")
        written = written.filter { !$0.key.hasSuffix("/") }
        #expect(written == golden)
        let check = try InProcess.run(["check", "clusters", "-o", "rendered", "--delivery", "fleet"], files: files)
        #expect(check.status == 0, "\(check.stderr)")
        // Nothing but the output was changed, and the lock went with the run.
        #expect(files.changes.allSatisfy { $0.1.hasPrefix("/work/rendered") })
        #expect(files.tree("rendered")[".mignet.lock"] == nil)
    }

    /// A repository rendered once, then changed so that the next render writes, replaces,
    /// removes and prunes: every kind of step the transaction takes.
    static func staleRepository(fault: @escaping @Sendable (MemoryFileSystem.Change, String, Int) -> Int32? = { _, _, _ in nil }) throws -> MemoryFileSystem {
        let files = try repository(fault: fault)
        let first = CommandLineTool.run(["render", "clusters", "-o", "rendered", "--jobs", "1"], files: files, programs: ToolProcess())
        try #require(first.status == 0, "\(first.stderr)")
        let berlin = files.tree("clusters")["berlin.yaml"]!
        files.add("clusters/berlin.yaml", berlin.replacingOccurrences(of: "vlan: ", with: "vlan: 3"))
        files.add("clusters/rome.yaml", MignetProcess.spec("rome", vlan: 77))
        _ = files.removeFile("clusters/lab.yaml")
        return files
    }

    @Test func aFailureAtAnyStepOfARenderLeavesTheTreeAsItWas() throws {
        let arguments = ["render", "clusters", "-o", "rendered", "--prune", "--jobs", "1"]
        // The steps a render takes when nothing fails.
        let clean = try Self.staleRepository()
        let before = clean.tree("rendered")
        let start = clean.changes.count
        let succeeded = CommandLineTool.run(arguments, files: clean, programs: ToolProcess())
        try #require(succeeded.status == 0, "\(succeeded.stderr)")
        let after = clean.tree("rendered")
        let steps = clean.changes.count - start
        try #require(steps > 10)
        #expect(after != before)

        for failing in start..<(start + steps) {
            let failed = Mutex(false)
            let files = try Self.staleRepository { _, _, count in
                failed.withLock { done in
                    guard !done, count == failing else { return nil }
                    done = true
                    return EIO
                }
            }
            let outcome = CommandLineTool.run(arguments, files: files, programs: ToolProcess())
            let tree = files.tree("rendered")
            let step = "step \(failing - start) of \(steps)"
            if outcome.status == 0 {
                // Only a step after the commit may fail without failing the run: removing a
                // backup (mignet's own temporary, which the next run removes) or a pruned
                // folder (said in a warning). The new tree is in place.
                let leftOver = tree.filter { !$0.key.contains(".mignet-") && after[$0.key] == nil }
                #expect(tree.filter { !$0.key.contains(".mignet-") && leftOver[$0.key] == nil } == after, "\(step)")
                #expect(leftOver.isEmpty || (leftOver == ["lab/": "<folder>"] && outcome.stderr.contains("rendered/lab was pruned but could not be removed: ")),
                        "\(step) left \(leftOver.keys.sorted()): \(outcome.stderr)")
            } else {
                #expect(outcome.status == 1, "\(step)")
                #expect(outcome.stderr.contains("Input/output error"), "\(step): \(outcome.stderr)")
                let changed = Set(tree.keys).union(before.keys).filter { tree[$0] != before[$0] }
                #expect(changed.isEmpty, "\(step) changed \(changed.sorted()): \(outcome.stderr)")
            }
        }
    }

    @Test func aHeldLockStopsTheRunAndNamesTheHolder() throws {
        let files = try Self.repository()
        files.holdLock("rendered/.mignet.lock")
        _ = files.makeFolder(DiskPath("rendered"))
        let outcome = try InProcess.run(["render", "clusters", "-o", "rendered", "--wait", "0"], files: files)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("rendered is being written by another mignet (process 4242)"), "\(outcome.stderr)")
        #expect(files.tree("rendered").isEmpty)
    }

    @Test func aSpecThatIsAFIFOOrALinkIsReportedNotFollowed() throws {
        let files = try Self.repository()
        files.addFIFO("clusters/pipe.yaml")
        files.addLink("clusters/elsewhere.yaml", to: "/etc/passwd")
        let outcome = try InProcess.run(["validate", "clusters"], files: files)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("clusters/pipe.yaml:1:1: error: cannot read the file: it is a FIFO, not a regular file"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("clusters/elsewhere.yaml"), "\(outcome.stderr)")
    }
}

extension MemoryFileSystem {
    /// Removes a file, as a user would.
    func removeFile(_ path: String) -> SystemError? {
        remove(DiskPath(path))
    }
}
