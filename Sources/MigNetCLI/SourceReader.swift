import Glibc
import MigNetKit

/// Reads spec files and kubectl's output from disk (or `-` for standard input): only regular
/// files, opened without blocking and checked with `fstat` before a byte is read, so a FIFO or a
/// device cannot hang a run, and refused when larger than their kind allows
/// (`SourceFile.Kind.maximumSize`) before they are read whole.
enum SourceReader {
    typealias Failure = SourceLoadError

    /// The contents of the file named by an argument (`-` for standard input).
    static func read(_ argument: String, kind: SourceFile.Kind = .spec, in files: any FileSystem = FileSystems.current) -> Result<SourceFile, Failure> {
        argument == "-" ? readStandardInput(kind: kind, in: files) : read(DiskPath(argument), kind: kind, in: files)
    }

    /// The contents of a regular file.
    static func read(_ path: DiskPath, kind: SourceFile.Kind = .spec, in files: any FileSystem = FileSystems.current) -> Result<SourceFile, Failure> {
        switch files.read(path, followingLinks: true, limit: kind.maximumSize) {
        case .failure(let error):
            return .failure(.unreadable(error.description))
        case .success(let contents):
            guard contents.status.kind == .regular else {
                return .failure(.unreadable("it is \(contents.status.kind.words), not a regular file"))
            }
            if let tooLarge = SourceFile.sizeError(contents.bytes?.count ?? contents.status.size, kind: kind) { return .failure(tooLarge) }
            return .success(SourceFile(path: path.display, bytes: contents.bytes ?? []))
        }
    }

    /// Standard input, whatever it is but a folder, read until end of file or past the limit.
    private static func readStandardInput(kind: SourceFile.Kind, in files: any FileSystem) -> Result<SourceFile, Failure> {
        switch files.readStandardInput(limit: kind.maximumSize) {
        case .failure(let error) where error.number == EISDIR:
            return .failure(.unreadable("it is a folder, not a regular file"))
        case .failure(let error):
            return .failure(.unreadable(error.description))
        case .success(let bytes):
            if let tooLarge = SourceFile.sizeError(bytes.count, exact: false, kind: kind) { return .failure(tooLarge) }
            return .success(SourceFile(path: "<stdin>", bytes: bytes))
        }
    }
}

/// Loads the defaults files specs name, only from inside the spec repositories: the real path
/// (every `..` and symbolic link resolved) must lie in one of the roots of `specs` (or `root`).
/// The roots are found when a defaults file is loaded (the compiler loads each once), so a run
/// whose specs name none pays nothing for them.
struct DefaultsReader: SourceLoader {
    /// The file system they are read from.
    var files: any FileSystem = FileSystems.current
    /// The spec arguments of the run.
    var specs: [String]
    /// `--root`, if given.
    var root: String?

    func load(_ path: String) -> Result<SourceFile, SourceLoadError> {
        let roots = SpecRoots(files: files).roots(of: specs, root: root)
        let outside = SourceLoadError.outsideRoot(root: roots.count == 1 ? roots[0] : "(" + roots.joined(separator: ", ") + ")")
        // Outside as written (`/dev/stdin`, `../..`) is outside whatever it leads to, and is
        // said so before anything is resolved; then every link is resolved and checked again.
        let written = SourcePath.normalize(path.hasPrefix("/") ? path : (files.realPath(".") ?? ".") + "/" + path)
        let real: String
        switch files.realPath(DiskPath(path)) {
        case .success(let found): real = found
        case .failure(let error): return .failure(roots.contains(where: { SpecRoots.contains($0, written) }) ? .unreadable(error.description) : outside)
        }
        guard roots.contains(where: { SpecRoots.contains($0, real) }) else { return .failure(outside) }
        switch SourceReader.read(DiskPath(real), in: files) {
        case .success(let source): return .success(SourceFile(path: path, bytes: source.bytes))
        case .failure(let failure): return .failure(failure)
        }
    }
}
