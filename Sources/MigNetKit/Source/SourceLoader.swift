/// Reads the files a spec refers to (its defaults file). The library does no I/O itself:
/// the command line passes a loader that reads from disk, tests one that reads from memory.
public protocol SourceLoader: Sendable {
    /// The file at `path`, or why it cannot be had (a diagnostic-ready reason).
    func load(_ path: String) -> Result<SourceFile, SourceLoadError>
}

/// Why a referenced file cannot be read.
public enum SourceLoadError: Error, Sendable, Equatable {
    /// The operating system's reason, such as "No such file or directory".
    case unreadable(String)
    /// The file is larger than `SourceFile.maximumSize`.
    case tooLarge(size: Int)
    /// The file lies outside the spec repository `root` (through `..`, an absolute path or a
    /// symbolic link), where a spec may not reach.
    case outsideRoot(root: String)
}

/// A loader over files held in memory, by path.
public struct InMemorySourceLoader: SourceLoader {
    /// The files, by path.
    public var files: [String: String]

    /// Creates a loader.
    public init(_ files: [String: String]) {
        self.files = files
    }

    public func load(_ path: String) -> Result<SourceFile, SourceLoadError> {
        guard let text = files[path] else { return .failure(.unreadable("No such file or directory")) }
        return .success(SourceFile(path: path, text: text))
    }
}
