/// The seams of the command running on this thread (its file system, its program runner, its
/// environment), taken on the command's thread and bound again on a worker thread, which does
/// not see the command's task-local values: so that work spread over threads reads, runs and
/// writes exactly what the command itself would.
struct Seams: Sendable {
    var files: any FileSystem
    var programs: any ProgramRunner
    var environment: [String: String]?

    /// The seams in force on this thread.
    static var current: Seams {
        Seams(files: FileSystems.current, programs: Programs.runner, environment: Environment.overrides)
    }

    /// Runs `body` with these seams in force on this thread.
    func bound<Result>(_ body: () -> Result) -> Result {
        FileSystems.$current.withValue(files) {
            Programs.$runner.withValue(programs) {
                Environment.$overrides.withValue(environment, operation: body)
            }
        }
    }
}
