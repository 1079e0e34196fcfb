import MigNetKit

/// Finds spec files: a named file is taken as it is; a folder is searched recursively for
/// `*.yaml` and `*.yml` files, in byte order of their paths, skipping hidden entries and the
/// output folder. Nothing that could be a spec is skipped silently: a folder or entry that cannot
/// be read, and a `*.yaml` entry that is not a regular file, is an error; a symbolic link is
/// not followed (it could lead outside the repository or round in a loop) and is warned about.
struct SpecDiscovery {
    /// The file system searched.
    var files: any FileSystem = FileSystems.current

    struct File {
        var path: DiskPath
        /// Found in a folder rather than named: compiled only when it turns out to be a spec.
        var discovered: Bool
        /// The file's identity, from the `stat` discovery made (nil for standard input or a
        /// named file that does not exist): the same file named twice is read once, and no
        /// output may replace it.
        var identity: FileIdentity?

        /// The argument `-`: standard input, not a file.
        var isStandardInput: Bool { !discovered && path.bytes == [UInt8(ascii: "-")] }
        /// The name diagnostics call it by.
        var display: String { isStandardInput ? "<stdin>" : path.display }
    }

    /// The files an argument names, and the diagnostics of what could not be searched.
    func files(for argument: String, skipping excluded: String?) -> (files: [File], problems: [Diagnostic]) {
        let status = argument == "-" ? nil : files.existing(DiskPath(argument), followingLinks: true)
        guard let status, status.kind == .folder else {
            return ([File(path: DiskPath(argument), discovered: false, identity: status?.identity)], [])
        }
        let excludedFolder = excluded.flatMap { files.existing(DiskPath($0), followingLinks: true)?.identity }
        var search = Search(files: files, excluded: excludedFolder)
        search.walk(DiskPath(argument.hasSuffix("/") && argument.count > 1 ? String(argument.dropLast()) : argument))
        return (search.found.sorted { $0.path.bytes.lexicographicallyPrecedes($1.path.bytes) }, search.problems)
    }

    private struct Search {
        var files: any FileSystem
        var excluded: FileIdentity?
        var found: [File] = []
        var problems: [Diagnostic] = []

        mutating func walk(_ folder: DiskPath) {
            if let excluded, files.existing(folder)?.identity == excluded { return }
            let names: [[UInt8]]
            switch files.entries(folder) {
            case .success(let found): names = found
            case .failure(let error):
                problems.append(.unreadable(.unreadable("cannot search this folder: \(error)"), file: folder.display))
                return
            }
            for name in names where name.first != UInt8(ascii: ".") {
                let path = folder.appending(name)
                let status: FileStatus
                switch files.status(path, followingLinks: false) {
                case .success(let found): status = found
                case .failure(let error):
                    problems.append(.unreadable(.unreadable(error.description), file: path.display))
                    continue
                }
                let isYAML = name.ends(with: ".yaml") || name.ends(with: ".yml")
                switch status.kind {
                case .folder: walk(path)
                case .regular where isYAML: found.append(File(path: path, discovered: true, identity: status.identity))
                case .link where isYAML: problems.append(.symbolicLinkSkipped(file: path.display))
                default: if isYAML { problems.append(.unreadable(.unreadable("it is \(status.kind.words), not a regular file"), file: path.display)) }
                }
            }
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: String) -> Bool {
        count >= suffix.utf8.count && self[(count - suffix.utf8.count)...].elementsEqual(suffix.utf8)
    }
}
