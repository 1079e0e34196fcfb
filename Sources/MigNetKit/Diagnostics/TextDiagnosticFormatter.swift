/// Formats diagnostics as a compiler does: `file:line:column: severity: message [code]`,
/// then the source line and a caret under the column, then any fix-it and notes.
public struct TextDiagnosticFormatter: Sendable {
    /// Whether to colour the output with ANSI escapes (only for a terminal).
    public var colour: Bool

    /// Creates a formatter.
    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// The text of `diagnostics`, looking source lines up in `sources` by path.
    public func format(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) -> String {
        var output = ""
        for diagnostic in diagnostics {
            output += header(diagnostic.location, diagnostic.severity.rawValue, diagnostic.message + " [\(diagnostic.code.rawValue)]")
            output += excerpt(diagnostic.location, sources: sources)
            if let fixIt = diagnostic.fixIt {
                output += "      | " + paint("fix-it: ", "32") + "replace with '\(fixIt)'\n"
            }
            for note in diagnostic.notes {
                if let location = note.location {
                    output += header(location, "note", note.message)
                    output += excerpt(location, sources: sources)
                } else {
                    output += paint("note: ", "1;90") + note.message + "\n"
                }
            }
        }
        return output
    }

    /// `2 errors and 1 warning`, or nil when there are neither.
    public static func summary(of diagnostics: [Diagnostic]) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    private func header(_ location: SourceLocation, _ severity: String, _ message: String) -> String {
        let code: String
        switch severity {
        case "error": code = "1;31"
        case "warning": code = "1;35"
        default: code = "1;90"
        }
        return paint("\(location): ", "1") + paint(severity + ":", code) + " " + paint(message, "1") + "\n"
    }

    private func excerpt(_ location: SourceLocation, sources: [String: SourceFile]) -> String {
        guard let line = sources[location.file]?.line(location.line) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: max(0, 5 - number.count)) + number + " | "
        // Keep tabs so the caret lines up under the same column as in the source.
        let lead = String(line.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
        return gutter + line + "\n" + "      | " + lead + paint("^", "1;32") + "\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
