import Glibc
import MigNetKit

/// Reads spec files and kubectl's output from disk (or `-` for standard input): only regular
/// files, opened without blocking and checked with `fstat` before a byte is read, so a FIFO or a
/// device cannot hang a run, and refused when larger than their kind allows
/// (`SourceFile.Kind.maximumSize`) before they are read whole.
enum SourceReader {
    typealias Failure = SourceLoadError

    /// The contents of the file named by an argument (`-` for standard input).
    static func read(_ argument: String, kind: SourceFile.Kind = .spec) -> Result<SourceFile, Failure> {
        argument == "-" ? readStandardInput(kind: kind) : read(DiskPath(argument), kind: kind)
    }

    /// The contents of a regular file.
    static func read(_ path: DiskPath, kind: SourceFile.Kind = .spec) -> Result<SourceFile, Failure> {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .failure(.unreadable("it is \(fileKind(status.st_mode)), not a regular file"))
        }
        let size = Int(status.st_size)
        if let tooLarge = SourceFile.sizeError(size, kind: kind) { return .failure(tooLarge) }
        // Read at most one byte past the limit, so a file that grows meanwhile cannot make us read more.
        guard let bytes = FileIO.readAll(from: descriptor, limit: kind.maximumSize + 1, expected: size) else {
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        if let tooLarge = SourceFile.sizeError(bytes.count, kind: kind) { return .failure(tooLarge) }
        return .success(SourceFile(path: path.display, bytes: bytes))
    }

    /// Standard input, whatever it is but a folder, read until end of file or past the limit.
    private static func readStandardInput(kind: SourceFile.Kind) -> Result<SourceFile, Failure> {
        var status = stat()
        if fstat(0, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            return .failure(.unreadable("it is a folder, not a regular file"))
        }
        guard let bytes = FileIO.readAll(from: 0, limit: kind.maximumSize + 1) else {
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        if let tooLarge = SourceFile.sizeError(bytes.count, exact: false, kind: kind) { return .failure(tooLarge) }
        return .success(SourceFile(path: "<stdin>", bytes: bytes))
    }
}

/// Loads the defaults files specs name, only from inside the spec repositories: the real path
/// (every `..` and symbolic link resolved) must lie in one of the roots of `specs` (or `root`).
/// The roots are found when a defaults file is loaded (the compiler loads each once), so a run
/// whose specs name none pays nothing for them.
struct DefaultsReader: SourceLoader {
    /// The spec arguments of the run.
    var specs: [String]
    /// `--root`, if given.
    var root: String?

    func load(_ path: String) -> Result<SourceFile, SourceLoadError> {
        let roots = SpecRoots.roots(of: specs, root: root)
        let outside = SourceLoadError.outsideRoot(root: roots.count == 1 ? roots[0] : "(" + roots.joined(separator: ", ") + ")")
        // Outside as written (`/dev/stdin`, `../..`) is outside whatever it leads to, and is
        // said so before anything is resolved; then every link is resolved and checked again.
        let written = SourcePath.normalize(path.hasPrefix("/") ? path : (SpecRoots.realPath(".") ?? ".") + "/" + path)
        guard let real = SpecRoots.realPath(path) else {
            return .failure(roots.contains(where: { SpecRoots.contains($0, written) }) ? .unreadable(String(cString: strerror(errno))) : outside)
        }
        guard roots.contains(where: { SpecRoots.contains($0, real) }) else { return .failure(outside) }
        switch SourceReader.read(DiskPath(real)) {
        case .success(let source): return .success(SourceFile(path: path, bytes: source.bytes))
        case .failure(let failure): return .failure(failure)
        }
    }
}
