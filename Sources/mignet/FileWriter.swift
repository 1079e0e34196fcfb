import Glibc
import MigNetKit

/// Writes one file whole: into a temporary file beside it, synced, then renamed into place.
enum FileWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `file` at `path`, creating the folders above it.
    static func write(_ file: OutputFile, to path: String) throws {
        if let failed = FileIO.makeParents(of: path) { throw failure("create directory", failed) }
        let temporary = path + ".mignet-\(getpid()).tmp"
        let mode: mode_t = file.executable ? 0o755 : 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw failure("create", temporary) }
        let complete = FileIO.writeAll(Array(file.contents.utf8), to: descriptor) && fchmod(descriptor, mode) == 0 && fsync(descriptor) == 0
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
