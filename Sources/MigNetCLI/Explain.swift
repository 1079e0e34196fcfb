import ArgumentParser
import MigNetKit

/// `mignet explain SPEC`: the IP plan of one spec.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the IP plan of one spec: value, hash, NAD, range, exclusions, usable addresses and headroom.",
        discussion: "Exit status: 0 for a valid spec, 1 when it has an error (the diagnostics are printed), 64 on wrong arguments."
    )

    @OptionGroup var input: OneSpecInput
    @OptionGroup var report: ReportOptions<AddressPlanReport>

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let compiled = input.compile()
        let hasErrors = try diagnostics.report(compiled)
        guard !hasErrors, let compilation = compiled.result.compilations.first, let plan = AddressPlanReport(compilation) else {
            throw CommandFailure.reported()
        }
        try report.print(plan)
    }
}
