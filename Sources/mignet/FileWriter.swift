import Glibc
import MigNetKit

/// Writes one file whole: into a temporary file beside it, synced, then renamed into place.
enum FileWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `file` at `path`, creating the folders above it.
    static func write(_ file: OutputFile, to path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/").dropLast() {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw failure("create directory", prefix) }
            prefix += "/"
        }
        let temporary = path + ".mignet-\(getpid()).tmp"
        let mode: mode_t = file.executable ? 0o755 : 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw failure("create", temporary) }
        let bytes = Array(file.contents.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            written += count
        }
        let complete = written == bytes.count && fchmod(descriptor, mode) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            let error = failure("write", path)
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ action: String, _ path: String) -> Failure {
        Failure(description: "cannot \(action) \(path): \(String(cString: strerror(errno)))")
    }
}
