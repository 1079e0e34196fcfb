import Glibc

/// Finds spec files: a named file is taken as it is; a folder is searched recursively for
/// `*.yaml` and `*.yml` files, in byte order of their paths, skipping hidden entries, symbolic
/// links (so a link cannot lead the search outside or round in a loop) and the output folder.
enum SpecDiscovery {
    struct File {
        var path: String
        /// Found in a folder rather than named: compiled only when it turns out to be a spec.
        var discovered: Bool
    }

    static func files(for argument: String, skipping excluded: String?) -> [File] {
        var status = stat()
        guard argument != "-", stat(argument, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            return [File(path: argument, discovered: false)]
        }
        let skip = excluded.flatMap(realPath)
        var found: [String] = []
        walk(argument.hasSuffix("/") && argument.count > 1 ? String(argument.dropLast()) : argument, skipping: skip, into: &found)
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { File(path: $0, discovered: true) }
    }

    private static func walk(_ folder: String, skipping excluded: String?, into found: inout [String]) {
        if let excluded, realPath(folder) == excluded { return }
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let path = folder == "." ? name : folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: walk(path, skipping: excluded, into: &found)
            case S_IFREG where name.hasSuffix(".yaml") || name.hasSuffix(".yml"): found.append(path)
            default: break
            }
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
