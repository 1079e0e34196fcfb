/// The seam between the commands and the programs they run (kubectl, git): the binary runs them
/// as processes (`ToolProcess`); a command run in process may be given a runner of its own, such
/// as a stand-in cluster that answers kubectl's command lines from files.
package protocol ProgramRunner: Sendable {
    /// Runs `line` (the program, then its arguments) with `input` on its standard input, for at
    /// most `timeout` seconds and `outputLimit` bytes of standard output.
    func run(_ line: [String], input: [UInt8]?, timeout: Int, outputLimit: Int) throws(ProgramFailure) -> ProgramOutcome
}

/// What a program did: its exit status, what it printed (standard output up to the limit), and
/// whether it was stopped at the timeout or the limit.
package struct ProgramOutcome: Sendable {
    package var status: Int32
    package var stdout: [UInt8]
    package var stderr: String
    package var timedOut: Bool
    package var overflowed: Bool

    package init(status: Int32, stdout: [UInt8], stderr: String, timedOut: Bool = false, overflowed: Bool = false) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.timedOut = timedOut
        self.overflowed = overflowed
    }

    /// Standard output as text (invalid UTF-8 replaced).
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// A program that could not be started, with the system's reason.
package struct ProgramFailure: Error, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}

/// The runner in force: processes (`ToolProcess`), unless a command run in process was given another.
enum Programs {
    @TaskLocal static var runner: any ProgramRunner = ToolProcess()
}
