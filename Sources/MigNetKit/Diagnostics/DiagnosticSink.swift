/// One format of diagnostics: what a command writes for a report of them. The text a person
/// reads (`TextDiagnosticFormatter`), the JSON report (`JSONDiagnosticSink`) and GitHub's
/// workflow commands (`GitHubDiagnosticSink`) and the KRM function's `results`
/// (`KRMResultsSink`) are its implementations. A command chooses one by `--diagnostics-format`
/// and writes what it gives; `mignet krm` puts the results in the ResourceList it writes.
protocol DiagnosticSink: Sendable {
    /// The report in this format; empty when the format says nothing of an empty report.
    func format(_ report: DiagnosticReport, sources: [String: SourceFile]) -> String
}

/// The formats of `--diagnostics-format`, each with its sink.
package enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github

    /// The sink writing this format; `colour` for text on a terminal that wants it.
    /// What this format writes for `report`: nothing for an empty report where the format says
    /// nothing of one; text followed by its counts (`mignet: 2 errors and 1 warning`), in colour
    /// when `colour` (a terminal that wants it).
    package func written(_ report: DiagnosticReport, colour: Bool) -> String {
        var text = sink(colour: colour).format(report, sources: report.sources)
        if self == .text, let summary = report.summary { text += "mignet: \(summary)\n" }
        return text
    }

    func sink(colour: Bool) -> any DiagnosticSink {
        switch self {
        case .text: TextDiagnosticFormatter(colour: colour)
        case .json: JSONDiagnosticSink()
        case .github: GitHubDiagnosticSink()
        }
    }
}

extension TextDiagnosticFormatter: DiagnosticSink {}

/// The JSON report (`MachineDiagnosticFormatter.json`), written even when it holds nothing, so
/// that a program reading it always gets one document.
struct JSONDiagnosticSink: DiagnosticSink {
    init() {}

    func format(_ report: DiagnosticReport, sources: [String: SourceFile]) -> String {
        MachineDiagnosticFormatter.json(report)
    }
}

/// GitHub Actions workflow commands (`MachineDiagnosticFormatter.github`), nothing for an empty report.
struct GitHubDiagnosticSink: DiagnosticSink {
    init() {}

    func format(_ report: DiagnosticReport, sources: [String: SourceFile]) -> String {
        report.shown.isEmpty && report.omitted.isEmpty ? "" : MachineDiagnosticFormatter.github(report)
    }
}
