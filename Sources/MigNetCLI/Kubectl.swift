import ArgumentParser
import Glibc
import MigNetKit

/// Live mode: mignet runs the documented, read-only `kubectl get` commands itself and uses their
/// output exactly as if it had been given the files. It never runs anything but `get`.
struct KubectlOptions: ParsableArguments {
    @Flag(help: "Read the cluster with kubectl (read-only `kubectl get`; KUBECTL names the binary) instead of files.")
    var live = false

    @Option(help: ArgumentHelp("With --live and one spec: kubectl's --context (default: the context the repository file maps the cluster to, else kubectl's current one). Over several clusters each is read through the context the repository file's contexts map it to, else the one named after it.", valueName: "name"))
    var context: String?

    @Option(help: ArgumentHelp("With --live: kubectl's --kubeconfig.", valueName: "file"))
    var kubeconfig: String?

    @Option(help: ArgumentHelp("With --live: seconds each kubectl command may take before it is stopped.", valueName: "seconds"))
    var kubectlTimeout: Int = 30

    @Option(help: ArgumentHelp("With --live: keep what kubectl printed in DIR, one file per command, to replay offline (over several clusters, in DIR/CLUSTER).", valueName: "DIR"))
    var save: String?

    @Option(help: ArgumentHelp("With --live over several clusters: how many are read at a time.", valueName: "n"))
    var concurrency: Int = 4

    func validate() throws {
        if !live && (context != nil || kubeconfig != nil || save != nil) {
            throw ValidationError("--context, --kubeconfig and --save go with --live")
        }
        if !(1...3600).contains(kubectlTimeout) { throw ValidationError("--kubectl-timeout takes 1...3600 seconds") }
        if !(1...64).contains(concurrency) { throw ValidationError("--concurrency takes 1...64 clusters at a time") }
    }

    /// Refuses what names one cluster's context when a run reads several.
    func refuseOneClusterOptions() throws(CommandFailure) {
        if context != nil {
            throw CommandFailure("--context names one cluster's context, and this run reads several: each is read through the context named after it, or the one the repository file's contexts map it to", status: .usage)
        }
    }

    /// The runner for `cluster`: through `--context` when given, else the context the repository
    /// file maps the cluster to, else (over several clusters) the context named after it, else
    /// kubectl's current context.
    func kubectl(for cluster: String?, list: Bool, repository: RepositorySetup?) -> Kubectl {
        var runner = kubectl
        if runner.context == nil, let cluster {
            runner.context = repository?.file.contexts[cluster] ?? (list ? cluster : nil)
        }
        return runner
    }

    /// Where `--save` keeps what kubectl printed for `cluster`: the folder given, or over several
    /// clusters its folder named after the cluster.
    func save(for cluster: String?, list: Bool) -> String? {
        guard let save else { return nil }
        guard list, let cluster else { return save }
        return save.joiningPath(cluster)
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

    /// What a command printed, or that the cluster lacks the resource type, or that it printed
    /// more than kubectl's output may be (`SourceFile.Kind.kubectlOutput`): it was stopped there.
    enum Output {
        case printed(SourceFile)
        case noSuchResource
        case tooLarge(Diagnostic)
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

    /// Runs `kubectl … get …`, reading its output as it comes, up to the limit of kubectl's
    /// output and the timeout; a resource type the cluster lacks is an answer when `mayBeMissing`.
    func get(_ arguments: [String], mayBeMissing: Bool = false) throws(Failure) -> Output {
        let line = commandLine(arguments)
        let shown = line.map { TerminalText.escaped($0) }.joined(separator: " ")
        let outcome: ProgramOutcome
        do {
            outcome = try Programs.runner.run(line, input: nil, timeout: timeout, outputLimit: SourceFile.Kind.kubectlOutput.maximumSize)
        } catch {
            throw Failure(command: shown, reason: "kubectl could not be run: \(error)")
        }
        let name = "kubectl " + arguments.joined(separator: " ")
        if outcome.overflowed {
            return .tooLarge(.unreadable(.tooLarge(size: nil, kind: .kubectlOutput), file: name))
        }
        if outcome.timedOut {
            throw Failure(command: shown, reason: "kubectl did not finish within \(timeout) s (--kubectl-timeout) and was stopped")
        }
        // kubectl's own message, each line escaped (it may quote what a server sent).
        let message = outcome.stderr.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalText.escaped(String($0)) }.joined(separator: "\n  ")
        if outcome.status != 0 {
            if mayBeMissing && outcome.stderr.contains("doesn't have a resource type") { return .noSuchResource }
            throw Failure(command: shown, reason: "kubectl failed (exit \(outcome.status))\(message.isEmpty ? "" : ": " + message)")
        }
        return .printed(SourceFile(path: name, bytes: outcome.stdout))
    }
}

extension Kubectl {
    /// Runs each command and returns what it printed, as a source named by its command line, by
    /// file name (none for a resource type the cluster lacks, when that may be), and the
    /// diagnostics of outputs that were too large; with `save`, also writes each output to
    /// `save/<fileName>` (creating the folder and its parents), all or nothing, once every
    /// command has succeeded.
    func fetch(_ commands: [KubectlGet], save: String?) throws(Failure) -> (sources: [String: SourceFile], problems: [Diagnostic]) {
        var sources: [String: SourceFile] = [:]
        var problems: [Diagnostic] = []
        var saved: [(path: DiskPath, bytes: [UInt8], mode: Int)] = []
        for command in commands {
            switch try get(command.arguments, mayBeMissing: command.mayBeMissing) {
            case .noSuchResource:
                continue
            case .tooLarge(let diagnostic):
                // The run fails; the rest of the commands are not run, nor their output held.
                problems.append(diagnostic)
                return ([:], problems)
            case .printed(let output):
                sources[command.fileName] = output
                if let save { saved.append((DiskPath(save).appending(command.fileName), output.bytes, 0o644)) }
            }
        }
        if let save {
            if let failed = FileSystems.current.makeParents(of: DiskPath(save + "/.")) {
                throw Failure(command: "mkdir -p \(TerminalText.escaped(save))", reason: "cannot create the --save folder \(TerminalText.escaped(failed.folder)): \(failed.error)")
            }
            do {
                try FileTransaction.write(saved, inside: nil)
            } catch {
                throw Failure(command: "write \(TerminalText.escaped(save))", reason: "cannot save what kubectl printed: \(TerminalText.escaped(String(describing: error)))")
            }
        }
        return (sources, problems)
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }
}

