import Glibc
import MigNetKit

/// Writes rendered clusters under an output folder, all or nothing as far as a file system allows:
/// every changed file is first written and synced beside its target under a temporary name,
/// and only when all of them are written are they renamed into place. Unchanged files are not
/// touched, so their modification times stay. mignet owns `DIR/<name>/`: other files there are
/// removed. It never follows a symbolic link it finds inside `DIR`.
struct OutputDirectory {
    var path: String

    /// Why writing failed.
    struct Failure: Error, CustomStringConvertible {
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

    func write(_ clusters: [(name: String, files: [RenderedCluster.File])]) throws {
        try makeDirectory(path)
        var pending: [PendingFile] = []
        do {
            for cluster in clusters {
                let folder = path + "/" + cluster.name
                try makeDirectory(folder)
                for file in cluster.files {
                    let target = folder + "/" + file.name
                    let bytes = Array(file.contents.utf8)
                    if existingContents(target) == bytes { continue }
                    let temporary = folder + "/." + file.name + ".mignet-\(getpid()).tmp"
                    try writeSynced(bytes, to: temporary)
                    pending.append(PendingFile(temporary: temporary, target: target))
                }
            }
        } catch {
            for file in pending { unlink(file.temporary) }
            throw error
        }
        for file in pending where rename(file.temporary, file.target) != 0 {
            throw Failure("rename into place", file.target)
        }
        for cluster in clusters {
            try removeUnrendered(in: path + "/" + cluster.name, keeping: Set(cluster.files.map(\.name)))
        }
    }

    /// Creates a directory; an existing one is fine unless it is a symbolic link or not a directory.
    private func makeDirectory(_ directory: String) throws {
        if mkdir(directory, 0o755) == 0 { return }
        let error = errno
        guard error == EEXIST else { throw Failure("create directory", directory, errorNumber: error) }
        var status = stat()
        let checked = directory == path ? stat(directory, &status) : lstat(directory, &status)
        guard checked == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(message: "cannot write into \(directory): it exists and is not a directory (mignet does not follow symbolic links inside the output folder)")
        }
    }

    /// The bytes of a regular file, or nil when there is none (or it is a link or unreadable).
    private func existingContents(_ file: String) -> [UInt8]? {
        var status = stat()
        guard lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + total, $0.count - total) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            total += count
        }
        return Array(bytes[..<total])
    }

    private func writeSynced(_ bytes: [UInt8], to file: String) throws {
        unlink(file)
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure("create", file) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                let error = errno
                close(descriptor)
                unlink(file)
                throw Failure("write", file, errorNumber: error)
            }
            written += count
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let error = errno
            unlink(file)
            throw Failure("sync", file, errorNumber: error)
        }
    }

    /// Removes every file or link in a cluster folder that this rendering did not produce.
    private func removeUnrendered(in folder: String, keeping names: Set<String>) throws {
        guard let directory = opendir(folder) else { throw Failure("list", folder) }
        defer { closedir(directory) }
        var stale: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard name != ".", name != "..", !names.contains(name) else { continue }
            var status = stat()
            let file = folder + "/" + name
            if lstat(file, &status) == 0, status.st_mode & S_IFMT != S_IFDIR { stale.append(file) }
        }
        for file in stale.sorted() where unlink(file) != 0 {
            throw Failure("remove", file)
        }
    }
}
