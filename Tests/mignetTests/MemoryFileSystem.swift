import Glibc
import MigNetCLI
import Synchronization

/// A file system held in memory, for commands run in process: folders, files, symbolic links and
/// FIFOs under `/`, with hard links sharing one inode and the errors the system would give
/// (`ENOENT`, `EEXIST`, `ENOTDIR`, `EISDIR`, `ENOTEMPTY`, `ELOOP`). Relative paths start at
/// `workingFolder`. A test can make any step fail (`fault`) and read every change made, and every
/// folder listed and file read (`looks`).
final class MemoryFileSystem: FileSystem {
    /// A step a command takes that changes the tree.
    enum Change: String, Sendable {
        case makeFolder, removeFolder, createFile, hardLink, rename, remove, lock
    }

    private enum Node: Equatable {
        case folder
        case file(bytes: [UInt8], permissions: Int)
        case link(target: String)
        case fifo
    }

    private struct State {
        /// Every path (absolute, normalised) and its inode.
        var paths: [String: Int] = ["/": 1]
        var nodes: [Int: Node] = [1: .folder]
        var nextInode = 2
        var locked: Set<String> = []
        /// The changes made so far, in order.
        var changes: [(Change, String)] = []
        /// The folders listed and the files read so far (resolved), in order.
        var looks: [String] = []
    }

    let workingFolder: String
    let standardInput: [UInt8]
    /// Fails the step (with this error number) when it returns one.
    let fault: @Sendable (Change, String, Int) -> Int32?
    private let state = Mutex(State())

    init(workingFolder: String = "/work", standardInput: [UInt8] = [], fault: @escaping @Sendable (Change, String, Int) -> Int32? = { _, _, _ in nil }) {
        self.workingFolder = workingFolder
        self.standardInput = standardInput
        self.fault = fault
        _ = makeParentsAndFolder(workingFolder)
    }

    // MARK: Setting up and reading back

    /// Adds a file (and the folders above it).
    func add(_ path: String, _ text: String, permissions: Int = 0o644) {
        let absolute = Self.absolute(path, from: workingFolder)
        _ = makeParentsAndFolder(Self.parent(of: absolute))
        state.withLock { state in
            state.paths[absolute] = state.nextInode
            state.nodes[state.nextInode] = .file(bytes: Array(text.utf8), permissions: permissions)
            state.nextInode += 1
        }
    }

    /// Adds a symbolic link or a FIFO.
    func addLink(_ path: String, to target: String) { addNode(path, .link(target: target)) }
    func addFIFO(_ path: String) { addNode(path, .fifo) }

    /// Marks the lock file at `path` as held by another run.
    func holdLock(_ path: String) {
        state.withLock { _ = $0.locked.insert(Self.absolute(path, from: workingFolder)) }
    }

    /// Every entry below `folder` by its path from there: a file's text, other entries by kind.
    func tree(_ folder: String) -> [String: String] {
        let root = Self.absolute(folder, from: workingFolder)
        return state.withLock { state in
            var result: [String: String] = [:]
            for (path, inode) in state.paths where path.hasPrefix(root + "/") {
                let relative = String(path.dropFirst(root.count + 1))
                switch state.nodes[inode]! {
                case .folder: result[relative + "/"] = "<folder>"
                case .file(let bytes, let permissions): result[relative] = String(decoding: bytes, as: UTF8.self) + (permissions == 0o644 ? "" : "<mode \(String(permissions, radix: 8))>")
                case .link(let target): result[relative] = "<link to \(target)>"
                case .fifo: result[relative] = "<fifo>"
                }
            }
            return result
        }
    }

    /// The changes made so far.
    var changes: [(Change, String)] { state.withLock { $0.changes } }

    // MARK: FileSystem

    func status(_ path: DiskPath, followingLinks: Bool) -> Result<FileStatus, SystemError> {
        state.withLock { state in
            Self.resolve(text(path), from: workingFolder, following: followingLinks, in: state).flatMap { resolved in
                guard let inode = state.paths[resolved] else { return .failure(SystemError(ENOENT)) }
                return .success(Self.status(of: inode, in: state))
            }
        }
    }

    /// The folders listed and files read so far, as `list PATH` and `read PATH`.
    var looks: [String] { state.withLock { $0.looks } }

    func entries(_ folder: DiskPath) -> Result<[[UInt8]], SystemError> {
        state.withLock { state in
            Self.resolve(text(folder), from: workingFolder, following: true, in: state).flatMap { resolved in
                state.looks.append("list " + resolved)
                guard let inode = state.paths[resolved] else { return .failure(SystemError(ENOENT)) }
                guard state.nodes[inode] == .folder else { return .failure(SystemError(ENOTDIR)) }
                return .success(Self.children(of: resolved, in: state).map { Array($0.utf8) })
            }
        }
    }

    func realPath(_ path: DiskPath) -> Result<String, SystemError> {
        state.withLock { state in
            Self.resolve(text(path), from: workingFolder, following: true, in: state).flatMap { resolved in
                state.paths[resolved] == nil ? .failure(SystemError(ENOENT)) : .success(resolved)
            }
        }
    }

    func read(_ path: DiskPath, followingLinks: Bool, limit: Int) -> Result<FileContents, SystemError> {
        state.withLock { state in
            Self.resolve(text(path), from: workingFolder, following: followingLinks, in: state).flatMap { resolved in
                state.looks.append("read " + resolved)
                guard let inode = state.paths[resolved] else { return .failure(SystemError(ENOENT)) }
                let status = Self.status(of: inode, in: state)
                switch state.nodes[inode]! {
                case .link: return .failure(SystemError(ELOOP))
                case .file(let bytes, _) where bytes.count <= limit: return .success(FileContents(status: status, bytes: bytes))
                default: return .success(FileContents(status: status, bytes: nil))
                }
            }
        }
    }

    func readStandardInput(limit: Int) -> Result<[UInt8], SystemError> {
        .success(Array(standardInput.prefix(limit + 1)))
    }

    func makeFolder(_ path: DiskPath) -> SystemError? {
        change(.makeFolder, path) { state, resolved in
            guard state.paths[resolved] == nil else { return SystemError(EEXIST) }
            return Self.insert(.folder, at: resolved, in: &state)
        }
    }

    func removeFolder(_ path: DiskPath) -> SystemError? {
        change(.removeFolder, path) { state, resolved in
            guard let inode = state.paths[resolved] else { return SystemError(ENOENT) }
            guard state.nodes[inode] == .folder else { return SystemError(ENOTDIR) }
            guard Self.children(of: resolved, in: state).isEmpty else { return SystemError(ENOTEMPTY) }
            state.paths[resolved] = nil
            return nil
        }
    }

    func createFile(_ path: DiskPath, bytes: [UInt8], permissions: Int) -> FileCreationError? {
        let error = change(.createFile, path) { state, resolved in
            guard state.paths[resolved] == nil else { return SystemError(EEXIST) }
            return Self.insert(.file(bytes: bytes, permissions: permissions), at: resolved, in: &state)
        }
        return error.map { .create($0) }
    }

    func hardLink(_ path: DiskPath, as link: DiskPath) -> SystemError? {
        let source = state.withLock { Self.resolve(text(path), from: workingFolder, following: false, in: $0) }
        return change(.hardLink, link) { state, resolved in
            guard case .success(let from) = source, let inode = state.paths[from] else { return SystemError(ENOENT) }
            guard state.nodes[inode] != .folder else { return SystemError(EPERM) }
            guard state.paths[resolved] == nil else { return SystemError(EEXIST) }
            guard let parent = state.paths[Self.parent(of: resolved)], state.nodes[parent] == .folder else { return SystemError(ENOENT) }
            state.paths[resolved] = inode
            return nil
        }
    }

    func rename(_ path: DiskPath, to target: DiskPath) -> SystemError? {
        let source = state.withLock { Self.resolve(text(path), from: workingFolder, following: false, in: $0) }
        return change(.rename, target) { state, resolved in
            guard case .success(let from) = source, let inode = state.paths[from] else { return SystemError(ENOENT) }
            if let existing = state.paths[resolved], state.nodes[existing] == .folder { return SystemError(EISDIR) }
            guard let parent = state.paths[Self.parent(of: resolved)], state.nodes[parent] == .folder else { return SystemError(ENOENT) }
            guard state.nodes[inode] != .folder else { return SystemError(EPERM) }
            state.paths[from] = nil
            state.paths[resolved] = inode
            return nil
        }
    }

    func remove(_ path: DiskPath) -> SystemError? {
        change(.remove, path) { state, resolved in
            guard let inode = state.paths[resolved] else { return SystemError(ENOENT) }
            guard state.nodes[inode] != .folder else { return SystemError(EISDIR) }
            state.paths[resolved] = nil
            return nil
        }
    }

    func lock(_ path: DiskPath) -> Result<LockAttempt, SystemError> {
        var attempt: LockAttempt = .busy(holder: "4242\n")
        let error = change(.lock, path) { state, resolved in
            guard !state.locked.contains(resolved) else { return nil }
            if let inode = state.paths[resolved] {
                switch state.nodes[inode]! {
                case .file: break
                case .folder: return SystemError(EISDIR)
                case .link, .fifo: return SystemError(ELOOP)
                }
            }
            if let error = Self.insert(.file(bytes: Array("\(getpid())\n".utf8), permissions: 0o644), at: resolved, in: &state, replacing: true) { return error }
            state.locked.insert(resolved)
            attempt = .acquired(MemoryLock(files: self, path: resolved))
            return nil
        }
        return error.map { .failure($0) } ?? .success(attempt)
    }

    /// Releases a lock this file system gave.
    fileprivate func release(_ path: String) {
        state.withLock { state in
            state.paths[path] = nil
            state.locked.remove(path)
        }
    }

    // MARK: Paths

    private func text(_ path: DiskPath) -> String { String(decoding: path.bytes, as: UTF8.self) }

    /// Runs one change on the resolved path (the last component not followed), unless the fault
    /// hook fails it first.
    private func change(_ kind: Change, _ path: DiskPath, _ body: (inout State, String) -> SystemError?) -> SystemError? {
        state.withLock { state in
            switch Self.resolve(text(path), from: workingFolder, following: false, in: state) {
            case .failure(let error): return error
            case .success(let resolved):
                if let number = fault(kind, resolved, state.changes.count) { return SystemError(number) }
                let error = body(&state, resolved)
                if error == nil { state.changes.append((kind, resolved)) }
                return error
            }
        }
    }

    private func addNode(_ path: String, _ node: Node) {
        let absolute = Self.absolute(path, from: workingFolder)
        _ = makeParentsAndFolder(Self.parent(of: absolute))
        state.withLock { _ = Self.insert(node, at: absolute, in: &$0, replacing: true) }
    }

    private func makeParentsAndFolder(_ folder: String) -> SystemError? {
        state.withLock { state in
            var path = ""
            for component in folder.split(separator: "/") {
                path += "/" + component
                if state.paths[path] == nil, let error = Self.insert(.folder, at: path, in: &state) { return error }
            }
            return nil
        }
    }

    private static func insert(_ node: Node, at path: String, in state: inout State, replacing: Bool = false) -> SystemError? {
        guard let parent = state.paths[parent(of: path)] else { return SystemError(ENOENT) }
        guard state.nodes[parent] == .folder else { return SystemError(ENOTDIR) }
        guard replacing || state.paths[path] == nil else { return SystemError(EEXIST) }
        state.paths[path] = state.nextInode
        state.nodes[state.nextInode] = node
        state.nextInode += 1
        return nil
    }

    private static func status(of inode: Int, in state: State) -> FileStatus {
        let (kind, size, permissions): (FileKind, Int, Int) = switch state.nodes[inode]! {
        case .folder: (.folder, 4096, 0o755)
        case .file(let bytes, let permissions): (.regular, bytes.count, permissions)
        case .link(let target): (.link, target.utf8.count, 0o777)
        case .fifo: (.fifo, 0, 0o644)
        }
        return FileStatus(kind: kind, size: size, permissions: permissions, identity: FileIdentity(device: 1, inode: UInt64(inode)))
    }

    private static func children(of folder: String, in state: State) -> [String] {
        let prefix = folder == "/" ? "/" : folder + "/"
        return state.paths.keys.filter { $0.hasPrefix(prefix) && $0 != "/" && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }
    }

    private static func absolute(_ path: String, from folder: String) -> String {
        path.hasPrefix("/") ? path : folder + "/" + path
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The path with `.`, `..` and every link above the last component resolved (and the last
    /// too when `following`), as the kernel walks it.
    private static func resolve(_ path: String, from folder: String, following: Bool, in state: State) -> Result<String, SystemError> {
        var pending = absolute(path, from: folder).split(separator: "/").map(String.init)
        var resolved = "/"
        var hops = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            if component == "." || component.isEmpty { continue }
            if component == ".." { resolved = parent(of: resolved); continue }
            let next = resolved == "/" ? "/" + component : resolved + "/" + component
            guard let inode = state.paths[next] else {
                if pending.isEmpty { return .success(next) }
                return .failure(SystemError(ENOENT))
            }
            switch state.nodes[inode]! {
            case .link(let target) where !pending.isEmpty || following:
                hops += 1
                if hops > 40 { return .failure(SystemError(ELOOP)) }
                pending = target.split(separator: "/").map(String.init) + pending
                if target.hasPrefix("/") { resolved = "/" }
            case .file, .fifo, .link:
                if !pending.isEmpty { return .failure(SystemError(ENOTDIR)) }
                resolved = next
            case .folder:
                resolved = next
            }
        }
        return .success(resolved)
    }
}

/// A lock `MemoryFileSystem` gave.
private struct MemoryLock: HeldLock {
    let files: MemoryFileSystem
    let path: String

    func release() { files.release(path) }
}
