import Glibc
import MigNetKit

/// A path as the file system holds it, bytes and all, with the name diagnostics call it by: a
/// name that is not valid UTF-8 is still opened, listed and removed by its own bytes, and shown
/// with `\xNN` escapes.
struct DiskPath: Hashable, Sendable {
    /// The bytes, without a terminating NUL.
    var bytes: [UInt8]

    /// The name diagnostics and messages use, made when asked for (a render of thousands of
    /// files names none of them unless something fails).
    var display: String { String(validating: bytes, as: UTF8.self) ?? TerminalText.escaped(bytes: bytes) }

    /// A path given as text (an argument, or a name mignet makes).
    init(_ path: String) {
        bytes = Array(path.utf8)
    }

    /// A path read from the file system.
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The path of an entry of this folder.
    func appending(_ name: [UInt8]) -> DiskPath {
        if bytes == [UInt8(ascii: ".")] { return DiskPath(bytes: name) }
        return DiskPath(bytes: bytes + [UInt8(ascii: "/")] + name)
    }

    /// The path of an entry of this folder, by a name mignet makes.
    func appending(_ name: String) -> DiskPath { appending(Array(name.utf8)) }

    /// The last component's bytes.
    var name: ArraySlice<UInt8> {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes[...] }
        return bytes[(slash + 1)...]
    }

    /// Calls `body` with the path as a C string.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// `lstat` of the path, or nil with `errno` set.
    func linkStatus() -> stat? {
        var status = stat()
        return withCString { lstat($0, &status) } == 0 ? status : nil
    }

    /// The names in a folder (not `.` and `..`), read whole and closed before returning, so a
    /// deep tree holds one descriptor at a time; nil with `errno` set when it cannot be listed.
    func entries() -> [[UInt8]]? {
        guard let directory = withCString({ opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
            errno = 0
        }
        return errno == 0 ? names : nil
    }
}

/// What kind of file a `stat` mode is, in words, for messages.
func fileKind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFREG: return "a regular file"
    case S_IFDIR: return "a folder"
    case S_IFLNK: return "a symbolic link"
    case S_IFIFO: return "a FIFO"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    default: return "not a regular file"
    }
}

/// A file's identity (device and inode), the same for every path and hard link to it.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
