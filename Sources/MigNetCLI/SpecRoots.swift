import MigNetKit

/// The spec repository a spec belongs to, which its `defaults:` may not leave: the git top level
/// above the folder it was found in (the nearest folder holding `.git`); outside git, the current
/// folder when the spec lies below it, else the folder it was found in. `--root` names one instead.
struct SpecRoots {
    /// The file system the specs are on.
    var files: any FileSystem = FileSystems.current

    /// The real paths of the folders the defaults files of `specs` may come from: `root`, or the
    /// repository of each argument.
    func roots(of specs: [String], root: String?) -> [String] {
        if let root, let real = files.realPath(root) { return [real] }
        var roots: [String] = []
        for spec in specs {
            if let found = self.root(of: spec), !roots.contains(found) { roots.append(found) }
        }
        return roots
    }

    /// The real path of the repository an argument (a spec, a folder, or `-`) belongs to.
    func root(of argument: String) -> String? {
        let isFolder = argument != "-" && files.existing(DiskPath(argument), followingLinks: true)?.kind == .folder
        let start = argument == "-" ? "." : isFolder ? argument : Self.folder(of: argument)

        guard let real = files.realPath(start) else { return nil }
        // The file system's root is never a spec repository: a run from `/` (or a `.git` there)
        // would let a defaults file name anything, `/proc` included.
        var candidate = real
        while candidate != "/" {
            if files.existing(DiskPath(candidate + "/.git"), followingLinks: true) != nil { return candidate }
            candidate = Self.folder(of: candidate)
        }
        if let current = files.realPath("."), current != "/", Self.contains(current, real) { return current }
        return real
    }

    /// Whether `path` (a real path) is `root` (a real path) or lies below it.
    static func contains(_ root: String, _ path: String) -> Bool {
        path == root || root == "/" || path.hasPrefix(root + "/")
    }

    private static func folder(of path: String) -> String {
        let folder = SourcePath.directory(of: path)
        return folder.isEmpty ? "." : folder
    }
}
