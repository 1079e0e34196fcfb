import Foundation
import MigNetCLI
import Testing

/// Runs mignet's command line in this process (`CommandLineTool.run`), stdout and stderr
/// captured, with `environment` (when given) as its whole environment: what a test needs when it
/// is about the command and not about the process (a FIFO, a signal, a kill timeout, the plugin
/// names keep `MignetProcess`). The programs it runs (a stand-in kubectl) are still processes.
/// Relative paths are taken from the working folder, which `swift test` sets to the package's root.
enum InProcess {
    static func run(_ arguments: [String], environment: [String: String]? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> MignetProcess.Outcome {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: MignetProcess.root).resolvingSymlinksInPath().path
        try #require(here == root, "in-process runs take relative paths from the package's root; run swift test there", sourceLocation: sourceLocation)
        let outcome = CommandLineTool.run(arguments, environment: environment)
        return MignetProcess.Outcome(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }
}
