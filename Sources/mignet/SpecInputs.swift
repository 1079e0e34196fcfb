import ArgumentParser
import Glibc
import MigNetKit

/// The spec files and folders a command reads, and compiling them.
struct SpecInputs: ParsableArguments {
    @Argument(help: ArgumentHelp("Spec files, or folders searched recursively for *.yaml and *.yml specs ('-' for standard input).", valueName: "spec-or-dir"))
    var specs: [String]

    @Option(name: [.short, .customLong("jobs")], help: "Threads to compile specs on (default: one per core); output does not depend on it.")
    var jobsOption: Int?

    /// The threads in force.
    var jobs: Int { jobsOption ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    func validate() throws {
        if specs.isEmpty { throw ValidationError("Give at least one spec file or folder.") }
        if specs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input ('-') can be read only once.") }
        if let jobsOption, jobsOption < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    /// What compiling the inputs gave.
    struct Compiled {
        /// The compilations of the specs, in input order (folder contents sorted by path).
        var compilations: [Compilation]
        /// Every diagnostic once, unreadable files included, sorted by location.
        var diagnostics: [Diagnostic]
        /// The text of every file a diagnostic points into, for source excerpts.
        var sources: [String: SourceFile]
    }

    /// Reads and compiles every spec; `skipping` is a folder never searched (the output folder).
    func compile(skipping excluded: String? = nil) -> Compiled {
        var inputs: [SpecInput] = []
        var diagnostics: [Diagnostic] = []
        let files = specs.flatMap { SpecDiscovery.files(for: $0, skipping: excluded) }
        // Read on every thread too: a repository of thousands of specs is thousands of reads.
        let reads = Parallel.map(files.map(\.path), jobs: jobs) { SourceReader.read($0) }
        for (file, read) in zip(files, reads) {
            switch read {
            case .success(let source): inputs.append(SpecInput(source, discovered: file.discovered))
            case .failure(let failure): if !file.discovered { diagnostics.append(failure.diagnostic) }
            }
        }
        let compilations = Compiler().compile(inputs, loader: SourceReader(), jobs: jobs)
        diagnostics += compilations.flatMap(\.diagnostics)
        var seen = Set<Diagnostic>()
        diagnostics = diagnostics.sortedByLocation().filter { seen.insert($0).inserted }

        // Only the files a diagnostic points into are kept, for their excerpts.
        let wanted = Set(diagnostics.map(\.location.file) + diagnostics.flatMap { $0.notes.compactMap(\.location?.file) })
        var sources: [String: SourceFile] = [:]
        for input in inputs where wanted.contains(input.source.path) { sources[input.source.path] = input.source }
        for file in wanted where sources[file] == nil {
            if case .success(let source) = SourceReader.read(file) { sources[file] = source }
        }
        return Compiled(compilations: compilations, diagnostics: diagnostics, sources: sources)
    }
}
