import ArgumentParser
import Glibc

/// The root command: compiles migration-network specs into Harvester manifests.
@main
struct Mignet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mignet",
        abstract: "Compile Harvester VM migration network specs into byte-exact, GitOps-ready manifests.",
        discussion: """
            Exit status: 0 success; 1 an error in any spec or a file that cannot be read or \
            written (nothing is written); 2 check found the output stale, verify or preflight a \
            failed check, or plan a change --fail-on names; 64 wrong arguments. Each command's \
            help says which apply to it.
            """,
        version: "0.1.0",
        subcommands: [Render.self, Check.self, Validate.self, Explain.self, PlanCommand.self, PreflightCommand.self, Import.self, Verify.self, Init.self, Schema.self, ArgoCDPlugin.self, KRM.self]
    )

    /// Parses and runs a subcommand (or, started as `MigrationNetwork`, kustomize's generator
    /// plugin): the one place that prints a failure and decides the exit status. Arguments that
    /// would be misread are refused first; a command's `CommandFailure` is printed (escaped) and
    /// is its status; a failed write to stdout ends the run with exit status 1 (a closed pipe
    /// without a message); swift-argument-parser's own errors are its usage errors (64).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let generator = CommandLine.arguments.first.map(GeneratorPlugin.isInvoked(as:)) ?? false
        if !generator {
            if arguments.isEmpty {
                // Nothing asked for is a usage error, not success.
                Terminal.writeError(helpMessage() + "\n")
                Glibc.exit(CommandFailure.Status.usage.rawValue)
            }
            let raw = (1..<Int(CommandLine.argc)).map { index in
                CommandLine.unsafeArgv[index].map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) } ?? []
            }
            if let problem = ArgumentGuard.problem(in: arguments, raw: raw) {
                let failure = CommandFailure(problem, status: .usage)
                Terminal.writeError(failure.text)
                Glibc.exit(failure.status.rawValue)
            }
        }
        do {
            if generator {
                try GeneratorPlugin.run(arguments)
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
        } catch let failure as CommandFailure {
            Terminal.writeError(failure.text)
            Glibc.exit(failure.status.rawValue)
        } catch let failure as Terminal.OutputFailure {
            if failure.errorNumber != EPIPE { Terminal.writeError("mignet: \(failure)\n") }
            Glibc.exit(1)
        } catch {
            exit(withError: error)
        }
        Glibc.exit(0)
    }
}
