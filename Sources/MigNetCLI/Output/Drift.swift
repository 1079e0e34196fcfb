import MigNetKit

/// An entry of a cluster folder as it is on disk, of whatever type.
struct ExistingEntry: Sendable, Equatable {
    /// What the entry is.
    enum Kind: Sendable, Equatable {
        /// A regular file: its bytes (nil when it is too large to compare as text), size and
        /// permission bits.
        case file(bytes: [UInt8]?, size: Int, mode: Int)
        /// Anything else, in words for a message: "a symbolic link", "a folder", "a FIFO".
        case other(String)
    }

    /// The name, escaped where it is not valid UTF-8.
    var name: String
    /// What it is.
    var kind: Kind

    /// Whether the entry is a regular file holding exactly `file`'s text, with its mode.
    func matches(_ file: OutputFile) -> Bool {
        guard case .file(let bytes?, let size, let mode) = kind, mode == file.mode, size == file.contents.utf8.count else { return false }
        let same = file.contents.utf8.withContiguousStorageIfAvailable { text in
            bytes.withUnsafeBufferPointer { $0.elementsEqual(text) }
        }
        return same ?? bytes.elementsEqual(file.contents.utf8)
    }
}

/// One difference between the rendering and the output folder.
struct FileDrift: Sendable, Equatable {
    /// What differs.
    enum Kind: String, Sendable {
        /// Rendered, but not on disk.
        case missing
        /// On disk as something else: other bytes, another mode, or not a regular file.
        case changed
        /// On disk in a cluster folder, but not rendered.
        case extra
    }

    /// What differs.
    var kind: Kind
    /// The path inside the output folder: `<cluster>/<file>`.
    var path: String
    /// What is on disk, if anything.
    var actual: ExistingEntry.Kind?
    /// The rendered file, if any.
    var expected: OutputFile?
}

/// Compares a rendering with what is on disk: what `check` reports.
enum Drift {
    /// Every difference between the rendering and the whole output folder, sorted by path
    /// bytes, reading each folder with `read` only when it is compared (on up to `jobs` threads),
    /// so that no more than a few folders are held at once. `folders` names every folder of the
    /// output folder and `others` every other entry there (files, links, the lock file of a run
    /// that was killed): whatever the rendering does not produce, at any depth, is a difference,
    /// since anything in the output folder may be deployed (a Fleet bundle, an Argo CD
    /// Application's folder). An entry of a cluster folder is compared by type, so a folder
    /// inside it is one difference however much it holds. `read` gives nil for a folder that is
    /// not there.
    static func compare<Failure: Error>(expected: [ClusterFolder], folders: [String], others: [ExistingEntry], jobs: Int,
                                               read: @Sendable (String) -> Result<[ExistingEntry]?, Failure>) throws(Failure) -> [FileDrift] {
        let rendered = Set(expected.map(\.name))
        let orphans = folders.filter { !rendered.contains($0) }
        var drifts: [FileDrift] = others.map { FileDrift(kind: .extra, path: $0.name, actual: $0.kind, expected: nil) }
        for result in Parallel.map(expected, jobs: jobs, { folder in read(folder.name).map { compare(folder, $0 ?? []) } }) {
            drifts += try result.get()
        }
        let orphanDrifts = Parallel.map(orphans, jobs: jobs) { name in
            read(name).map { entries -> [FileDrift] in
                let entries = entries ?? []
                guard !entries.isEmpty else { return [FileDrift(kind: .extra, path: name, actual: .other("an empty folder"), expected: nil)] }
                return entries.map { FileDrift(kind: .extra, path: name + "/" + $0.name, actual: $0.kind, expected: nil) }
            }
        }
        for result in orphanDrifts { drifts += try result.get() }
        return drifts.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The differences of one rendered folder: every rendered file that is not on disk as
    /// rendered, and every entry on disk, of whatever type, that was not rendered.
    static func compare(_ folder: ClusterFolder, _ existing: [ExistingEntry]) -> [FileDrift] {
        var drifts: [FileDrift] = []
        var byName: [String: ExistingEntry] = [:]
        for entry in existing { byName[entry.name] = entry }
        for file in folder.files {
            let path = folder.name + "/" + file.name
            guard let onDisk = byName[file.name] else {
                drifts.append(FileDrift(kind: .missing, path: path, actual: nil, expected: file))
                continue
            }
            if !onDisk.matches(file) {
                drifts.append(FileDrift(kind: .changed, path: path, actual: onDisk.kind, expected: file))
            }
        }
        let names = Set(folder.files.map(\.name))
        for entry in existing where !names.contains(entry.name) {
            drifts.append(FileDrift(kind: .extra, path: folder.name + "/" + entry.name, actual: entry.kind, expected: nil))
        }
        return drifts
    }
}
