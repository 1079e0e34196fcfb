/// Formats diagnostics as a compiler does: `file:line:column: severity: message [code]`,
/// then the source line and a caret under the column, then any fix-it and notes.
///
/// Everything taken from a file or a file name is escaped (`TerminalText`), excerpts are cut to
/// a bounded width, and at most `DiagnosticReport.defaultLimitPerFile` diagnostics of a file are
/// shown: the time and memory it takes grow with the number of diagnostics, not with their
/// product with the file's size.
struct TextDiagnosticFormatter: Sendable {
    /// Whether to colour the output with ANSI escapes (only for a terminal).
    var colour: Bool

    /// Creates a formatter.
    init(colour: Bool = false) {
        self.colour = colour
    }

    /// The text of `diagnostics`, looking source lines up in `sources` by path.
    func format(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) -> String {
        format(DiagnosticReport(diagnostics), sources: sources)
    }

    /// The text of a report: its diagnostics, then a line for each file's omitted ones.
    func format(_ report: DiagnosticReport, sources: [String: SourceFile]) -> String {
        let excerpts = SourceExcerpts(sources)
        var output = ""
        for diagnostic in report.shown {
            output += header(diagnostic.location, diagnostic.severity.rawValue, diagnostic.message + " [\(diagnostic.code.rawValue)]")
            output += excerpt(diagnostic.location, excerpts)
            if let fixIt = diagnostic.fixIt {
                output += "      | " + paint("fix-it: ", "32") + "replace with '\(TerminalText.escaped(fixIt))'\n"
            }
            for note in diagnostic.notes {
                if let location = note.location {
                    output += header(location, "note", note.message)
                    output += excerpt(location, excerpts)
                } else {
                    output += paint("note: ", "1;90") + TerminalText.escaped(note.message) + "\n"
                }
            }
        }
        for omission in report.omitted {
            output += paint(TerminalText.escaped(omission.file) + ": ", "1") + paint("note:", "1;90") + " " + omission.summary + "\n"
        }
        return output
    }

    /// `2 errors and 1 warning`, or nil when there are neither.
    static func summary(of diagnostics: [Diagnostic]) -> String? {
        DiagnosticReport(diagnostics).summary
    }

    private func header(_ location: SourceLocation, _ severity: String, _ message: String) -> String {
        let code: String
        switch severity {
        case "error": code = "1;31"
        case "warning": code = "1;35"
        default: code = "1;90"
        }
        let place = "\(TerminalText.escaped(location.file)):\(location.line):\(location.column): "
        return paint(place, "1") + paint(severity + ":", code) + " " + paint(TerminalText.escaped(message), "1") + "\n"
    }

    private func excerpt(_ location: SourceLocation, _ excerpts: SourceExcerpts) -> String {
        guard let (line, lead) = excerpts.excerpt(at: location) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: max(0, 5 - number.count)) + number + " | "
        return gutter + line + "\n" + "      | " + lead + paint("^", "1;32") + "\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
