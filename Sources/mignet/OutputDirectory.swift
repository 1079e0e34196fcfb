import Glibc
import MigNetKit

/// The output folder: writes cluster folders all or nothing as far as a file system allows, and
/// reads them back for `check`.
///
/// Every changed file is first written beside its target under a temporary name;
/// only when all are written are they renamed into place, so each file is either old or new.
/// Unchanged files are not touched (their mtime stays). mignet owns `DIR/<name>/`: other files
/// there are removed. Folders of clusters no spec renders any more are orphans: reported, and
/// with `prune` removed. Nothing outside `DIR` is touched, and no symbolic link inside it is followed.
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

    private struct PendingFile {
        var temporary: String
        var target: String
    }

    /// Writes `folders` on up to `jobs` threads; returns warnings about orphan folders (removed
    /// when `prune`).
    func write(_ folders: [ClusterFolder], prune: Bool, jobs: Int = 1) throws -> [String] {
        if let failed = FileIO.makeParents(of: path) { throw Failure("create directory", failed) }
        try makeDirectory(path)
        // First every changed file of every folder goes to a temporary file...
        let staged = Parallel.map(folders, jobs: jobs) { folder in Result { () throws(Failure) in try stage(folder) } }
        var pending: [PendingFile] = []
        var failure: Failure?
        for result in staged {
            switch result {
            case .success(let files): pending += files
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure {
            for file in pending { unlink(file.temporary) }
            throw failure
        }
        // ...and only then are they renamed into place, and what was not rendered is removed.
        let renamed = Parallel.map(pending, jobs: jobs) { file in
            rename(file.temporary, file.target) == 0 ? nil : Failure("rename into place", file.target)
        }
        if let failure = renamed.compactMap({ $0 }).first { throw failure }
        let cleaned = Parallel.map(folders, jobs: jobs) { folder in
            Result { () throws(Failure) in try removeFiles(in: path + "/" + folder.name, except: Set(folder.files.map(\.name))) }
        }
        for result in cleaned { try result.get() }
        return try orphans(besides: Set(folders.map(\.name)), prune: prune)
    }

    /// Writes the changed files of one folder to temporary files beside their targets.
    private func stage(_ folder: ClusterFolder) throws(Failure) -> [PendingFile] {
        let directory = path + "/" + folder.name
        var pending: [PendingFile] = []
        do {
            try makeDirectory(directory)
            for file in folder.files {
                let target = directory + "/" + file.name
                if let existing = existingFile(target), existing.matches(file) { continue }
                let temporary = directory + "/." + file.name + ".mignet-\(getpid()).tmp"
                try writeFile(Array(file.contents.utf8), to: temporary, mode: file.executable ? 0o755 : 0o644)
                pending.append(PendingFile(temporary: temporary, target: target))
            }
        } catch {
            for file in pending { unlink(file.temporary) }
            throw error
        }
        return pending
    }

    /// The names of the folders of the output folder (none when it does not exist); links and
    /// plain files are not folders.
    func folderNames() throws -> [String] {
        guard isDirectory(path, followLink: true) else { return [] }
        return try entries(of: path).filter { isDirectory(path + "/" + $0, followLink: false) }
    }

    /// The files of one folder of the output folder, by name.
    func files(inFolder name: String) -> [String: ExistingFile] {
        let folder = path + "/" + name
        var files: [String: ExistingFile] = [:]
        for file in (try? entries(of: folder)) ?? [] {
            if let existing = existingFile(folder + "/" + file) { files[file] = existing }
        }
        return files
    }

    /// Reports, and with `prune` removes, cluster folders no spec renders.
    private func orphans(besides rendered: Set<String>, prune: Bool) throws -> [String] {
        var warnings: [String] = []
        for name in try entries(of: path).sorted() where !rendered.contains(name) {
            let folder = path + "/" + name
            guard isDirectory(folder, followLink: false), OutputTree.isClusterFolder(try entries(of: folder)) else { continue }
            guard prune else {
                warnings.append("\(folder) is the folder of a cluster no spec renders; remove it with --prune")
                continue
            }
            try removeFiles(in: folder, except: [], only: Delivery.fileNames)
            if rmdir(folder) != 0 {
                warnings.append("\(folder) was pruned of mignet's files but holds others, so it was kept")
            }
        }
        return warnings
    }

    /// Whether a name is one of mignet's temporary files (`.<file>.mignet-<pid>.tmp`), which a
    /// render killed before its renames leaves behind.
    private static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".mignet-")
    }

    /// The names in a folder, less `.` and `..` and, unless asked for, mignet's temporary files.
    private func entries(of folder: String, temporaryToo: Bool = false) throws(Failure) -> [String] {
        guard let directory = opendir(folder) else { throw Failure("list", folder) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name == "." || name == ".." || (!temporaryToo && Self.isTemporary(name)) { continue }
            names.append(name)
        }
        return names
    }

    private func isDirectory(_ file: String, followLink: Bool) -> Bool {
        var status = stat()
        let result = followLink ? stat(file, &status) : lstat(file, &status)
        return result == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// Creates a directory; an existing one is fine unless, inside the output folder, it is a
    /// symbolic link or not a directory.
    private func makeDirectory(_ directory: String) throws(Failure) {
        if mkdir(directory, 0o755) == 0 { return }
        let error = errno
        guard error == EEXIST else { throw Failure("create directory", directory, errorNumber: error) }
        guard isDirectory(directory, followLink: directory == path) else {
            throw Failure(message: "cannot write into \(directory): it exists and is not a directory (mignet does not follow symbolic links inside the output folder)")
        }
    }

    /// A regular file's bytes and mode, or nil when there is none (or it is a link or unreadable).
    private func existingFile(_ file: String) -> ExistingFile? {
        var status = stat()
        guard lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let bytes = FileIO.readAll(from: descriptor, limit: Int(status.st_size) + 1, expected: Int(status.st_size)) else { return nil }
        return ExistingFile(bytes: bytes, executable: status.st_mode & 0o100 != 0)
    }

    private func writeFile(_ bytes: [UInt8], to file: String, mode: mode_t) throws(Failure) {
        unlink(file)
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw Failure("create", file) }
        guard FileIO.writeAll(bytes, to: descriptor) else {
            let error = errno
            close(descriptor)
            unlink(file)
            throw Failure("write", file, errorNumber: error)
        }
        // The umask may have narrowed the mode; the file must be exactly what was rendered.
        // No fsync: the rename makes each file old or new whatever happens to the process, which
        // is what a git working tree needs; surviving a power cut is the file system's concern
        // (git itself does not sync by default), and syncing thousands of files costs seconds.
        if fchmod(descriptor, mode) != 0 || close(descriptor) != 0 {
            let error = errno
            unlink(file)
            throw Failure("write", file, errorNumber: error)
        }
    }

    /// Removes the files and links of a folder (not its subfolders) whose names are not in
    /// `keeping`, temporary files of earlier, interrupted runs included; with `only`, just those
    /// among `only` and the temporary files.
    private func removeFiles(in folder: String, except keeping: Set<String>, only: Set<String>? = nil) throws(Failure) {
        for name in try entries(of: folder, temporaryToo: true).sorted()
        where !keeping.contains(name) && (only?.contains(name) ?? true || Self.isTemporary(name)) {
            let file = folder + "/" + name
            guard !isDirectory(file, followLink: false) else { continue }
            if unlink(file) != 0 { throw Failure("remove", file) }
        }
    }
}
