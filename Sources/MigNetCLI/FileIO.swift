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
    /// `expected` (a regular file's size) sizes the buffer, so a small file costs one read.
    static func readAll(from descriptor: Int32, limit: Int, expected: Int = 0) -> [UInt8]? {
        var capacity = max(1, min(limit, expected > 0 ? expected + 1 : 64 * 1024))
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        var count = 0
        while count < limit {
            if count == capacity {
                capacity = min(limit, capacity * 2)
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
                larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                buffer.deallocate()
                buffer = larger
            }
            let read = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        return Array(buffer[..<count])
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
