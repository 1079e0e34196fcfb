import Glibc

/// An exclusive lock on an output folder for a whole run: `DIR/.mignet.lock`, held with `flock`
/// and naming the holder's process. A second run waits up to a bound, then fails naming the
/// holder. The file is removed when the lock is released (and a run that finds the file it
/// locked already unlinked starts again), so it never lingers to be committed.
final class OutputLock {
    /// The lock file's name in the output folder.
    static let fileName = ".mignet.lock"

    private let path: DiskPath
    private let descriptor: Int32

    private init(path: DiskPath, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock of `folder`, waiting up to `seconds`.
    static func acquire(_ folder: DiskPath, waiting seconds: Double) throws(OutputDirectory.Failure) -> OutputLock {
        let path = folder.appending(fileName)
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let end = Double(deadline.tv_sec) + Double(deadline.tv_nsec) / 1e9 + seconds
        while true {
            let descriptor = path.withCString { open($0, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644) }
            guard descriptor >= 0 else { throw OutputDirectory.Failure("create the lock file", path.display) }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                // The holder before us may have removed the file after we opened it: then this
                // lock guards nothing, and we start again on the file now at the path.
                var held = stat()
                if fstat(descriptor, &held) == 0, let current = path.linkStatus(), FileIdentity(current) == FileIdentity(held) {
                    let pid = Array("\(getpid())\n".utf8)
                    _ = ftruncate(descriptor, 0)
                    _ = pwrite(descriptor, pid, pid.count, 0)
                    return OutputLock(path: path, descriptor: descriptor)
                }
                close(descriptor)
                continue
            }
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                close(descriptor)
                throw OutputDirectory.Failure("lock", path.display, errorNumber: error)
            }
            let holder = FileIO.readAll(from: descriptor, limit: 32).map { String(decoding: $0, as: UTF8.self).filter(\.isNumber) } ?? ""
            close(descriptor)
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            if Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 >= end {
                let who = holder.isEmpty ? "another mignet" : "another mignet (process \(holder))"
                throw OutputDirectory.Failure(message: "\(folder.display) is being written by \(who); waited \(Int(seconds)) s (--wait sets how long); nothing was written")
            }
            var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
            nanosleep(&pause, nil)
        }
    }

    /// Removes the lock file and releases the lock.
    func release() {
        _ = path.withCString { unlink($0) }
        close(descriptor)
    }
}
