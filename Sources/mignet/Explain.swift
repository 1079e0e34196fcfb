import ArgumentParser
import MigNetKit

/// `mignet explain SPEC`: the IP plan of one spec.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the IP plan of one spec: value, hash, NAD, range, exclusions, usable addresses and headroom.",
        discussion: "Exit status: 0 for a valid spec, 1 when it has an error (the diagnostics are printed), 64 on wrong arguments."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The spec file ('-' for standard input).")
    var spec: String

    @Option(help: "text (a table) or json.")
    var format: Format = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let inputs = try SpecInputs.parse([spec])
        let compiled = inputs.compile()
        let hasErrors = try diagnostics.report(compiled)
        guard !hasErrors, let compilation = compiled.compilations.first, let report = AddressPlanReport(compilation) else {
            throw ExitCode(1)
        }
        try Terminal.writeOutput(format == .json ? report.json.pretty : report.table)
    }
}
