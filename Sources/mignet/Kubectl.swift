import ArgumentParser
import Glibc
import MigNetKit

/// Live mode: mignet runs the documented, read-only `kubectl get` commands itself and uses their
/// output exactly as if it had been given the files. It never runs anything but `get`.
struct KubectlOptions: ParsableArguments {
    @Flag(help: "Read the cluster with kubectl (read-only `kubectl get`; KUBECTL names the binary) instead of files.")
    var live = false

    @Option(help: ArgumentHelp("With --live: kubectl's --context.", valueName: "name"))
    var context: String?

    @Option(help: ArgumentHelp("With --live: kubectl's --kubeconfig.", valueName: "file"))
    var kubeconfig: String?

    @Option(help: ArgumentHelp("With --live: seconds each kubectl command may take before it is stopped.", valueName: "seconds"))
    var kubectlTimeout: Int = 30

    @Option(help: ArgumentHelp("With --live: keep what kubectl printed in DIR, one file per command, to replay offline.", valueName: "DIR"))
    var save: String?

    func validate() throws {
        if !live && (context != nil || kubeconfig != nil || save != nil) {
            throw ValidationError("--context, --kubeconfig and --save go with --live")
        }
        if !(1...3600).contains(kubectlTimeout) { throw ValidationError("--kubectl-timeout takes 1...3600 seconds") }
    }

    /// The runner these options describe.
    var kubectl: Kubectl {
        Kubectl(executable: Kubectl.executableFromEnvironment, context: context, kubeconfig: kubeconfig, timeout: kubectlTimeout)
    }
}

/// Runs kubectl: the binary `KUBECTL` names (default `kubectl` on PATH), its global options,
/// then a `get`.
struct Kubectl {
    var executable: String
    var context: String?
    var kubeconfig: String?
    var timeout: Int

    static var executableFromEnvironment: String {
        Environment.value("KUBECTL") ?? "kubectl"
    }

    /// Why a command gave no usable output: exit 1 with kubectl's message and the command.
    struct Failure: Error, CustomStringConvertible {
        var command: String
        var reason: String
        var description: String { "\(reason)\n  command: \(command)" }
    }

    /// What a command printed, or that the cluster lacks the resource type.
    enum Output {
        case printed(String)
        case noSuchResource(String)
    }

    /// The whole command line for `arguments` (a `get`).
    func commandLine(_ arguments: [String]) -> [String] {
        precondition(arguments.first == "get", "live mode runs kubectl get only")
        var line = [executable]
        if let context { line += ["--context", context] }
        if let kubeconfig { line += ["--kubeconfig", kubeconfig] }
        line.append("--request-timeout=\(timeout)s")
        return line + arguments
    }

    /// Runs `kubectl … get …`; a resource type the cluster lacks is an answer when `mayBeMissing`.
    func get(_ arguments: [String], mayBeMissing: Bool = false) throws(Failure) -> Output {
        let line = commandLine(arguments)
        let shown = line.map(TerminalText.escaped).joined(separator: " ")
        let outcome: ToolProcess.Outcome
        do {
            outcome = try ToolProcess.run(line, timeout: timeout)
        } catch {
            throw Failure(command: shown, reason: "kubectl could not be run: \(error)")
        }
        if outcome.timedOut {
            throw Failure(command: shown, reason: "kubectl did not finish within \(timeout) s (--kubectl-timeout) and was stopped")
        }
        // kubectl's own message, each line escaped (it may quote what a server sent).
        let message = outcome.stderr.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalText.escaped(String($0)) }.joined(separator: "\n  ")
        if outcome.status != 0 {
            if mayBeMissing && outcome.stderr.contains("doesn't have a resource type") { return .noSuchResource(message) }
            throw Failure(command: shown, reason: "kubectl failed (exit \(outcome.status))\(message.isEmpty ? "" : ": " + message)")
        }
        return .printed(outcome.stdout)
    }
}

extension Kubectl {
    /// One documented command and the file name its output is saved under.
    struct Command {
        var fileName: String
        var arguments: [String]
        var mayBeMissing = false
    }

    /// Runs each command and returns what it printed, as a source named by its command line, by
    /// file name (none for a resource type the cluster lacks, when that may be); with `save`, also
    /// writes each output to `save/<fileName>`, all or nothing, once every command has succeeded.
    func fetch(_ commands: [Command], save: String?) throws(Failure) -> [String: SourceFile] {
        var sources: [String: SourceFile] = [:]
        var saved: [(path: DiskPath, bytes: [UInt8], mode: mode_t)] = []
        for command in commands {
            switch try get(command.arguments, mayBeMissing: command.mayBeMissing) {
            case .noSuchResource:
                continue
            case .printed(let output):
                sources[command.fileName] = SourceFile(path: "kubectl " + command.arguments.joined(separator: " "), text: output)
                if let save { saved.append((DiskPath(save).appending(command.fileName), Array(output.utf8), 0o644)) }
            }
        }
        if let save {
            if mkdir(save, 0o755) != 0 && errno != EEXIST {
                throw Failure(command: "mkdir \(save)", reason: "cannot create the --save folder: \(String(cString: strerror(errno)))")
            }
            do {
                try FileTransaction.write(saved, inside: nil)
            } catch {
                throw Failure(command: "write \(save)", reason: "cannot save what kubectl printed: \(error)")
            }
        }
        return sources
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }
}

/// Starts a program with its standard output and error captured, in its own process group, and
/// stops the whole group when it takes longer than `timeout` seconds.
enum ToolProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    struct SpawnError: Error, CustomStringConvertible {
        var errorNumber: Int32
        var description: String { String(cString: strerror(errorNumber)) }
    }

    static func run(_ line: [String], timeout: Int) throws(SpawnError) -> Outcome {
        var outputPipe: [Int32] = [0, 0], errorPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0 else { throw SpawnError(errorNumber: errno) }
        guard pipe(&errorPipe) == 0 else { throw SpawnError(errorNumber: errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        for descriptor in outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var pid = pid_t()
        let arguments = line.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        let spawned = posix_spawnp(&pid, line[0], &actions, &attributes, arguments, environ)
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw SpawnError(errorNumber: spawned)
        }

        var output: [UInt8] = [], errors: [UInt8] = []
        var open = [outputPipe[0], errorPipe[0]]
        var timedOut = false
        let deadline = monotonicNow() + Double(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty {
            let remaining = deadline - monotonicNow()
            if remaining <= 0 {
                timedOut = true
                kill(-pid, SIGKILL)
                break
            }
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { break }
            for entry in descriptors where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == outputPipe[0] { output += buffer[0..<count] } else { errors += buffer[0..<count] }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        close(outputPipe[0])
        close(errorPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if timedOut { kill(-pid, SIGKILL) }
        let exited = status & 0x7F == 0
        return Outcome(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
                       stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errors, as: UTF8.self), timedOut: timedOut)
    }

    private static func monotonicNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
