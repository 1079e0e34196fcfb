import Glibc

/// The few system calls every command's file handling shares, with `EINTR` retried.
enum FileIO {
    /// Writes all of `bytes`; false (with `errno` set) when the system refused.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            written += count
        }
        return true
    }

    /// Reads until end of file or `limit` bytes, whichever comes first; nil on a read error.
    static func readAll(from descriptor: Int32, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    /// Creates the folders above `path` that do not exist yet, as `mkdir -p` does; the failing
    /// folder's path when one cannot be made.
    static func makeParents(of path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/").dropLast() {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return prefix }
            prefix += "/"
        }
        return nil
    }
}
