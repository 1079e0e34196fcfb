import Glibc
import MigNetKit
import Synchronization

/// The output folder: written all or nothing under a lock, and read back for `check`.
///
/// mignet owns exactly the files it writes in `DIR/<name>/`: the file names of its delivery
/// profiles and its own temporary files. It writes the changed ones (unchanged files keep their
/// mtime), removes those of its names that the profile no longer renders, and leaves every other
/// entry where it is, with a warning. Folders of clusters no spec renders any more are orphans:
/// reported, and with `prune` emptied of mignet's files. Nothing outside `DIR` is touched, no
/// symbolic link inside it is followed, and no file that was read as an input is replaced.
struct OutputDirectory {
    var path: String
    /// The file system it is on.
    var files: any FileSystem = FileSystems.current
    /// Folder listings kept for reuse, so that a run that lists every cluster folder twice (to
    /// learn the profile, then to compare or write) lists it once: check's, and a write's under
    /// its lock; nil: every listing is fresh.
    var listings: Listings? = nil

    /// Listings by folder path, shared by the threads of one run. Each is kept as one array of
    /// the names joined by NUL (which no name holds), not an array per name: a run over 50,000
    /// cluster folders keeps them all between learning the profile and writing, and one
    /// allocation a folder is a fraction of five.
    final class Listings: Sendable {
        let byFolder = Mutex<[[UInt8]: [UInt8]]>([:])

        /// Keeps `names`, the listing of `folder`.
        func keep(_ names: [[UInt8]], of folder: [UInt8]) {
            let joined = Array(names.joined(separator: [0]))
            byFolder.withLock { $0[folder] = joined }
        }

        /// The listing of `folder`, taken out: each serves once (a folder is listed to learn the
        /// profile, then to write or compare it), so it is freed as the run goes.
        func take(_ folder: [UInt8]) -> [[UInt8]]? {
            guard let joined = byFolder.withLock({ $0.removeValue(forKey: folder) }) else { return nil }
            return joined.isEmpty ? [] : joined.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        }
    }

    /// Why writing or reading failed.
    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String

        init(_ action: String, _ path: String, _ error: SystemError) {
            description = "cannot \(action) \(path): \(error)"
        }

        init(message: String) {
            description = message
        }
    }

    /// What a render did, for its summary line and warnings.
    struct Outcome {
        var written = 0
        var unchanged = 0
        var removed = 0
        /// The orphan folders pruned.
        var pruned: [DiskPath] = []
        var warnings: [String] = []
    }

    /// What one cluster folder needs.
    private struct FolderPlan: Sendable {
        var staged: [FileTransaction.StagedFile] = []
        var removals: [DiskPath] = []
        var unchanged = 0
        var warnings: [String] = []
        /// The cluster folder, when this run created it.
        var createdFolder: DiskPath?
    }

    private var folder: DiskPath { DiskPath(path) }

    /// Writes what `rendering` gives on up to `jobs` threads, holding the folder's lock (waiting
    /// up to `wait` seconds for it). `rendering` is asked under the lock and sees the folder as
    /// the lock keeps it (to learn its profile); the listings it makes serve the write, so each
    /// cluster folder is listed once. `inputs` are the files the run read: none may be replaced.
    /// A failure of `rendering` is thrown as it is, after the lock is released.
    func write(prune: Bool, inputs: Set<FileIdentity>, wait: Double, jobs: Int = 1,
               rendering: (OutputDirectory) throws -> [ClusterFolder]) throws -> Outcome {
        // A cluster's files lie a name and a file name below the folder: a path that leaves no
        // room for them is refused before any folder is made.
        if path.utf8.count + 2 * (Int(NAME_MAX) + 1) >= Int(PATH_MAX) {
            throw Failure(message: "the output folder's path is \(path.utf8.count) bytes long, too long for the files below it (PATH_MAX is \(PATH_MAX))")
        }
        if let failed = files.makeParents(of: folder) { throw Failure("create directory", failed.folder, failed.error) }
        var transaction = FileTransaction(files: files)
        try transaction.makeFolder(folder, followingLink: true)
        let lock: OutputLock
        do { lock = try OutputLock.acquire(folder, waiting: wait, in: files) } catch {
            transaction.abandon()
            throw error
        }
        defer { lock.release() }
        let locked = OutputDirectory(path: path, files: files, listings: Listings())
        do {
            let folders = try rendering(locked)
            return try locked.write(folders, prune: prune, inputs: inputs, jobs: jobs, into: &transaction)
        } catch {
            transaction.abandon()
            throw error
        }
    }

    private func write(_ folders: [ClusterFolder], prune: Bool, inputs: Set<FileIdentity>, jobs: Int,
                       into transaction: inout FileTransaction) throws(Failure) -> Outcome {
        let plans = Parallel.map(folders, jobs: jobs) { cluster in Result { () throws(Failure) in try plan(cluster) } }
        var outcome = Outcome()
        var failure: Failure?
        for result in plans {
            switch result {
            case .success(let plan):
                // Added even when another folder failed, so that abandoning removes them.
                transaction.add(plan.staged)
                if let created = plan.createdFolder { transaction.add(createdFolders: [created]) }
                for removal in plan.removals { transaction.remove(removal) }
                outcome.written += plan.staged.count
                outcome.unchanged += plan.unchanged
                outcome.warnings += plan.warnings
            case .failure(let error):
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        // Orphans: folders holding a setting.yaml that no spec renders.
        let rendered = Set(folders.map { Array($0.name.utf8) })
        let names = try list(folder)
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !rendered.contains(name) && name != Array(OutputLock.fileName.utf8) {
            let orphan = folder.appending(name)
            guard files.existing(orphan)?.kind == .folder else { continue }
            let entries = try list(orphan)
            // A cluster's folder holds its setting.yaml; a render killed while it created the
            // folder may have left only its temporary files.
            guard entries.contains(Array(Delivery.clusterFolderFile.utf8)) || (!entries.isEmpty && entries.allSatisfy(FileTransaction.isTemporary)) else { continue }
            guard prune else {
                outcome.warnings.append("\(orphan.display) is the folder of a cluster no spec renders; remove it with --prune")
                continue
            }
            let ours = entries.filter { Self.isOwn($0) }
            for entry in ours { transaction.remove(orphan.appending(entry)) }
            outcome.pruned.append(orphan)
            if ours.count < entries.count {
                outcome.warnings.append("\(orphan.display) was pruned of mignet's files but holds others, so it was kept")
            }
        }
        // Nothing read as an input may be replaced or removed.
        for target in transaction.staged.map(\.target) + transaction.removals {
            if let status = files.existing(target), inputs.contains(status.identity) {
                throw Failure(message: "refusing to write: \(target.display) was read as an input of this run, and the output would replace or remove it; choose an output folder apart from the specs")
            }
        }
        outcome.removed = transaction.removals.count
        try transaction.commit(jobs: jobs)
        for orphan in outcome.pruned {
            // The change is made; a folder left behind is said, and check names it.
            if let error = files.removeFolder(orphan) {
                outcome.warnings.append("\(orphan.display) was pruned but could not be removed: \(error)")
            }
        }
        return outcome
    }

    /// Whether a name in a cluster folder is mignet's own: a profile's file or a temporary file.
    private static func isOwn(_ name: [UInt8]) -> Bool {
        FileTransaction.isTemporary(name) || String(validating: name, as: UTF8.self).map { Delivery.fileNames.contains($0) } ?? false
    }

    /// Stages the changed files of one folder and lists what to remove; other entries are warned about.
    private func plan(_ cluster: ClusterFolder) throws(Failure) -> FolderPlan {
        let directory = folder.appending(cluster.name)
        var plan = FolderPlan()
        // A folder made just now is empty: there is nothing to list or compare.
        let created = try FileTransaction.makeFolder(directory, in: files)
        if created { plan.createdFolder = directory }
        let names = created ? [] : try list(directory)
        let renderedNames = Set(cluster.files.map { Array($0.name.utf8) })
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !renderedNames.contains(name) {
            let entry = directory.appending(name)
            if Self.isOwn(name), let status = files.existing(entry), status.kind != .folder {
                plan.removals.append(entry)
            } else {
                plan.warnings.append("\(entry.display) is not a file mignet writes; it was left as it is")
            }
        }
        do {
            for file in cluster.files {
                let target = directory.appending(file.name)
                if !created, let existing = try? entry(target, name: file.name, sizeMustBe: file.contents.utf8.count).get(), existing.matches(file) {
                    plan.unchanged += 1
                    continue
                }
                plan.staged.append(try FileTransaction.stage(Array(file.contents.utf8), mode: file.mode, at: target, in: files))
            }
        } catch {
            for file in plan.staged { _ = files.remove(file.temporary) }
            if created { _ = files.removeFolder(directory) }
            throw error
        }
        return plan
    }

    /// The entries of the output folder itself (none when it does not exist): the names of its
    /// folders, and every other entry by its type (links and plain files are not folders). The
    /// output folder itself may be a link to a folder, as `render` follows it.
    func topLevel() throws(Failure) -> (folders: [String], others: [ExistingEntry]) {
        let status: FileStatus
        switch files.status(folder, followingLinks: true) {
        case .success(let found): status = found
        case .failure(let error):
            if error.number == ENOENT { return ([], []) }
            throw Failure("read", path, error)
        }
        guard status.kind == .folder else {
            throw Failure(message: "\(TerminalText.escaped(path)) is \(status.kind.words), not the output folder mignet renders into")
        }
        var folders: [String] = []
        var others: [ExistingEntry] = []
        for name in try list(folder) {
            let entryPath = folder.appending(name)
            let display = DiskPath(bytes: name).display
            switch files.status(entryPath, followingLinks: false) {
            case .failure(let error): throw Failure("read", entryPath.display, error)
            case .success(let status) where status.kind == .folder: folders.append(display)
            case .success: others.append(try entry(entryPath, name: display).get())
            }
        }
        return (folders, others)
    }

    /// Every entry of one cluster folder, of whatever type; nil when the folder is not there, a
    /// failure when it cannot be listed or is something else than a folder (a link, a file).
    func entries(inFolder name: String) -> Result<[ExistingEntry]?, Failure> {
        let directory = folder.appending(name)
        let status: FileStatus
        switch files.status(directory, followingLinks: false) {
        case .success(let found): status = found
        case .failure(let error): return error.number == ENOENT ? .success(nil) : .failure(Failure("read", directory.display, error))
        }
        guard status.kind == .folder else {
            return .failure(Failure(message: "\(directory.display) is \(status.kind.words), not the folder mignet renders there"))
        }
        return Result { () throws(Failure) in
            try list(directory).map { name throws(Failure) in try entry(directory.appending(name), name: DiskPath(bytes: name).display).get() }
        }
    }

    /// The names in a folder, or the failure to list it.
    private func list(_ directory: DiskPath) throws(Failure) -> [[UInt8]] {
        if let kept = listings?.take(directory.bytes) { return kept }
        switch files.entries(directory) {
        case .success(let names):
            listings?.keep(names, of: directory.bytes)
            return names
        case .failure(let error): throw Failure("list", directory.display, error)
        }
    }

    /// The delivery profiles whose files the cluster folders hold now, each with the first folder
    /// (by name) that shows it; empty when the folder is missing or holds no cluster folder.
    func profiles() -> [(profile: Delivery, folder: String)] {
        guard let names = try? list(folder) else { return [] }
        var found: [(profile: Delivery, folder: String)] = []
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let cluster = folder.appending(name)
            guard files.existing(cluster)?.kind == .folder, let entries = try? list(cluster) else { continue }
            let own = Set(entries.compactMap { String(validating: $0, as: UTF8.self) })
            if let profile = Delivery.owner(of: own), !found.contains(where: { $0.profile == profile }) {
                found.append((profile, cluster.display))
            }
        }
        return found
    }

    /// The largest file `check` reads to compare and diff; larger ones are reported by size.
    static let compareLimit = 16 << 20

    /// An entry as it is: a regular file's bytes when it is no larger than `compareLimit` and,
    /// with `sizeMustBe`, of that size (the size decides a difference before any read); anything
    /// else by its type. Nil when it is missing or cannot be read (`errno` set).
    private func entry(_ path: DiskPath, name: String, sizeMustBe expected: Int? = nil) -> Result<ExistingEntry, Failure> {
        let status: FileStatus
        switch files.status(path, followingLinks: false) {
        case .success(let found): status = found
        case .failure(let error): return .failure(Failure("read", path.display, error))
        }
        guard status.kind == .regular else { return .success(ExistingEntry(name: name, kind: .other(status.kind.words))) }
        guard status.size <= Self.compareLimit, expected.map({ $0 == status.size }) ?? true else {
            return .success(ExistingEntry(name: name, kind: .file(bytes: nil, size: status.size, mode: status.permissions)))
        }
        switch files.read(path, followingLinks: false, limit: status.size) {
        case .failure(let error): return .failure(Failure("read", path.display, error))
        case .success(let contents):
            guard let bytes = contents.bytes else { return .failure(Failure(message: "cannot read \(path.display): it changed while it was read")) }
            return .success(ExistingEntry(name: name, kind: .file(bytes: bytes, size: bytes.count, mode: status.permissions)))
        }
    }
}
