import Glibc
import MigNetKit

/// Runs the programs mignet starts (kubectl, git): in their own process group, their standard
/// output read as it comes and held to a limit, their standard error kept up to a smaller one,
/// and the whole group stopped at the timeout. Every byte mignet takes from a program passes
/// through here, so no program can make mignet wait or hold more than these bounds:
/// - standard output past `outputLimit` stops the program at once (`overflowed`): an endless
///   output costs the limit, not the machine's memory;
/// - standard error is kept up to `errorLimit` bytes and the rest read and dropped;
/// - the program's exit ends the wait: what it wrote before exiting is read, and a child it left
///   behind holding the pipes open is stopped with its group rather than waited for;
/// - past `timeout` seconds the group is killed (`timedOut`).
/// It is the `ProgramRunner` the binary uses (`Programs.runner`).
package struct ToolProcess: ProgramRunner {
    /// The folder programs start in; the process's current folder when nil.
    var workingFolder: String?

    package init(workingFolder: String? = nil) {
        self.workingFolder = workingFolder
    }

    /// A program that could not be started, with the system's reason.
    private static func failure(_ errorNumber: Int32) -> ProgramFailure {
        ProgramFailure(String(cString: strerror(errorNumber)))
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which its headers show
    /// only to GNU sources, so Swift does not import it: looked up by name.
    private static let addChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

    /// The most of a program's standard error kept for a message.
    static let errorLimit = 64 << 10

    /// Runs `line` (the program looked up on PATH) with `input` on its standard input (nothing
    /// when nil), for at most `timeout` seconds and `outputLimit` bytes of standard output.
    package func run(_ line: [String], input: [UInt8]?, timeout: Int, outputLimit: Int) throws(ProgramFailure) -> ProgramOutcome {
        var outputPipe: [Int32] = [0, 0], errorPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0 else { throw Self.failure(errno) }
        guard pipe(&errorPipe) == 0 else {
            let failure = errno
            close(outputPipe[0]); close(outputPipe[1])
            throw Self.failure(failure)
        }
        for descriptor in outputPipe + errorPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        // The input is handed over as a file, unlinked as soon as it is made (nothing is left
        // behind however the run ends), so that writing it can never block on a program that
        // does not read, nor raise SIGPIPE on one that exits early.
        var inputDescriptor: Int32 = -1
        defer { if inputDescriptor >= 0 { close(inputDescriptor) } }
        if let input {
            inputDescriptor = Self.anonymousFile()
            guard inputDescriptor >= 0, DiskFileSystem.writeAll(input, to: inputDescriptor), lseek(inputDescriptor, 0, SEEK_SET) == 0 else {
                let failure = errno
                for descriptor in outputPipe + errorPipe { close(descriptor) }
                throw Self.failure(failure)
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if inputDescriptor >= 0 {
            posix_spawn_file_actions_adddup2(&actions, inputDescriptor, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if let workingFolder {
            guard let addChdir = Self.addChdir, addChdir(&actions, workingFolder) == 0 else { throw Self.failure(ENOSYS) }
        }
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var pid = pid_t()
        let arguments = line.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        // A command run in process with variables of its own hands them on, as a process would.
        let variables = Environment.overrides.map { $0.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for variable in variables ?? [] { free(variable) } }
        let spawned = variables.map { posix_spawnp(&pid, line[0], &actions, &attributes, arguments, $0) }
            ?? posix_spawnp(&pid, line[0], &actions, &attributes, arguments, environ)
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw Self.failure(spawned)
        }
        var reader = Reader(output: outputPipe[0], error: errorPipe[0], outputLimit: outputLimit)
        let deadline = Self.monotonicNow() + Double(timeout)
        var status: Int32 = 0
        var exited = false
        var timedOut = false
        while !reader.overflowed {
            if !exited {
                // Seen without being reaped (WNOWAIT): while the program is a zombie its process
                // id, and so its group's, cannot be reused, so the kill below reaches only its own.
                var info = siginfo_t()
                exited = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
            }
            let remaining = deadline - Self.monotonicNow()
            if remaining <= 0 && !exited {
                timedOut = true
                break
            }
            // Once the program has exited, only what is already in the pipes is read.
            let wait = exited ? 0 : Int32(min(max(remaining, 0), 0.05) * 1000)
            let progress = reader.readAvailable(waitingMilliseconds: wait)
            if reader.isDone || (exited && !progress) { break }
        }
        // The whole group: the program when it is still running, and whatever it left behind;
        // then the program is reaped.
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reader.close()
        let normal = status & 0x7F == 0
        return ProgramOutcome(status: normal ? (status >> 8) & 0xFF : 128 + (status & 0x7F), stdout: reader.output,
                       stderr: String(decoding: reader.errors, as: UTF8.self), timedOut: timedOut, overflowed: reader.overflowed)
    }

    /// The two pipes being read.
    private struct Reader {
        var descriptors: [Int32]
        let outputDescriptor: Int32
        let outputLimit: Int
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var overflowed = false
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)

        init(output: Int32, error: Int32, outputLimit: Int) {
            descriptors = [output, error]
            outputDescriptor = output
            self.outputLimit = outputLimit
        }

        /// Both pipes reached end of file.
        var isDone: Bool { descriptors.isEmpty }

        /// Reads what is ready, waiting up to `waitingMilliseconds` for something; whether
        /// anything was read or closed.
        mutating func readAvailable(waitingMilliseconds: Int32) -> Bool {
            var polled = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), waitingMilliseconds)
            guard ready > 0 else { return false }
            var progress = false
            for entry in polled where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(entry.fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    progress = true
                    if entry.fd == outputDescriptor {
                        output.append(contentsOf: buffer[0..<count])
                        if output.count > outputLimit { overflowed = true }
                    } else if errors.count < ToolProcess.errorLimit {
                        errors.append(contentsOf: buffer[0..<min(count, ToolProcess.errorLimit - errors.count)])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    progress = true
                    Glibc.close(entry.fd)
                    descriptors.removeAll { $0 == entry.fd }
                }
            }
            return progress
        }

        mutating func close() {
            for descriptor in descriptors { Glibc.close(descriptor) }
            descriptors = []
        }
    }

    /// A new file in the temporary folder that no name leads to, open for reading and writing.
    private static func anonymousFile() -> Int32 {
        let folder = Environment.value("TMPDIR") ?? "/tmp"
        var template = Array((folder + "/mignet-input.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return -1 }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return descriptor
    }

    private static func monotonicNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
