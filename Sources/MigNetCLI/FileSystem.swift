import Glibc

/// The seam between the commands and the files they read and write. The binary uses the disk
/// (`DiskFileSystem`); a command run in process may be given another, such as the disk below a
/// folder of the test's own or a file system held in memory. Every read with its limit, every
/// listing, `lstat` and `realpath`, the transactional writer's steps and the output folder's lock
/// pass through these few calls, which say what happened in the system's own terms (an error
/// number) so that messages read the same whichever implementation answered.
package protocol FileSystem: Sendable {
    /// What is at `path`: the link itself unless `followingLinks`.
    func status(_ path: DiskPath, followingLinks: Bool) -> Result<FileStatus, SystemError>

    /// The names in a folder, not `.` and `..`, in no particular order.
    func entries(_ folder: DiskPath) -> Result<[[UInt8]], SystemError>

    /// The absolute path with every link, `.` and `..` resolved.
    func realPath(_ path: DiskPath) -> Result<String, SystemError>

    /// Opens `path` without blocking (a FIFO cannot hang the run) and reads it whole when it is a
    /// regular file of at most `limit` bytes by its status: then `bytes` holds at most
    /// `limit + 1` of them (a file that grew meanwhile shows it); otherwise only its status.
    func read(_ path: DiskPath, followingLinks: Bool, limit: Int) -> Result<FileContents, SystemError>

    /// Standard input, read until its end or past `limit` bytes; `EISDIR` when it is a folder.
    func readStandardInput(limit: Int) -> Result<[UInt8], SystemError>

    /// Creates a folder (mode 0755 before the umask).
    func makeFolder(_ path: DiskPath) -> SystemError?

    /// Removes an empty folder.
    func removeFolder(_ path: DiskPath) -> SystemError?

    /// Creates a new file at `path` (never through a link, never over an existing entry) holding
    /// `bytes` with exactly `permissions`; on failure nothing is left at `path`.
    func createFile(_ path: DiskPath, bytes: [UInt8], permissions: Int) -> FileCreationError?

    /// Makes `link` a second name of the file at `path`.
    func hardLink(_ path: DiskPath, as link: DiskPath) -> SystemError?

    /// Renames `path` to `target`, replacing a file there in one step.
    func rename(_ path: DiskPath, to target: DiskPath) -> SystemError?

    /// Removes a file or link (not a folder).
    func remove(_ path: DiskPath) -> SystemError?

    /// Takes the exclusive lock of the file at `path` (created when missing) without waiting,
    /// writing this process's id into it; `busy` with what the holder wrote when another has it.
    func lock(_ path: DiskPath) -> Result<LockAttempt, SystemError>
}

/// A failure the system reported, by its error number.
package struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    package var number: Int32

    package init(_ number: Int32) {
        self.number = number
    }

    /// The error the last failed system call left in `errno`.
    static var last: SystemError { SystemError(errno) }

    /// The system's words for it, as `strerror` gives them.
    package var description: String { String(cString: strerror(number)) }
}

/// Why a new file could not be made: at its creation or while its contents were written.
package enum FileCreationError: Error, Equatable, Sendable {
    case create(SystemError)
    case write(SystemError)
}

/// What kind of entry a path is.
package enum FileKind: Sendable, Equatable {
    case regular, folder, link, fifo, socket, characterDevice, blockDevice, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .link
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .other
        }
    }

    /// The kind in words, for messages: "a FIFO", "a folder".
    var words: String {
        switch self {
        case .regular: "a regular file"
        case .folder: "a folder"
        case .link: "a symbolic link"
        case .fifo: "a FIFO"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .other: "not a regular file"
        }
    }
}

/// What `lstat` or `stat` tells mignet about an entry.
package struct FileStatus: Sendable, Equatable {
    package var kind: FileKind
    package var size: Int
    /// The permission bits (`0o644`).
    package var permissions: Int
    package var identity: FileIdentity

    package init(kind: FileKind, size: Int, permissions: Int, identity: FileIdentity) {
        self.kind = kind
        self.size = size
        self.permissions = permissions
        self.identity = identity
    }
}

/// A file's identity (device and inode), the same for every path and hard link to it.
package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64

    package init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

/// A file as `FileSystem.read` found it: its status, and its bytes when it was read.
package struct FileContents: Sendable {
    package var status: FileStatus
    package var bytes: [UInt8]?

    package init(status: FileStatus, bytes: [UInt8]?) {
        self.status = status
        self.bytes = bytes
    }
}

/// A lock taken, or the holder's words when another holds it.
package enum LockAttempt: Sendable {
    case acquired(any HeldLock)
    case busy(holder: String)
}

/// A lock this run holds: released by removing its file, then letting go.
package protocol HeldLock: Sendable {
    func release()
}

/// The file system in force: the disk, unless a command run in process was given another.
/// Read it on the command's own thread and hand it to worker threads, which do not see it.
enum FileSystems {
    @TaskLocal static var current: any FileSystem = DiskFileSystem()
}

extension FileSystem {
    /// The status of `path`, or nil when it cannot be had (missing, unreadable).
    func existing(_ path: DiskPath, followingLinks: Bool = false) -> FileStatus? {
        try? status(path, followingLinks: followingLinks).get()
    }

    /// The real path, or nil when it does not resolve.
    func realPath(_ path: String) -> String? {
        try? realPath(DiskPath(path)).get()
    }

    /// Creates the folders above `path` that do not exist yet, as `mkdir -p` does; the failing
    /// folder's path and the reason when one cannot be made.
    func makeParents(of path: DiskPath) -> (folder: String, error: SystemError)? {
        let components = path.bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).dropLast()
        var prefix: [UInt8] = path.bytes.first == UInt8(ascii: "/") ? [UInt8(ascii: "/")] : []
        for component in components {
            prefix += component
            if let error = makeFolder(DiskPath(bytes: prefix)), error.number != EEXIST {
                return (DiskPath(bytes: prefix).display, error)
            }
            prefix.append(UInt8(ascii: "/"))
        }
        return nil
    }
}
