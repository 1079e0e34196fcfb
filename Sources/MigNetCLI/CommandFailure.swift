import MigNetKit

/// Why a command stops, with its exit status: the one failure every command throws. `Mignet.main`
/// is the one place that prints it and exits, so every message is escaped once and in one way,
/// and every exit status is one of the README's.
struct CommandFailure: Error {
    /// The exit statuses the README documents.
    enum Status: Int32 {
        /// An error in a spec or an input, or something that could not be read or written.
        case failure = 1
        /// A difference found: `check`'s stale output, a failed check of `verify` or `preflight`,
        /// a change of a class `plan --fail-on` names.
        case difference = 2
        /// Wrong arguments.
        case usage = 64
    }

    /// The message, a `mignet: ` line per element; none when what went wrong was reported already
    /// (diagnostics, a report on stdout).
    var lines: [String]
    /// The exit status.
    var status: Status

    /// A failure saying `lines`.
    init(_ lines: String..., status: Status = .failure) {
        self.lines = lines
        self.status = status
    }

    /// A failure whose reason was already reported.
    static func reported(_ status: Status = .failure) -> CommandFailure {
        CommandFailure(lines: [], status: status)
    }

    /// A failure saying each of `lines`.
    init(lines: [String], status: Status = .failure) {
        self.lines = lines
        self.status = status
    }

    /// What is printed on stderr: each line behind `mignet: `, escaped; a break inside a line
    /// (a kubectl failure's `command:`) starts a continuation line, escaped too.
    var text: String {
        lines.map { line in
            "mignet: " + line.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }.joined(separator: "\n") + "\n"
        }.joined()
    }
}
