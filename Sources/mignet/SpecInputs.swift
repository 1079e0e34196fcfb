import ArgumentParser
import MigNetKit

/// The spec files a command reads, and compiling them.
struct SpecInputs: ParsableArguments {
    @Argument(help: "Spec files to read ('-' for standard input).")
    var specs: [String]

    func validate() throws {
        if specs.isEmpty { throw ValidationError("Give at least one spec file.") }
        if specs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input ('-') can be read only once.") }
    }

    /// Reads and compiles every spec: the sources read, the compilations (in argument order),
    /// and every diagnostic, unreadable files included, sorted by location.
    func compile() -> (sources: [SourceFile], compilations: [Compilation], diagnostics: [Diagnostic]) {
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for path in specs {
            switch SourceReader.read(path) {
            case .success(let source): sources.append(source)
            case .failure(let failure): diagnostics.append(failure.diagnostic)
            }
        }
        let compilations = Compiler().compile(sources)
        diagnostics += compilations.flatMap(\.diagnostics)
        return (sources, compilations, diagnostics.sortedByLocation())
    }
}
