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

    private(set) var staged: [StagedFile] = []
    private(set) var removals: [DiskPath] = []
    /// Folders this transaction created, to remove again when it fails.
    private(set) var createdFolders: [DiskPath] = []

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
        if try Self.makeFolder(folder, followingLink: followingLink) { createdFolders.append(folder) }
    }

    /// Records folders made with the static `makeFolder` (on other threads), for removal should
    /// the transaction fail.
    mutating func add(createdFolders folders: [DiskPath]) { createdFolders += folders }

    /// Creates a folder as `makeFolder` does, on any thread; whether it was created.
    static func makeFolder(_ folder: DiskPath, followingLink: Bool = false) throws(Failure) -> Bool {
        if folder.withCString({ mkdir($0, 0o755) }) == 0 { return true }
        let error = errno
        guard error == EEXIST else { throw Failure("create directory", folder.display, errorNumber: error) }
        var followed = stat()
        if followingLink, folder.withCString({ stat($0, &followed) }) == 0, followed.st_mode & S_IFMT == S_IFDIR { return false }
        guard let status = folder.linkStatus(), status.st_mode & S_IFMT == S_IFDIR else {
            let what = folder.linkStatus().map { $0.st_mode & S_IFMT == S_IFLNK ? "it is a symbolic link, which mignet does not follow there" : "it is \(fileKind($0.st_mode)), not a folder" } ?? "it cannot be read"
            throw Failure(message: "cannot write into \(folder.display): \(what)")
        }
        return false
    }

    /// Writes `bytes` with `mode` to a new temporary file beside `target`; safe on any thread.
    static func stage(_ bytes: [UInt8], mode: mode_t, at target: DiskPath) throws(Failure) -> StagedFile {
        let temporary = sibling(target, "tmp")
        _ = temporary.withCString { unlink($0) }
        let descriptor = temporary.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode) }
        guard descriptor >= 0 else { throw Failure("create", temporary.display) }
        // The umask may have narrowed the mode; the file must be exactly what was rendered.
        // No fsync: the rename makes each file old or new whatever happens to the process, which
        // is what a git working tree needs; surviving a power cut is the file system's concern
        // (git itself does not sync by default), and syncing thousands of files costs seconds.
        guard FileIO.writeAll(bytes, to: descriptor), fchmod(descriptor, mode) == 0 else {
            let error = errno
            close(descriptor)
            _ = temporary.withCString { unlink($0) }
            throw Failure("write", temporary.display, errorNumber: error)
        }
        guard close(descriptor) == 0 else {
            let error = errno
            _ = temporary.withCString { unlink($0) }
            throw Failure("write", temporary.display, errorNumber: error)
        }
        return StagedFile(target: target)
    }

    /// Adds staged files to the transaction.
    mutating func add(_ files: [StagedFile]) { staged += files }

    /// Marks a file for removal at commit.
    mutating func remove(_ target: DiskPath) { removals.append(target) }

    /// Applies every change, or none: see the type's description.
    func commit(jobs: Int = 1) throws(Failure) {
        // 1. Every target that exists must be a file or a link, and is kept under a backup name.
        let targets = staged.map(\.target) + removals
        let backups = Parallel.map(targets, jobs: jobs) { target -> Result<DiskPath?, Failure> in
            guard let status = target.linkStatus() else {
                return errno == ENOENT ? .success(nil) : .failure(Failure("read", target.display))
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                return .failure(Failure(message: "cannot replace \(target.display): it is a folder"))
            }
            let backup = Self.sibling(target, "old")
            _ = backup.withCString { unlink($0) }
            let linked = target.withCString { from in backup.withCString { link(from, $0) } }
            return linked == 0 ? .success(backup) : .failure(Failure("replace", target.display))
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
            file.temporary.withCString { from in file.target.withCString { rename(from, $0) } } == 0 ? nil : Failure("rename into place", file.target.display)
        }
        var done = renamed.map { $0 == nil }
        if let failure = renamed.compactMap({ $0 }).first {
            restore(kept, changed: done)
            throw failure
        }
        for target in removals {
            guard target.withCString({ unlink($0) }) == 0 || errno == ENOENT else {
                let error = Failure("remove", target.display)
                restore(kept, changed: done)
                throw error
            }
            done.append(true)
        }
        // 3. Done: the backups go.
        for entry in kept { if let backup = entry.backup { _ = backup.withCString { unlink($0) } } }
    }

    /// Undoes the changes marked done (by index into `kept`) from the backups, then removes every
    /// temporary and backup file and the folders this transaction created.
    private func restore(_ kept: [(target: DiskPath, backup: DiskPath?)], changed done: [Bool]) {
        for (entry, changed) in zip(kept, done) where changed {
            if let backup = entry.backup {
                _ = backup.withCString { from in entry.target.withCString { rename(from, $0) } }
            } else {
                _ = entry.target.withCString { unlink($0) }
            }
        }
        for (index, entry) in kept.enumerated() where !(index < done.count && done[index]) {
            if let backup = entry.backup { _ = backup.withCString { unlink($0) } }
        }
        abandon()
    }

    /// Removes the staged files and the folders this transaction created (when empty).
    func abandon() {
        for file in staged { _ = file.temporary.withCString { unlink($0) } }
        for folder in createdFolders.reversed() { _ = folder.withCString { rmdir($0) } }
    }
}

extension FileTransaction {
    /// Writes whole files all or nothing, creating the folders above them. With `inside`, the
    /// folders between it and each file must be real folders: a symbolic link there is refused,
    /// so nothing is written outside it.
    static func write(_ files: [(path: DiskPath, bytes: [UInt8], mode: mode_t)], inside base: DiskPath?) throws(Failure) {
        var transaction = FileTransaction()
        do throws(Failure) {
            for file in files {
                let components = file.path.bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast()
                var folder: [UInt8] = []
                for (index, component) in components.enumerated() {
                    folder += (index == 0 ? [] : [UInt8(ascii: "/")]) + component
                    guard !component.isEmpty, component != [UInt8(ascii: ".")] else { continue }
                    // Above `base`, a link to a folder is the user's choice; below it, never followed.
                    let withinBase = base.map { folder.count > $0.bytes.count && folder.starts(with: $0.bytes + [UInt8(ascii: "/")]) } ?? false
                    try transaction.makeFolder(DiskPath(bytes: folder), followingLink: !withinBase)
                }
                transaction.add([try stage(file.bytes, mode: file.mode, at: file.path)])
            }
            try transaction.commit()
        } catch {
            transaction.abandon()
            throw error
        }
    }
}
