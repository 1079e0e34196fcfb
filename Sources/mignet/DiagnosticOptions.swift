import ArgumentParser
import MigNetKit

/// How diagnostics are reported; shared by every command that reads specs.
struct DiagnosticOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @Option(name: .long, help: "How to report diagnostics: text (stderr), json or github (stdout).")
    var diagnosticsFormat: Format = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    /// Applies `--warnings-as-errors` to counted diagnostics.
    func effective(_ tallies: [DiagnosticTally]) -> [DiagnosticTally] {
        warningsAsErrors ? tallies.promotingWarnings() : tallies
    }

    /// Reports what compiling gave, with `--warnings-as-errors` applied; whether any is an error.
    func report(_ compiled: SpecInputs.Compiled) throws(Terminal.OutputFailure) -> Bool {
        let found = effective(compiled.diagnostics)
        let tallies = effective(compiled.tallies)
        try report(found, tallies: tallies, sources: compiled.sources)
        return found.hasErrors || tallies.hasErrors
    }

    /// Applies `--warnings-as-errors`.
    func effective(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        warningsAsErrors ? diagnostics.promotingWarnings() : diagnostics
    }

    /// Reports `diagnostics` in the chosen format; text goes to stderr, machine formats to stdout.
    /// At most `DiagnosticReport.defaultLimitPerFile` are shown per file; the rest are counted.
    func report(_ diagnostics: [Diagnostic], tallies: [DiagnosticTally] = [], sources: [String: SourceFile]) throws(Terminal.OutputFailure) {
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
            try Terminal.writeOutput(MachineDiagnosticFormatter.json(report))
        case .github:
            try Terminal.writeOutput(MachineDiagnosticFormatter.github(report))
        }
    }
}
