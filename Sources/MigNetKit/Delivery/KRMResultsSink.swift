import MigNetYAML

/// The KRM function's `results`: one entry per diagnostic of the report, its message (notes
/// appended, escaped, since kustomize prints them), severity, the spec it is about and the
/// line, column and code as tags; then one entry per code of what the report only counted.
/// It is the diagnostics sink of `mignet krm`, as text, JSON and GitHub's are of the commands.
struct KRMResultsSink: DiagnosticSink {
    /// The spec's `metadata.name`, when it has one.
    var name: String?
    /// The path kustomize gave the functionConfig, when it did.
    var path: String?

    /// The `results` entries.
    func results(_ report: DiagnosticReport) -> [YAMLValue] {
        var results = report.shown.map { diagnostic in
            var message = diagnostic.message
            for note in diagnostic.notes { message += "; note: " + note.message }
            return result(TerminalText.escaped(message), severity: diagnostic.severity, code: diagnostic.code, at: diagnostic.location)
        }
        for omission in report.omitted {
            for (code, count) in omission.codes {
                results.append(result("\(count) more \(code.rawValue) diagnostics not listed", severity: omission.severities[code] ?? .error, code: code, at: nil))
            }
        }
        return results
    }

    /// The results as a YAML sequence, nothing when there are none.
    func format(_ report: DiagnosticReport, sources: [String: SourceFile]) -> String {
        let results = results(report)
        return results.isEmpty ? "" : YAMLEmitter.emitSeparately([.sequence(results)]).joined()
    }

    /// One entry; the severity as KRM names it (a note is `info`).
    func result(_ message: String, severity: Diagnostic.Severity?, code: DiagnosticCode?, at location: SourceLocation?) -> YAMLValue {
        let severity = switch severity {
        case .warning?: "warning"
        case .note?: "info"
        case .error?, nil: "error"
        }
        var entries = [YAMLEntry("message", .string(message)), YAMLEntry("severity", .string(severity))]
        if let name {
            entries.append(YAMLEntry("resourceRef", .mapping([
                YAMLEntry("apiVersion", .string(MigrationNetworkSpec.apiVersion)),
                YAMLEntry("kind", .string(MigrationNetworkSpec.kind)),
                YAMLEntry("name", .string(name)),
            ])))
        }
        if let path { entries.append(YAMLEntry("file", .mapping([YAMLEntry("path", .string(path))]))) }
        var tags: [YAMLEntry] = []
        if let code { tags.append(YAMLEntry("mignet.io/code", .string(code.rawValue))) }
        if let location {
            tags.append(YAMLEntry("mignet.io/line", .string(String(location.line))))
            tags.append(YAMLEntry("mignet.io/column", .string(String(location.column))))
        }
        if !tags.isEmpty { entries.append(YAMLEntry("tags", .mapping(tags))) }
        return .mapping(entries)
    }
}
