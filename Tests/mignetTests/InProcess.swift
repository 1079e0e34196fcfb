import Foundation
import MigNetCLI
import Testing

/// Runs mignet's command line in this process (`CommandLineTool.run`), stdout and stderr
/// captured, through its seams: the disk seen from `directory` (the package's root unless given)
/// with `stdin` as standard input (empty unless given), programs started in that folder (or run
/// by `programs` when given), and `environment` (when given) as the whole environment. What only
/// a process shows (a FIFO on standard input, a signal, a kill timeout, the plugin names, the
/// exit of the binary itself) keeps `MignetProcess`.
enum InProcess {
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil, in directory: String? = nil,
                    files: (any FileSystem)? = nil, programs: (any ProgramRunner)? = nil) throws -> MignetProcess.Outcome {
        let folder = directory ?? MignetProcess.root
        let outcome = CommandLineTool.run(arguments, environment: environment,
                                          files: files ?? DiskFileSystem(workingFolder: folder, standardInput: Array((stdin ?? "").utf8)),
                                          programs: programs ?? ToolProcess(workingFolder: folder))
        return MignetProcess.Outcome(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }
}
