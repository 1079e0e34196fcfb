import MigNetKit

/// What `plan` compares against: a folder holding the repository as it was (`--base-dir`), or a
/// git revision read by object id (`--base`). Both are searched and read with the limits and
/// diagnostics of the working tree: hidden entries are skipped, a symbolic link is warned about
/// and never followed, a file over the spec limit is an error, and defaults files must lie in
/// the base.
struct PlanBase {
    /// How the base is named in the plan and in messages.
    var name: String
    /// The spec candidates under the spec arguments, by path from the repository's top.
    var files: [String]
    /// What searching the base found wrong (errors stop the plan; warnings are printed).
    var problems: [Diagnostic]
    /// Whether the file at a path is the same at the base as in the working tree.
    var same: @Sendable (String) -> Bool
    /// Compiles the specs at these paths as they were.
    var compile: ([String], CompileOptions) throws(GitRevision.Failure) -> CompileResult
    /// A diagnostic of the base, its file named as the base holds it.
    var located: (Diagnostic) -> Diagnostic = { $0 }

    /// The base in a folder.
    static func folder(_ folder: String, specs: [String], currentBytes: @escaping @Sendable (String) -> [UInt8]?) -> PlanBase? {
        let disk = FileSystems.current
        guard let real = disk.realPath(folder) else { return nil }
        var files: [String] = []
        var problems: [Diagnostic] = []
        for argument in specs where disk.existing(DiskPath(real + "/" + argument)) != nil {
            let found = SpecDiscovery(files: disk).files(for: real + "/" + argument, skipping: nil)
            files += found.files.map { String($0.path.display.dropFirst(real.count + 1)) }
            problems += found.problems
        }
        return PlanBase(
            name: folder, files: files.filter(isYAML), problems: problems,
            same: { path in PlanCommand.bytes(real + "/" + path, in: disk).map { $0 == currentBytes(path) } ?? false },
            compile: { paths, options in
                var options = options
                options.root = real
                return SpecInputs.compile(paths.map { real + "/" + $0 }, options: options).result
            })
    }

    /// The base at a git revision of the repository at `top`.
    static func revision(_ name: String, top: String, specs: [String], currentBytes: @escaping @Sendable (String) -> [UInt8]?) throws(GitRevision.Failure) -> PlanBase {
        let revision = try GitRevision(name, top: top)
        let entries = try revision.entries(below: specs)
        let shown = { (path: String) in "\(name):\(path)" }
        var files: [String] = []
        var problems: [Diagnostic] = []
        for path in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let entry = entries[path], let argument = specs.first(where: { below(path, $0) != nil }),
                  let inside = below(path, argument) else { continue }
            let named = inside.isEmpty
            // As in a folder of the working tree: hidden entries are not searched, and only
            // *.yaml and *.yml files are candidates.
            if !named && (inside.split(separator: "/").contains { $0.hasPrefix(".") } || !isYAML(path)) { continue }
            if entry.isSymbolicLink {
                problems.append(.symbolicLinkSkipped(file: shown(path)))
            } else if !entry.isRegularFile {
                problems.append(.unreadable(.unreadable("it is not a regular file"), file: shown(path)))
            } else if let tooLarge = SourceFile.sizeError(entry.size) {
                problems.append(.unreadable(tooLarge, file: shown(path)))
            } else {
                files.append(path)
            }
        }
        let namedFiles = Set(specs)
        return PlanBase(
            name: name, files: files, problems: problems,
            same: { path in entries[path].map { entry in currentBytes(path).map { GitRevision.blobID($0) == entry.object } ?? false } ?? false },
            compile: { paths, options throws(GitRevision.Failure) in
                let chosen = paths.compactMap { entries[$0] }
                let contents = try revision.contents(of: chosen)
                let inputs = chosen.map { entry in
                    SpecInput(SourceFile(path: entry.path, bytes: contents[entry.object] ?? []), discovered: !namedFiles.contains(entry.path))
                }
                return Compiler.compile(inputs, problems: [], loader: GitTreeLoader(revision: revision, name: name), jobs: options.jobs)
            },
            located: { diagnostic in
                var diagnostic = diagnostic
                diagnostic.file = shown(diagnostic.file)
                return diagnostic
            })
    }

    /// The part of `path` below the argument `argument` ("" when it is the argument itself), or
    /// nil when it is not below it.
    private static func below(_ path: String, _ argument: String) -> Substring? {
        if argument == "." { return Substring(path) }
        if path == argument { return "" }
        return path.hasPrefix(argument + "/") ? path.dropFirst(argument.count + 1) : nil
    }

    private static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }
}
