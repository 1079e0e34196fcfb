import ArgumentParser
import MigNetKit

/// How diagnostics are reported; shared by every command that reads specs.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .long, help: "How to report diagnostics: text, json or github. They go to stderr, except json and github for validate, whose only output they are (stdout).")
    var diagnosticsFormat: DiagnosticReporter.Format = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    /// The reporter these options describe.
    var reporter: DiagnosticReporter { DiagnosticReporter(format: diagnosticsFormat, warningsAsErrors: warningsAsErrors) }

    /// See `DiagnosticReporter.report(_:toStandardOutput:)`.
    func report(_ compiled: SpecInputs.Compiled, toStandardOutput: Bool = false) throws(Terminal.OutputFailure) -> Bool {
        try reporter.report(compiled, toStandardOutput: toStandardOutput)
    }

    /// See `DiagnosticReporter.report(_:sources:toStandardOutput:)`.
    func report(_ diagnostics: [Diagnostic], sources: [String: SourceFile], toStandardOutput: Bool = false) throws(Terminal.OutputFailure) {
        try reporter.report(diagnostics, sources: sources, toStandardOutput: toStandardOutput)
    }
}

/// Reports diagnostics in one format, with or without warnings promoted: the one path from
/// diagnostics to what is printed and whether the run failed. Commands take it from their
/// options; the sync-time modes (the KRM function, the generator plugin) use `text`.
struct DiagnosticReporter {
    typealias Format = DiagnosticFormat

    var format: Format
    var warningsAsErrors: Bool

    /// Text on stderr, warnings as warnings.
    static let text = DiagnosticReporter(format: .text, warningsAsErrors: false)

    /// Whether `diagnostics` hold an error, with `warningsAsErrors` applied.
    func fails(_ diagnostics: [Diagnostic]) -> Bool {
        DiagnosticReport(diagnostics, warningsAsErrors: warningsAsErrors).failed
    }

    /// Reports what compiling gave, with `warningsAsErrors` applied; whether any is an error.
    /// Every command that compiles specs goes through here: one path from diagnostics to exit status.
    func report(_ compiled: SpecInputs.Compiled, toStandardOutput: Bool = false) throws(Terminal.OutputFailure) -> Bool {
        let report = compiled.result.report(warningsAsErrors: warningsAsErrors)
        try write(report, toStandardOutput: toStandardOutput)
        return report.failed
    }

    /// Whether what compiling gave fails the run, with `warningsAsErrors` applied.
    func fails(_ compiled: SpecInputs.Compiled) -> Bool {
        compiled.result.report(warningsAsErrors: warningsAsErrors).failed
    }

    /// Reports `diagnostics`, the files they quote in `sources`.
    func report(_ diagnostics: [Diagnostic], sources: [String: SourceFile], toStandardOutput: Bool = false) throws(Terminal.OutputFailure) {
        try write(DiagnosticReport(diagnostics, sources: sources, warningsAsErrors: warningsAsErrors), toStandardOutput: toStandardOutput)
    }

    /// Writes `report` in the chosen format. Text goes to stderr; a machine format goes to
    /// stdout only when `toStandardOutput` (the command prints nothing else there), so that stdout
    /// is always exactly one parseable thing. At most a bounded number are shown per file; the
    /// rest are counted.
    private func write(_ report: DiagnosticReport, toStandardOutput: Bool) throws(Terminal.OutputFailure) {
        // Empty for an empty report, except JSON's, which is always one document.
        let text = format.written(report, colour: Terminal.standardErrorIsColourTerminal)
        guard !text.isEmpty else { return }
        if format != .text && toStandardOutput {
            try Terminal.writeOutput(text)
        } else {
            Terminal.writeError(text)
        }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
