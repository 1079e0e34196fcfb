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

    /// See `DiagnosticReporter.report(_:tallies:sources:toStandardOutput:)`.
    func report(_ diagnostics: [Diagnostic], tallies: [DiagnosticTally] = [], sources: [String: SourceFile], toStandardOutput: Bool = false) throws(Terminal.OutputFailure) {
        try reporter.report(diagnostics, tallies: tallies, sources: sources, toStandardOutput: toStandardOutput)
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

    /// Applies `warningsAsErrors` to counted diagnostics.
    func effective(_ tallies: [DiagnosticTally]) -> [DiagnosticTally] {
        warningsAsErrors ? tallies.promotingWarnings() : tallies
    }

    /// Applies `warningsAsErrors`.
    func effective(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        warningsAsErrors ? diagnostics.promotingWarnings() : diagnostics
    }

    /// Reports what compiling gave, with `warningsAsErrors` applied; whether any is an error.
    /// Every command that compiles specs goes through here: one path from diagnostics to exit status.
    func report(_ compiled: SpecInputs.Compiled, toStandardOutput: Bool = false) throws(Terminal.OutputFailure) -> Bool {
        try report(effective(compiled.result.diagnostics), tallies: effective(compiled.result.tallies), sources: compiled.result.sources, toStandardOutput: toStandardOutput)
        return fails(compiled)
    }

    /// Whether what compiling gave fails the run, with `warningsAsErrors` applied.
    func fails(_ compiled: SpecInputs.Compiled) -> Bool {
        effective(compiled.result.diagnostics).hasErrors || effective(compiled.result.tallies).hasErrors
    }

    /// Reports `diagnostics` in the chosen format. Text goes to stderr; a machine format goes to
    /// stdout only when `toStandardOutput` (the command prints nothing else there), so that stdout
    /// is always exactly one parseable thing. At most `DiagnosticReport.defaultLimitPerFile` are
    /// shown per file; the rest are counted.
    func report(_ diagnostics: [Diagnostic], tallies: [DiagnosticTally] = [], sources: [String: SourceFile], toStandardOutput: Bool = false) throws(Terminal.OutputFailure) {
        guard format == .json || !diagnostics.isEmpty || !tallies.isEmpty else { return }
        let report = DiagnosticReport(diagnostics, tallies: tallies)
        var text = sink.format(report, sources: sources)
        // Text is for a person: on stderr always, with the counts after it.
        if format == .text {
            if let summary = report.summary { text += "mignet: \(summary)\n" }
            Terminal.writeError(text)
        } else if toStandardOutput {
            try Terminal.writeOutput(text)
        } else {
            Terminal.writeError(text)
        }
    }

    /// The sink of the chosen format.
    private var sink: any DiagnosticSink { format.sink(colour: Terminal.standardErrorIsColourTerminal) }
}

extension DiagnosticFormat: ExpressibleByArgument {}
