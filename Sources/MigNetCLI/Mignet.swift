import ArgumentParser
import Glibc
import MigNetKit

/// The root command: compiles migration-network specs into Harvester manifests.
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
        version: MignetVersion.current,
        subcommands: [Render.self, Check.self, Validate.self, Explain.self, PlanCommand.self, PreflightCommand.self, Import.self, Verify.self, Init.self, Schema.self, ArgoCDPlugin.self, KRM.self, VersionCommand.self]
    )

    /// Parses and runs a subcommand (or, started as `MigrationNetwork`, kustomize's generator
    /// plugin): the one place that prints a failure and decides the exit status. Arguments that
    /// would be misread are refused first; a command's `CommandFailure` is printed (escaped) and
    /// is its status; a failed write to stdout ends the run with exit status 1 (a closed pipe
    /// without a message); swift-argument-parser's own errors are its usage errors (64).
    /// `argv` is the whole command line, the program's name first; `raw` the arguments' bytes
    /// as the process received them.
    static func run(_ argv: [String], raw: [[UInt8]]) -> Int32 {
        let arguments = Array(argv.dropFirst())
        let generator = argv.first.map(GeneratorPlugin.isInvoked(as:)) ?? false
        if !generator {
            if arguments.isEmpty {
                // Nothing asked for is a usage error, not success.
                Terminal.writeError(helpMessage() + "\n")
                return CommandFailure.Status.usage.rawValue
            }
            let commands = configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
            if let problem = ArgumentGuard.problem(in: arguments, raw: raw) ?? ArgumentGuard.unknownCommand(arguments, commands: commands) {
                let failure = CommandFailure(problem, status: .usage)
                Terminal.writeError(failure.text)
                return failure.status.rawValue
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
            return failure.status.rawValue
        } catch let failure as Terminal.OutputFailure {
            if failure.errorNumber != EPIPE { Terminal.writeError("mignet: \(failure)\n") }
            return 1
        } catch {
            // swift-argument-parser's own: help (stdout, 0) or a usage error (stderr, 64).
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                do { try Terminal.writeOutput(message + "\n") } catch { return 1 }
            } else {
                Terminal.writeError(message + "\n")
            }
            return code.rawValue
        }
        return 0
    }
}

/// What the executable calls, and what tests run in process: mignet's whole command line,
/// from the arguments to the exit status.
package enum CommandLineTool {
    /// Runs the process's command line and exits with its status.
    package static func main() -> Never {
        let raw = (1..<Int(CommandLine.argc)).map { index in
            CommandLine.unsafeArgv[index].map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) } ?? []
        }
        Glibc.exit(Mignet.run(CommandLine.arguments, raw: raw))
    }

    /// What a command run in process did.
    package struct Outcome: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// Runs `arguments` (after the program's name, `mignet` unless given) in this process, with
    /// stdout and stderr captured instead of written: for tests, which so need no binary. Each
    /// seam may be given its own stand-in: `environment` in place of the process's variables,
    /// `files` for the disk (the disk seen from a folder of the test's own, or a file system in
    /// memory), `programs` for the programs it runs (kubectl, git).
    package static func run(_ arguments: [String], as program: String = "mignet", environment: [String: String]? = nil,
                            files: (any FileSystem)? = nil, programs: (any ProgramRunner)? = nil) -> Outcome {
        let capture = Terminal.Capture()
        let status = Terminal.$capture.withValue(capture) {
            Environment.$overrides.withValue(environment ?? Environment.overrides) {
                FileSystems.$current.withValue(files ?? FileSystems.current) {
                    Programs.$runner.withValue(programs ?? Programs.runner) {
                        Mignet.run([program] + arguments, raw: arguments.map { Array($0.utf8) })
                    }
                }
            }
        }
        return Outcome(status: status, stdout: capture.text(\.output), stderr: capture.text(\.error))
    }
}
