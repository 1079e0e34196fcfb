import Glibc
import MigNetKit

/// The spec repository a spec belongs to, which its `defaults:` may not leave: the git top level
/// above the folder it was found in (the nearest folder holding `.git`); outside git, the current
/// folder when the spec lies below it, else the folder it was found in. `--root` names one instead.
enum SpecRoots {
    /// The real paths of the folders the defaults files of `specs` may come from: `root`, or the
    /// repository of each argument.
    static func roots(of specs: [String], root: String?) -> [String] {
        if let root, let real = realPath(root) { return [real] }
        var roots: [String] = []
        for spec in specs {
            if let found = Self.root(of: spec), !roots.contains(found) { roots.append(found) }
        }
        return roots
    }

    /// The real path of the repository an argument (a spec, a folder, or `-`) belongs to.
    static func root(of argument: String) -> String? {
        var status = stat()
        let isFolder = argument != "-" && stat(argument, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        let start = argument == "-" ? "." : isFolder ? argument : folder(of: argument)

        guard let real = realPath(start) else { return nil }
        // The file system's root is never a spec repository: a run from `/` (or a `.git` there)
        // would let a defaults file name anything, `/proc` included.
        var candidate = real
        while candidate != "/" {
            if access(candidate + "/.git", F_OK) == 0 { return candidate }
            candidate = folder(of: candidate)
        }
        if let current = realPath("."), current != "/", contains(current, real) { return current }
        return real
    }

    /// Whether `path` (a real path) is `root` (a real path) or lies below it.
    static func contains(_ root: String, _ path: String) -> Bool {
        path == root || root == "/" || path.hasPrefix(root + "/")
    }

    /// The path with every symbolic link, `.` and `..` resolved; nil (with `errno`) when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func folder(of path: String) -> String {
        let folder = SourcePath.directory(of: path)
        return folder.isEmpty ? "." : folder
    }
}
