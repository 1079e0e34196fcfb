/// Path arithmetic on strings, lexically (no file system access): joining a reference to the
/// folder of the file that makes it, and folding `.` and `..` away.
package enum SourcePath {
    /// The path of `reference` as seen from the file at `referrer`: absolute references stay,
    /// relative ones are taken from the referrer's folder. `<stdin>` refers from the current folder.
    static func resolve(_ reference: String, from referrer: String) -> String {
        if reference.hasPrefix("/") { return normalize(reference) }
        let folder = referrer.hasPrefix("<") ? "" : directory(of: referrer)
        return normalize(folder.isEmpty ? reference : folder + "/" + reference)
    }

    /// The folder part of a path: "" for a bare file name.
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The path with empty and `.` components removed and `..` folded into its parent where
    /// there is one to fold.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
