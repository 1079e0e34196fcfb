import ArgumentParser
import MigNetKit

/// `mignet validate SPEC...`: checks specs and reports every diagnostic.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check specs and report every problem with its file, line and column.",
        discussion: "Diagnostics in the json and github formats go to stdout, the text format to stderr; when every spec is valid, one line on stderr says how many (not with --quiet). Exit status: 0 when every spec is valid, 1 when any has an error, 64 on wrong arguments."
    )

    @OptionGroup var inputs: SpecInputs
    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(name: .shortAndLong, help: "Print nothing when every spec is valid.")
    var quiet = false

    func run() throws {
        let compiled = try inputs.resolved(RepositorySetup.find()).compile()
        if try diagnostics.report(compiled, toStandardOutput: true) { throw CommandFailure.reported() }
        let specs = compiled.result.compilations.filter(\.isSpec).count
        if !quiet { Terminal.writeError("mignet: \(specs) spec\(specs == 1 ? "" : "s") valid\n") }
    }
}
