import ArgumentParser
import MigNetKit

/// `mignet explain [SPEC-OR-DIR...]`: the IP plan of each spec.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the IP plan of each spec: value, hash, NAD, range, exclusions, usable addresses and headroom.",
        discussion: "Given folders, several specs or none (the repository file's spec folders), each cluster's plan is headed by its name, and JSON gives a list. Exit status: 0 when every spec is valid, 1 when one has an error (the diagnostics are printed), 64 on wrong arguments."
    )

    @OptionGroup var inputs: SpecInputs
    @OptionGroup var report: ReportOptions<AddressPlanReport>

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let fleet = try Fleet(inputs.resolved(RepositorySetup.find()), diagnostics: diagnostics)
        let verdicts = fleet.judge { compilation in
            AddressPlanReport(compilation).map { .report($0, failing: nil) }
        }
        try fleet.finish(verdicts, format: report.format, diagnostics: diagnostics, summarised: false)
    }
}
