import MigNetKit

/// The repository file of the working folder (`mignet.yaml`, `RepositoryFile`), found walking up
/// from the working folder to the git top: what every command takes for what it is not told, so
/// that none has to be told the repository's setup again and none contradicts another.
struct RepositorySetup {
    var file: RepositoryFile
    /// The file's path from the working folder (`mignet.yaml`, `../mignet.yaml`).
    var path: String
    /// The file's folder from the working folder (`.`, `..`).
    var folder: String

    /// The repository file at or above the working folder, up to the git top (outside git, in
    /// the working folder only: the spec repository is then the working folder, and nothing
    /// above it is read); nil when there is none. A file that cannot be read, is invalid or needs
    /// a newer mignet fails the command, with its located diagnostics.
    static func find() throws(CommandFailure) -> RepositorySetup? {
        let files = FileSystems.current
        // The folders from the working folder up to the git top, nearest first.
        var folders = ["."]
        while files.existing(DiskPath(folders[folders.count - 1] + "/.git")) == nil {
            let above = folders.count == 1 ? ".." : folders[folders.count - 1] + "/.."
            guard folders.count < 64, let real = files.realPath(folders[folders.count - 1]), real != "/" else {
                folders = ["."]
                break
            }
            folders.append(above)
        }
        for folder in folders {
            let candidate = folder == "." ? RepositoryFile.fileName : folder + "/" + RepositoryFile.fileName
            if files.existing(DiskPath(candidate), followingLinks: true) != nil {
                return try read(candidate, folder: folder, in: files)
            }
        }
        return nil
    }

    private static func read(_ path: String, folder: String, in files: any FileSystem) throws(CommandFailure) -> RepositorySetup {
        let reporter = DiagnosticReporter.text
        let source: SourceFile
        switch SourceReader.read(DiskPath(path), in: files) {
        case .success(let read): source = read
        case .failure(let failure):
            do { try reporter.report([Diagnostic.unreadable(failure, file: path)], sources: [:]) } catch { throw CommandFailure(error.description) }
            throw CommandFailure.reported()
        }
        switch RepositoryFile.read(source) {
        case .failure(let invalid):
            do { try reporter.report(invalid.diagnostics, sources: [path: source]) } catch { throw CommandFailure(error.description) }
            throw CommandFailure.reported()
        case .success(let file):
            if let refusal = file.refusal(running: MignetVersion.current) {
                throw CommandFailure("\(TerminalText.escaped(path)) \(refusal): install a newer one")
            }
            return RepositorySetup(file: file, path: path, folder: folder)
        }
    }

    /// A path the file names (a spec folder, the output folder), from the working folder.
    func resolve(_ relative: String) -> String {
        folder == "." ? relative : folder + "/" + relative
    }

    /// The output folder, from the working folder; nil in the plugin mode.
    var output: String? { file.output.map(resolve) }

    /// Whether `path` (from the working folder) is the file's output folder.
    func isOutput(_ path: String) -> Bool {
        guard let output else { return false }
        let files = FileSystems.current
        if let a = files.realPath(path), let b = files.realPath(output) { return a == b }
        return SourcePath.normalize(path) == SourcePath.normalize(output)
    }
}

extension SpecInputs {
    /// These inputs, with the repository file's spec folders when none were given.
    func resolved(_ repository: RepositorySetup?) throws(CommandFailure) -> SpecInputs {
        guard specs.isEmpty else { return self }
        guard let repository else {
            throw CommandFailure("give at least one spec file or folder, or run in a repository that \(RepositoryFile.fileName) sets up (mignet init writes one)", status: .usage)
        }
        var inputs = self
        inputs.specs = repository.file.specs.map(repository.resolve)
        return inputs
    }
}
