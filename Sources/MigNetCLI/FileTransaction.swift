import Glibc
import MigNetKit

/// Changes to many files made all or nothing. New contents are first written to temporary files
/// beside their targets (`stage`); `commit` then checks every target and keeps the old file
/// under a backup name (a hard link, which also fails on an immutable file) before the first
/// rename, renames every new file into place and removes what is to be removed; if any step
/// fails, what was done is undone, so that a failure changes nothing. Each file is old or new
/// at every moment, even when the process is killed; what a kill leaves behind is named like
/// `isTemporary` says, and removed by the next run.
struct FileTransaction {
    /// A new file written beside its target, under the temporary name `temporary` derives.
    struct StagedFile: Sendable {
        var target: DiskPath

        /// The temporary file beside the target.
        var temporary: DiskPath { FileTransaction.sibling(target, "tmp") }
    }

    /// Why a change failed.
    typealias Failure = OutputDirectory.Failure

    /// The file system changed.
    let files: any FileSystem

    private(set) var staged: [StagedFile] = []
    private(set) var removals: [DiskPath] = []
    /// Folders this transaction created, to remove again when it fails.
    private(set) var createdFolders: [DiskPath] = []

    init(files: any FileSystem = FileSystems.current) {
        self.files = files
    }

    /// Whether a name is one of mignet's temporary or backup files: `.<name>.mignet-<pid>.tmp`
    /// or `.old`.
    static func isTemporary(_ name: some Collection<UInt8>) -> Bool {
        let text = String(decoding: name, as: UTF8.self)
        return text.hasPrefix(".") && (text.hasSuffix(".tmp") || text.hasSuffix(".old")) && text.contains(".mignet-")
    }

    fileprivate static func sibling(_ target: DiskPath, _ suffix: String) -> DiskPath {
        let folder = target.bytes.lastIndex(of: UInt8(ascii: "/")).map { DiskPath(bytes: Array(target.bytes[..<$0])) }
        let name = Array(".".utf8) + target.name + Array(".mignet-\(getpid()).\(suffix)".utf8)
        return folder?.appending(name) ?? DiskPath(bytes: name)
    }

    /// Creates a folder (an existing folder is fine; a link or a file in its place is not, except
    /// a link to a folder when `followingLink`, for a folder the user named), remembering it for
    /// removal should the transaction fail.
    mutating func makeFolder(_ folder: DiskPath, followingLink: Bool = false) throws(Failure) {
        if try Self.makeFolder(folder, followingLink: followingLink, in: files) { createdFolders.append(folder) }
    }

    /// Records folders made with the static `makeFolder` (on other threads), for removal should
    /// the transaction fail.
    mutating func add(createdFolders folders: [DiskPath]) { createdFolders += folders }

    /// Creates a folder as `makeFolder` does, on any thread; whether it was created.
    static func makeFolder(_ folder: DiskPath, followingLink: Bool = false, in files: any FileSystem) throws(Failure) -> Bool {
        guard let error = files.makeFolder(folder) else { return true }
        guard error.number == EEXIST else { throw Failure("create directory", folder.display, error) }
        if followingLink, files.existing(folder, followingLinks: true)?.kind == .folder { return false }
        guard let status = files.existing(folder), status.kind == .folder else {
            let what = files.existing(folder).map { $0.kind == .link ? "it is a symbolic link, which mignet does not follow there" : "it is \($0.kind.words), not a folder" } ?? "it cannot be read"
            throw Failure(message: "cannot write into \(folder.display): \(what)")
        }
        return false
    }

    /// Writes `bytes` with `mode` to a new temporary file beside `target`; safe on any thread.
    /// No fsync: the rename makes each file old or new whatever happens to the process, which is
    /// what a git working tree needs; surviving a power cut is the file system's concern (git
    /// itself does not sync by default), and syncing thousands of files costs seconds.
    static func stage(_ bytes: [UInt8], mode: Int, at target: DiskPath, in files: any FileSystem) throws(Failure) -> StagedFile {
        let temporary = sibling(target, "tmp")
        _ = files.remove(temporary)
        switch files.createFile(temporary, bytes: bytes, permissions: mode) {
        case nil: return StagedFile(target: target)
        case .create(let error)?: throw Failure("create", temporary.display, error)
        case .write(let error)?: throw Failure("write", temporary.display, error)
        }
    }

    /// Adds staged files to the transaction.
    mutating func add(_ files: [StagedFile]) { staged += files }

    /// Marks a file for removal at commit.
    mutating func remove(_ target: DiskPath) { removals.append(target) }

    /// Applies every change, or none: see the type's description.
    func commit(jobs: Int = 1) throws(Failure) {
        let files = self.files
        // 1. Every target that exists must be a file or a link, and is kept under a backup name.
        let targets = staged.map(\.target) + removals
        let backups = Parallel.map(targets, jobs: jobs) { target -> Result<DiskPath?, Failure> in
            let status: FileStatus
            switch files.status(target, followingLinks: false) {
            case .success(let found): status = found
            case .failure(let error): return error.number == ENOENT ? .success(nil) : .failure(Failure("read", target.display, error))
            }
            if status.kind == .folder {
                return .failure(Failure(message: "cannot replace \(target.display): it is a folder"))
            }
            let backup = Self.sibling(target, "old")
            _ = files.remove(backup)
            return files.hardLink(target, as: backup).map { .failure(Failure("replace", target.display, $0)) } ?? .success(backup)
        }
        var kept: [(target: DiskPath, backup: DiskPath?)] = []
        var failure: Failure?
        for (target, result) in zip(targets, backups) {
            switch result {
            case .success(let backup): kept.append((target, backup))
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure {
            restore(kept, changed: [])
            throw failure
        }
        // 2. Renames (on every thread), then removals; on a failure everything done is undone.
        let renamed = Parallel.map(staged, jobs: jobs) { file -> Failure? in
            files.rename(file.temporary, to: file.target).map { Failure("rename into place", file.target.display, $0) }
        }
        var done = renamed.map { $0 == nil }
        if let failure = renamed.compactMap({ $0 }).first {
            restore(kept, changed: done)
            throw failure
        }
        for target in removals {
            if let error = files.remove(target), error.number != ENOENT {
                restore(kept, changed: done)
                throw Failure("remove", target.display, error)
            }
            done.append(true)
        }
        // 3. Done: the backups go.
        for entry in kept { if let backup = entry.backup { _ = files.remove(backup) } }
    }

    /// Undoes the changes marked done (by index into `kept`) from the backups, then removes every
    /// temporary and backup file and the folders this transaction created.
    private func restore(_ kept: [(target: DiskPath, backup: DiskPath?)], changed done: [Bool]) {
        for (entry, changed) in zip(kept, done) where changed {
            if let backup = entry.backup {
                _ = files.rename(backup, to: entry.target)
            } else {
                _ = files.remove(entry.target)
            }
        }
        for (index, entry) in kept.enumerated() where !(index < done.count && done[index]) {
            if let backup = entry.backup { _ = files.remove(backup) }
        }
        abandon()
    }

    /// Removes the staged files and the folders this transaction created (when empty).
    func abandon() {
        for file in staged { _ = files.remove(file.temporary) }
        for folder in createdFolders.reversed() { _ = files.removeFolder(folder) }
    }
}

extension FileTransaction {
    /// Writes whole files all or nothing, creating the folders above them. With `inside`, the
    /// folders between it and each file must be real folders: a symbolic link there is refused,
    /// so nothing is written outside it.
    static func write(_ writes: [(path: DiskPath, bytes: [UInt8], mode: Int)], inside base: DiskPath?,
                      in files: any FileSystem = FileSystems.current) throws(Failure) {
        var transaction = FileTransaction(files: files)
        do throws(Failure) {
            for file in writes {
                let components = file.path.bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast()
                var folder: [UInt8] = []
                for (index, component) in components.enumerated() {
                    folder += (index == 0 ? [] : [UInt8(ascii: "/")]) + component
                    guard !component.isEmpty, component != [UInt8(ascii: ".")] else { continue }
                    // Above `base`, a link to a folder is the user's choice; below it, never followed.
                    let withinBase = base.map { folder.count > $0.bytes.count && folder.starts(with: $0.bytes + [UInt8(ascii: "/")]) } ?? false
                    try transaction.makeFolder(DiskPath(bytes: folder), followingLink: !withinBase)
                }
                transaction.add([try stage(file.bytes, mode: file.mode, at: file.path, in: files)])
            }
            try transaction.commit()
        } catch {
            transaction.abandon()
            throw error
        }
    }
}
