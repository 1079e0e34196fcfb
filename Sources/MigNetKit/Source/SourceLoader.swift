/// Reads the files a spec refers to (its defaults file). The library does no I/O itself:
/// the command line passes a loader that reads from disk, tests one that reads from memory.
package protocol SourceLoader: Sendable {
    /// The file at `path`, or why it cannot be had (a diagnostic-ready reason).
    func load(_ path: String) -> Result<SourceFile, SourceLoadError>
}

/// Why a file cannot be read: the one failure type from the reader to the diagnostic, for spec
/// files (`Diagnostic.unreadable(_:file:)`) and defaults files alike.
package enum SourceLoadError: Error, Sendable, Equatable {
    /// The operating system's reason, such as "No such file or directory", or what the file is
    /// instead of a regular file.
    case unreadable(String)
    /// The file is larger than its kind allows (`SourceFile.Kind.maximumSize`): its size, or nil
    /// where it cannot be told (standard input, read only up to one byte past the limit).
    case tooLarge(size: Int?, kind: SourceFile.Kind)
    /// The file lies outside the spec repository `root` (through `..`, an absolute path or a
    /// symbolic link), where a spec may not reach.
    case outsideRoot(root: String)
}

/// A loader over files held in memory, by path.
struct InMemorySourceLoader: SourceLoader {
    /// The files, by path.
    var files: [String: String]

    /// Creates a loader.
    init(_ files: [String: String]) {
        self.files = files
    }

    func load(_ path: String) -> Result<SourceFile, SourceLoadError> {
        guard let text = files[path] else { return .failure(.unreadable("No such file or directory")) }
        return .success(SourceFile(path: path, text: text))
    }
}
