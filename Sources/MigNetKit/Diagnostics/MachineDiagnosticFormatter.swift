/// Formats diagnostics for programs: a JSON report, or GitHub Actions workflow commands.
enum MachineDiagnosticFormatter {
    /// The JSON report (format version 1), one line:
    /// `{"format_version":"1","valid":…,"error_count":…,"warning_count":…,"diagnostics":[…],"omitted":[…]}`.
    /// Each diagnostic has `severity`, `code`, `message`, `file`, `line`, `column`, `notes`
    /// (each with `message` and, when located, `file`, `line`, `column`) and `fix_it` (or null).
    /// The counts are of every diagnostic; `diagnostics` holds the first
    /// `DiagnosticReport.defaultLimitPerFile` of each file, and `omitted` one
    /// `{"file","count","codes":[{"code","count"}]}` for each file that had more.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        json(DiagnosticReport(diagnostics))
    }

    /// The JSON report of a report (see `json(_:)` over diagnostics).
    static func json(_ diagnosticReport: DiagnosticReport) -> String {
        let report = JSONValue.object([
            JSONMember("format_version", .string("1")),
            JSONMember("valid", .boolean(diagnosticReport.errorCount == 0)),
            JSONMember("error_count", .integer(diagnosticReport.errorCount)),
            JSONMember("warning_count", .integer(diagnosticReport.warningCount)),
            JSONMember("diagnostics", .array(diagnosticReport.shown.map { diagnostic in
                .object([
                    JSONMember("severity", .string(diagnostic.severity.rawValue)),
                    JSONMember("code", .string(diagnostic.code.rawValue)),
                    JSONMember("message", .string(diagnostic.message)),
                    JSONMember("file", .string(diagnostic.location.file)),
                    JSONMember("line", .integer(diagnostic.location.line)),
                    JSONMember("column", .integer(diagnostic.location.column)),
                    JSONMember("notes", .array(diagnostic.notes.map(noteJSON))),
                    JSONMember("fix_it", diagnostic.fixIt.map { .string($0) } ?? .null),
                ])
            })),
            JSONMember("omitted", .array(diagnosticReport.omitted.map { omission in
                .object([
                    JSONMember("file", .string(omission.file)),
                    JSONMember("count", .integer(omission.count)),
                    JSONMember("codes", .array(omission.codes.map {
                        .object([JSONMember("code", .string($0.code.rawValue)), JSONMember("count", .integer($0.count))])
                    })),
                ])
            })),
        ])
        return report.reportText + "\n"
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, with
    /// `::warning` and `::notice` for the other severities; a note with a place of its own is a
    /// `::notice` there, one without is folded into the message;
    /// a file's omitted diagnostics are one `::notice` at its first line.
    static func github(_ diagnostics: [Diagnostic]) -> String {
        github(DiagnosticReport(diagnostics))
    }

    /// The workflow commands of a report (see `github(_:)` over diagnostics).
    static func github(_ report: DiagnosticReport) -> String {
        var output = ""
        for diagnostic in report.shown {
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var message = diagnostic.message
            var located: [Diagnostic.Note] = []
            for note in diagnostic.notes {
                if note.location == nil { message += "\nnote: " + note.message } else { located.append(note) }
            }
            let location = diagnostic.location
            output += TerminalText.workflowCommand(command, file: location.file, line: location.line, column: location.column, title: "mignet " + diagnostic.code.rawValue, message: message)
            // A note at another place is a notice of its own there, so it is shown on that line.
            for note in located {
                guard let at = note.location else { continue }
                output += TerminalText.workflowCommand("notice", file: at.file, line: at.line, column: at.column, title: "mignet " + diagnostic.code.rawValue + " note", message: note.message)
            }
        }
        for omission in report.omitted {
            output += TerminalText.workflowCommand("notice", file: omission.file, line: 1, column: 1, title: "mignet", message: omission.summary)
        }
        return output
    }

    private static func noteJSON(_ note: Diagnostic.Note) -> JSONValue {
        var members = [JSONMember("message", .string(note.message))]
        if let location = note.location {
            members += [
                JSONMember("file", .string(location.file)),
                JSONMember("line", .integer(location.line)),
                JSONMember("column", .integer(location.column)),
            ]
        }
        return .object(members)
    }
}
