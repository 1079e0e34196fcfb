/// A file of the output folder as it is on disk.
public struct ExistingFile: Sendable, Equatable {
    /// Its bytes.
    public var bytes: [UInt8]
    /// Whether it is executable.
    public var executable: Bool

    /// Creates a file.
    public init(bytes: [UInt8], executable: Bool) {
        self.bytes = bytes
        self.executable = executable
    }

    /// Whether the file holds exactly `file`'s text and mode.
    public func matches(_ file: OutputFile) -> Bool {
        guard executable == file.executable, bytes.count == file.contents.utf8.count else { return false }
        let same = file.contents.utf8.withContiguousStorageIfAvailable { text in
            bytes.withUnsafeBufferPointer { $0.elementsEqual(text) }
        }
        return same ?? bytes.elementsEqual(file.contents.utf8)
    }
}

/// One difference between the rendering and the output folder.
public struct FileDrift: Sendable, Equatable {
    /// What differs.
    public enum Kind: String, Sendable {
        /// Rendered, but not on disk.
        case missing
        /// On disk with other bytes or another mode.
        case changed
        /// On disk in a cluster folder, but not rendered.
        case extra
    }

    /// What differs.
    public var kind: Kind
    /// The path inside the output folder: `<cluster>/<file>`.
    public var path: String
    /// The text on disk, if any.
    public var actual: String?
    /// The rendered text, if any.
    public var expected: String?
    /// Whether the executable bit differs (the text may be the same).
    public var modeDiffers: Bool
}

/// Compares a rendering with what is on disk: what `check` reports.
public enum Drift {
    /// Every difference, sorted by path bytes, reading each folder with `read` only when it is
    /// compared (on up to `jobs` threads), so that no more than a few folders are held at once.
    /// `folders` names every folder on disk; those no spec renders count as orphans when they
    /// hold mignet's files (see `OutputTree.isClusterFolder`).
    public static func compare(expected: [ClusterFolder], folders: [String], jobs: Int,
                               read: @Sendable (String) -> [String: ExistingFile]) -> [FileDrift] {
        let rendered = Set(expected.map(\.name))
        let orphans = folders.filter { !rendered.contains($0) }
        var drifts = Parallel.map(expected, jobs: jobs) { folder in compare(folder, read(folder.name)) }.flatMap { $0 }
        drifts += Parallel.map(orphans, jobs: jobs) { name -> [FileDrift] in
            let files = read(name)
            guard OutputTree.isClusterFolder(files.keys) else { return [] }
            return files.map { FileDrift(kind: .extra, path: name + "/" + $0.key, actual: String(decoding: $0.value.bytes, as: UTF8.self),
                                         expected: nil, modeDiffers: false) }
        }.flatMap { $0 }
        return drifts.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The differences of one rendered folder.
    static func compare(_ folder: ClusterFolder, _ existing: [String: ExistingFile]) -> [FileDrift] {
        var drifts: [FileDrift] = []
        for file in folder.files {
            let path = folder.name + "/" + file.name
            guard let onDisk = existing[file.name] else {
                drifts.append(FileDrift(kind: .missing, path: path, actual: nil, expected: file.contents, modeDiffers: false))
                continue
            }
            if !onDisk.matches(file) {
                drifts.append(FileDrift(kind: .changed, path: path, actual: String(decoding: onDisk.bytes, as: UTF8.self),
                                        expected: file.contents, modeDiffers: onDisk.executable != file.executable))
            }
        }
        let names = Set(folder.files.map(\.name))
        for (name, file) in existing where !names.contains(name) {
            drifts.append(FileDrift(kind: .extra, path: folder.name + "/" + name, actual: String(decoding: file.bytes, as: UTF8.self),
                                    expected: nil, modeDiffers: false))
        }
        return drifts
    }
}
