import Glibc
import MigNetKit

/// A path as the file system holds it, bytes and all, with the name diagnostics call it by: a
/// name that is not valid UTF-8 is still opened, listed and removed by its own bytes, and shown
/// with `\xNN` escapes.
package struct DiskPath: Hashable, Sendable {
    /// The bytes, without a terminating NUL.
    package var bytes: [UInt8]

    /// The name diagnostics and messages use, made when asked for (a render of thousands of
    /// files names none of them unless something fails).
    package var display: String { String(validating: bytes, as: UTF8.self) ?? TerminalText.escaped(bytes: bytes) }

    /// A path given as text (an argument, or a name mignet makes).
    package init(_ path: String) {
        bytes = Array(path.utf8)
    }

    /// A path read from the file system.
    package init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The path of an entry of this folder.
    package func appending(_ name: [UInt8]) -> DiskPath {
        if bytes == [UInt8(ascii: ".")] { return DiskPath(bytes: name) }
        return DiskPath(bytes: bytes + [UInt8(ascii: "/")] + name)
    }

    /// The path of an entry of this folder, by a name mignet makes.
    package func appending(_ name: String) -> DiskPath { appending(Array(name.utf8)) }

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
}

extension String {
    /// This path, as the user gave it, and `name` inside it, joined by one `/`: how a file or
    /// folder inside a given folder is named and shown.
    func joiningPath(_ name: String) -> String {
        hasSuffix("/") ? self + name : self + "/" + name
    }
}
