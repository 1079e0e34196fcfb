import Glibc

/// An exclusive lock on an output folder for a whole run: `DIR/.mignet.lock`, held with `flock`
/// and naming the holder's process. A second run waits up to a bound, then fails naming the
/// holder. The file is removed when the lock is released (and a run that finds the file it
/// locked already unlinked starts again), so it never lingers to be committed.
struct OutputLock {
    /// The lock file's name in the output folder.
    static let fileName = ".mignet.lock"

    private let held: any HeldLock

    /// Takes the lock of `folder`, waiting up to `seconds`.
    static func acquire(_ folder: DiskPath, waiting seconds: Double, in files: any FileSystem) throws(OutputDirectory.Failure) -> OutputLock {
        let path = folder.appending(fileName)
        let end = now() + seconds
        while true {
            switch files.lock(path) {
            case .failure(let error):
                throw OutputDirectory.Failure("lock", path.display, error)
            case .success(.acquired(let held)):
                return OutputLock(held: held)
            case .success(.busy(let holder)):
                let holder = holder.filter(\.isNumber)
                if now() >= end {
                    let who = holder.isEmpty ? "another mignet" : "another mignet (process \(holder))"
                    throw OutputDirectory.Failure(message: "\(folder.display) is being written by \(who); waited \(Int(seconds)) s (--wait sets how long); nothing was written")
                }
                var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
                nanosleep(&pause, nil)
            }
        }
    }

    /// Removes the lock file and releases the lock.
    func release() {
        held.release()
    }

    /// Seconds on the monotonic clock.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
