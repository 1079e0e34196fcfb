import Glibc
import MigNetKit

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

    /// Why writing or reading failed.
    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String

        init(_ action: String, _ path: String, errorNumber: Int32 = errno) {
            description = "cannot \(action) \(path): \(String(cString: strerror(errorNumber)))"
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

    /// Writes `folders` on up to `jobs` threads, holding the folder's lock (waiting up to
    /// `wait` seconds for it). `inputs` are the files the run read: none may be replaced.
    func write(_ folders: [ClusterFolder], prune: Bool, inputs: Set<FileIdentity>, wait: Double, jobs: Int = 1) throws(Failure) -> Outcome {
        // A cluster's files lie a name and a file name below the folder: a path that leaves no
        // room for them is refused before any folder is made.
        if path.utf8.count + 2 * (Int(NAME_MAX) + 1) >= Int(PATH_MAX) {
            throw Failure(message: "the output folder's path is \(path.utf8.count) bytes long, too long for the files below it (PATH_MAX is \(PATH_MAX))")
        }
        if let failed = FileIO.makeParents(of: path) { throw Failure("create directory", failed) }
        var transaction = FileTransaction()
        try transaction.makeFolder(folder, followingLink: true)
        let lock: OutputLock
        do { lock = try OutputLock.acquire(folder, waiting: wait) } catch {
            transaction.abandon()
            throw error
        }
        defer { lock.release() }
        do {
            return try write(folders, prune: prune, inputs: inputs, jobs: jobs, into: &transaction)
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
        guard let names = folder.entries() else { throw Failure("list", path) }
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !rendered.contains(name) && name != Array(OutputLock.fileName.utf8) {
            let orphan = folder.appending(name)
            guard let status = orphan.linkStatus(), status.st_mode & S_IFMT == S_IFDIR else { continue }
            guard let entries = orphan.entries() else { throw Failure("list", orphan.display) }
            // A cluster's folder holds its setting.yaml; a render killed while it created the
            // folder may have left only its temporary files.
            guard entries.contains(Array(Delivery.FileName.setting.utf8)) || (!entries.isEmpty && entries.allSatisfy(FileTransaction.isTemporary)) else { continue }
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
            if let status = target.linkStatus(), inputs.contains(FileIdentity(status)) {
                throw Failure(message: "refusing to write: \(target.display) was read as an input of this run, and the output would replace or remove it; choose an output folder apart from the specs")
            }
        }
        outcome.removed = transaction.removals.count
        try transaction.commit(jobs: jobs)
        for orphan in outcome.pruned { _ = orphan.withCString { rmdir($0) } }
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
        let created = try FileTransaction.makeFolder(directory)
        if created { plan.createdFolder = directory }
        guard let names = created ? [] : directory.entries() else { throw Failure("list", directory.display) }
        let renderedNames = Set(cluster.files.map { Array($0.name.utf8) })
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !renderedNames.contains(name) {
            let entry = directory.appending(name)
            if Self.isOwn(name), let status = entry.linkStatus(), status.st_mode & S_IFMT != S_IFDIR {
                plan.removals.append(entry)
            } else {
                plan.warnings.append("\(entry.display) is not a file mignet writes; it was left as it is")
            }
        }
        do {
            for file in cluster.files {
                let target = directory.appending(file.name)
                if !created, let existing = Self.entry(target, name: file.name, sizeMustBe: file.contents.utf8.count), existing.matches(file) {
                    plan.unchanged += 1
                    continue
                }
                plan.staged.append(try FileTransaction.stage(Array(file.contents.utf8), mode: mode_t(ExistingEntry.mode(of: file)), at: target))
            }
        } catch {
            for file in plan.staged { _ = file.temporary.withCString { unlink($0) } }
            if created { _ = directory.withCString { rmdir($0) } }
            throw error
        }
        return plan
    }

    /// The entries of the output folder itself (none when it does not exist): the names of its
    /// folders, and every other entry by its type (links and plain files are not folders). The
    /// output folder itself may be a link to a folder, as `render` follows it.
    func topLevel() throws(Failure) -> (folders: [String], others: [ExistingEntry]) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return ([], []) }
            throw Failure("read", path)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(message: "\(TerminalText.escaped(path)) is \(fileKind(status.st_mode)), not the output folder mignet renders into")
        }
        guard let names = folder.entries() else { throw Failure("list", path) }
        var folders: [String] = []
        var others: [ExistingEntry] = []
        for name in names {
            let entryPath = folder.appending(name)
            let display = DiskPath(bytes: name).display
            guard let status = entryPath.linkStatus() else { throw Failure("read", entryPath.display) }
            if status.st_mode & S_IFMT == S_IFDIR {
                folders.append(display)
            } else if let entry = Self.entry(entryPath, name: display) {
                others.append(entry)
            } else {
                throw Failure("read", entryPath.display)
            }
        }
        return (folders, others)
    }

    /// Every entry of one cluster folder, of whatever type; nil when the folder is not there, a
    /// failure when it cannot be listed or is something else than a folder (a link, a file).
    func entries(inFolder name: String) -> Result<[ExistingEntry]?, Failure> {
        let directory = folder.appending(name)
        guard let status = directory.linkStatus() else {
            return errno == ENOENT ? .success(nil) : .failure(Failure("read", directory.display))
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            return .failure(Failure(message: "\(directory.display) is \(fileKind(status.st_mode)), not the folder mignet renders there"))
        }
        guard let names = directory.entries() else { return .failure(Failure("list", directory.display)) }
        var entries: [ExistingEntry] = []
        for name in names {
            let display = DiskPath(bytes: name).display
            guard let entry = Self.entry(directory.appending(name), name: display) else {
                return .failure(Failure("read", directory.appending(name).display))
            }
            entries.append(entry)
        }
        return .success(entries)
    }

    /// The largest file `check` reads to compare and diff; larger ones are reported by size.
    static let compareLimit = 16 << 20

    /// An entry as it is: a regular file's bytes when it is no larger than `compareLimit` and,
    /// with `sizeMustBe`, of that size (the size decides a difference before any read); anything
    /// else by its type. Nil when it is missing or cannot be read (`errno` set).
    private static func entry(_ path: DiskPath, name: String, sizeMustBe expected: Int? = nil) -> ExistingEntry? {
        guard let status = path.linkStatus() else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else { return ExistingEntry(name: name, kind: .other(fileKind(status.st_mode))) }
        let size = Int(status.st_size)
        let mode = Int(status.st_mode & 0o7777)
        guard size <= compareLimit, expected.map({ $0 == size }) ?? true else {
            return ExistingEntry(name: name, kind: .file(bytes: nil, size: size, mode: mode))
        }
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let bytes = FileIO.readAll(from: descriptor, limit: size + 1, expected: size) else { return nil }
        return ExistingEntry(name: name, kind: .file(bytes: bytes, size: bytes.count, mode: mode))
    }
}
