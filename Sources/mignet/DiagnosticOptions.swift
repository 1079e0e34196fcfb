import ArgumentParser
import MigNetKit

/// How diagnostics are reported; shared by every command that reads specs.
struct DiagnosticOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @Option(name: .long, help: "How to report diagnostics: text, json or github. They go to stderr, except json and github for validate, whose only output they are (stdout).")
    var diagnosticsFormat: Format = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    /// Applies `--warnings-as-errors` to counted diagnostics.
    func effective(_ tallies: [DiagnosticTally]) -> [DiagnosticTally] {
        warningsAsErrors ? tallies.promotingWarnings() : tallies
    }

    /// Reports what compiling gave, with `--warnings-as-errors` applied; whether any is an error.
    /// Every command that compiles specs goes through here: one path from diagnostics to exit status.
    func report(_ compiled: SpecInputs.Compiled, toStandardOutput: Bool = false) throws(Terminal.OutputFailure) -> Bool {
        let found = effective(compiled.result.diagnostics)
        let tallies = effective(compiled.result.tallies)
        try report(found, tallies: tallies, sources: compiled.result.sources, toStandardOutput: toStandardOutput)
        return found.hasErrors || tallies.hasErrors
    }

    /// Applies `--warnings-as-errors`.
    func effective(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        warningsAsErrors ? diagnostics.promotingWarnings() : diagnostics
    }

    /// Reports `diagnostics` in the chosen format. Text goes to stderr; a machine format goes to
    /// stdout only when `toStandardOutput` (the command prints nothing else there), so that stdout
    /// is always exactly one parseable thing. At most `DiagnosticReport.defaultLimitPerFile` are
    /// shown per file; the rest are counted.
    func report(_ diagnostics: [Diagnostic], tallies: [DiagnosticTally] = [], sources: [String: SourceFile], toStandardOutput: Bool = false) throws(Terminal.OutputFailure) {
        let report = DiagnosticReport(diagnostics, tallies: tallies)
        switch diagnosticsFormat {
        case .text:
            guard !diagnostics.isEmpty || !tallies.isEmpty else { return }
            var text = TextDiagnosticFormatter(colour: Terminal.standardErrorIsColourTerminal).format(report, sources: sources)
            if let summary = report.summary {
                text += "mignet: \(summary)\n"
            }
            Terminal.writeError(text)
        case .json:
            try write(MachineDiagnosticFormatter.json(report), toStandardOutput)
        case .github:
            guard !diagnostics.isEmpty || !tallies.isEmpty else { return }
            try write(MachineDiagnosticFormatter.github(report), toStandardOutput)
        }
    }

    private func write(_ text: String, _ toStandardOutput: Bool) throws(Terminal.OutputFailure) {
        if toStandardOutput { try Terminal.writeOutput(text) } else { Terminal.writeError(text) }
    }
}
