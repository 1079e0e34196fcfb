// swift-argument-parser alone: a command tree of the shape `mignet validate SPEC` parses (an
// argument, two option groups, options of optional, enum and flag types), with no work and no
// other library. Beside the hello-world floor it shows what the parser's start-up costs.
import ArgumentParser

struct CompileOptions: ParsableArguments {
    @Option(name: [.short, .customLong("jobs")]) var jobsOption: Int?
    @Option var root: String?
}

struct DiagnosticOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument { case text, json, github }
    @Option var diagnosticsFormat: Format = .text
    @Flag var warningsAsErrors = false
}

struct SpecInputs: ParsableArguments {
    @Argument var specs: [String]
    @OptionGroup var options: CompileOptions
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate")
    @OptionGroup var inputs: SpecInputs
    @OptionGroup var diagnostics: DiagnosticOptions
    func run() {}
}

@main
struct ParserFloor: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parser-floor", subcommands: [Validate.self])
}
