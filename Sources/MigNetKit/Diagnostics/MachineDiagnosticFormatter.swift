/// Formats diagnostics for programs: a JSON report, or GitHub Actions workflow commands.
public enum MachineDiagnosticFormatter {
    /// The JSON report (format version 1), one line:
    /// `{"format_version":"1","valid":…,"error_count":…,"warning_count":…,"diagnostics":[…]}`.
    /// Each diagnostic has `severity`, `code`, `message`, `file`, `line`, `column`, `notes`
    /// (each with `message` and, when located, `file`, `line`, `column`) and `fix_it` (or null).
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let report = JSONValue.object([
            JSONMember("format_version", .string("1")),
            JSONMember("valid", .boolean(errors == 0)),
            JSONMember("error_count", .integer(errors)),
            JSONMember("warning_count", .integer(warnings)),
            JSONMember("diagnostics", .array(diagnostics.map { diagnostic in
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
        ])
        return report.serialized + "\n"
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, with
    /// `::warning` and `::notice` for the other severities and notes folded into the message.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics {
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var message = diagnostic.message
            for note in diagnostic.notes {
                message += "\nnote: " + (note.location.map { "\($0): " } ?? "") + note.message
            }
            let location = diagnostic.location
            output += "::\(command) file=\(property(location.file)),line=\(location.line),col=\(location.column),title=\(property("mignet " + diagnostic.code.rawValue))::\(data(message))\n"
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

    /// Escapes a workflow command's message.
    private static func data(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.append(character)
            }
        }
        return output
    }

    /// Escapes a workflow command's property value.
    private static func property(_ text: String) -> String {
        var output = ""
        for character in data(text) {
            switch character {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.append(character)
            }
        }
        return output
    }
}
