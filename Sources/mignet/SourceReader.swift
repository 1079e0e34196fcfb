import Glibc
import MigNetKit

/// Reads spec files from disk (or `-` for standard input), refusing anything larger than
/// `SourceFile.maximumSize` before reading it whole. Also the loader of defaults files.
struct SourceReader: SourceLoader {
    func load(_ path: String) -> Result<SourceFile, SourceLoadError> {
        switch Self.read(path) {
        case .success(let source): return .success(source)
        case .failure(let failure):
            if failure.diagnostic.code == .inputTooLarge, let size = failure.size { return .failure(.tooLarge(size: size)) }
            return .failure(.unreadable(failure.reason))
        }
    }

    /// The file's contents, or a diagnostic saying why it cannot be had.
    static func read(_ path: String) -> Result<SourceFile, DiagnosticFailure> {
        let displayPath = path == "-" ? "<stdin>" : path
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(DiagnosticFailure(unreadable: String(cString: strerror(errno)), file: displayPath))
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) != 0 { status.st_mode = 0 }
        if status.st_mode & S_IFMT == S_IFDIR {
            return .failure(DiagnosticFailure(unreadable: "it is a directory", file: displayPath))
        }
        if status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > SourceFile.maximumSize {
            return .failure(DiagnosticFailure(tooLarge: Int(status.st_size), file: displayPath))
        }
        // Read at most one byte past the limit, so a pipe or device cannot make us read more.
        let size = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
        guard let bytes = FileIO.readAll(from: descriptor, limit: SourceFile.maximumSize + 1, expected: size) else {
            return .failure(DiagnosticFailure(unreadable: String(cString: strerror(errno)), file: displayPath))
        }
        if bytes.count > SourceFile.maximumSize {
            return .failure(DiagnosticFailure(tooLarge: bytes.count, file: displayPath))
        }
        return .success(SourceFile(path: displayPath, bytes: bytes))
    }
}

/// Why a file could not be read, as a diagnostic and as its parts.
struct DiagnosticFailure: Error {
    var diagnostic: Diagnostic
    var reason: String
    var size: Int?

    init(unreadable reason: String, file: String) {
        diagnostic = .fileUnreadable(reason, file: file)
        self.reason = reason
    }

    init(tooLarge size: Int, file: String) {
        diagnostic = .inputTooLarge(size: size, file: file)
        reason = "it is \(size) bytes"
        self.size = size
    }
}
