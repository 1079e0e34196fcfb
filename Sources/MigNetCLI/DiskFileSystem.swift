import Glibc

/// The disk, through the system calls (`EINTR` retried). Relative paths are taken from
/// `workingFolder` when one is given (a command run in process in a folder of its own), else
/// from the process's current folder; paths in messages stay as they were given.
/// `standardInput`, when given, stands for the process's standard input.
package struct DiskFileSystem: FileSystem {
    package var workingFolder: String?
    package var standardInput: [UInt8]?

    package init(workingFolder: String? = nil, standardInput: [UInt8]? = nil) {
        self.workingFolder = workingFolder
        self.standardInput = standardInput
    }

    /// The path the system is given.
    private func resolved(_ path: DiskPath) -> DiskPath {
        guard let workingFolder, path.bytes.first != UInt8(ascii: "/") else { return path }
        return DiskPath(workingFolder).appending(path.bytes.isEmpty ? [UInt8(ascii: ".")] : path.bytes)
    }

    package func status(_ path: DiskPath, followingLinks: Bool) -> Result<FileStatus, SystemError> {
        var status = stat()
        let found = resolved(path).withCString { followingLinks ? stat($0, &status) : lstat($0, &status) }
        return found == 0 ? .success(FileStatus(status)) : .failure(.last)
    }

    package func entries(_ folder: DiskPath) -> Result<[[UInt8]], SystemError> {
        guard let directory = resolved(folder).withCString({ opendir($0) }) else { return .failure(.last) }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
            errno = 0
        }
        return errno == 0 ? .success(names) : .failure(.last)
    }

    package func realPath(_ path: DiskPath) -> Result<String, SystemError> {
        guard let real = resolved(path).withCString({ realpath($0, nil) }) else { return .failure(.last) }
        defer { free(real) }
        return .success(String(cString: real))
    }

    package func read(_ path: DiskPath, followingLinks: Bool, limit: Int) -> Result<FileContents, SystemError> {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (followingLinks ? 0 : O_NOFOLLOW)
        let descriptor = resolved(path).withCString { open($0, flags) }
        guard descriptor >= 0 else { return .failure(.last) }
        defer { close(descriptor) }
        var raw = stat()
        guard fstat(descriptor, &raw) == 0 else { return .failure(.last) }
        let status = FileStatus(raw)
        guard status.kind == .regular, status.size <= limit else { return .success(FileContents(status: status, bytes: nil)) }
        // At most one byte past the limit, so a file that grows meanwhile cannot make us read more.
        guard let bytes = Self.readAll(from: descriptor, limit: limit + 1, expected: status.size) else { return .failure(.last) }
        return .success(FileContents(status: status, bytes: bytes))
    }

    package func readStandardInput(limit: Int) -> Result<[UInt8], SystemError> {
        if let standardInput { return .success(Array(standardInput.prefix(limit + 1))) }
        var status = stat()
        if fstat(0, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return .failure(SystemError(EISDIR)) }
        guard let bytes = Self.readAll(from: 0, limit: limit + 1) else { return .failure(.last) }
        return .success(bytes)
    }

    package func makeFolder(_ path: DiskPath) -> SystemError? {
        resolved(path).withCString { mkdir($0, 0o755) } == 0 ? nil : .last
    }

    package func removeFolder(_ path: DiskPath) -> SystemError? {
        resolved(path).withCString { rmdir($0) } == 0 ? nil : .last
    }

    package func createFile(_ path: DiskPath, bytes: [UInt8], permissions: Int) -> FileCreationError? {
        let target = resolved(path)
        let descriptor = target.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(permissions)) }
        guard descriptor >= 0 else { return .create(.last) }
        // The umask may have narrowed the mode; the file must be exactly what was rendered.
        guard Self.writeAll(bytes, to: descriptor), fchmod(descriptor, mode_t(permissions)) == 0 else {
            let error = SystemError.last
            close(descriptor)
            _ = target.withCString { unlink($0) }
            return .write(error)
        }
        guard close(descriptor) == 0 else {
            let error = SystemError.last
            _ = target.withCString { unlink($0) }
            return .write(error)
        }
        return nil
    }

    package func hardLink(_ path: DiskPath, as link: DiskPath) -> SystemError? {
        resolved(path).withCString { from in resolved(link).withCString { Glibc.link(from, $0) } } == 0 ? nil : .last
    }

    package func rename(_ path: DiskPath, to target: DiskPath) -> SystemError? {
        resolved(path).withCString { from in resolved(target).withCString { Glibc.rename(from, $0) } } == 0 ? nil : .last
    }

    package func remove(_ path: DiskPath) -> SystemError? {
        resolved(path).withCString { unlink($0) } == 0 ? nil : .last
    }

    package func lock(_ path: DiskPath) -> Result<LockAttempt, SystemError> {
        let target = resolved(path)
        while true {
            let descriptor = target.withCString { open($0, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644) }
            guard descriptor >= 0 else { return .failure(.last) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let error = errno
                guard error == EWOULDBLOCK || error == EINTR else {
                    close(descriptor)
                    return .failure(SystemError(error))
                }
                let holder = Self.readAll(from: descriptor, limit: 32).map { String(decoding: $0, as: UTF8.self) } ?? ""
                close(descriptor)
                return .success(.busy(holder: holder))
            }
            // The holder before us may have removed the file after we opened it: then this lock
            // guards nothing, and we start again on the file now at the path.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, target.withCString({ lstat($0, &current) }) == 0,
               FileStatus(held).identity == FileStatus(current).identity {
                let pid = Array("\(getpid())\n".utf8)
                _ = ftruncate(descriptor, 0)
                _ = pwrite(descriptor, pid, pid.count, 0)
                return .success(.acquired(DiskLock(path: target, descriptor: descriptor)))
            }
            close(descriptor)
        }
    }
}

/// A lock held with `flock` on an open file.
private final class DiskLock: HeldLock {
    let path: DiskPath
    let descriptor: Int32

    init(path: DiskPath, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    func release() {
        _ = path.withCString { unlink($0) }
        close(descriptor)
    }
}

extension FileStatus {
    init(_ status: stat) {
        self.init(kind: FileKind(mode: status.st_mode), size: Int(status.st_size), permissions: Int(status.st_mode & 0o7777),
                  identity: FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
    }
}

extension DiskFileSystem {
    /// Writes all of `bytes`; false (with `errno` set) when the system refused.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            written += count
        }
        return true
    }

    /// Reads until end of file or `limit` bytes, whichever comes first; nil on a read error.
    /// `expected` (a regular file's size) sizes the buffer, so a small file costs one read.
    static func readAll(from descriptor: Int32, limit: Int, expected: Int = 0) -> [UInt8]? {
        var capacity = max(1, min(limit, expected > 0 ? expected + 1 : 64 * 1024))
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        var count = 0
        while count < limit {
            if count == capacity {
                capacity = min(limit, capacity * 2)
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
                larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                buffer.deallocate()
                buffer = larger
            }
            let read = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        return Array(buffer[..<count])
    }
}
