import ArgumentParser
import Glibc
import MigNetKit

/// The options every command that compiles specs takes besides the specs themselves.
struct CompileOptions: ParsableArguments {
    @Option(name: [.short, .customLong("jobs")], help: "Threads to work on (default: one per core); output does not depend on it.")
    var jobsOption: Int?

    @Option(help: ArgumentHelp("The folder defaults files must lie in (default: the git top level above each spec, or the folder it was found in).", valueName: "dir"))
    var root: String?

    /// The threads in force.
    var jobs: Int { jobsOption ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    func validate() throws {
        if let jobsOption, jobsOption < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let root, FileSystems.current.realPath(root) == nil { throw ValidationError("--root \(root) does not exist.") }
    }
}

/// The spec files and folders a command reads, and compiling them.
struct SpecInputs: ParsableArguments {
    @Argument(help: ArgumentHelp("Spec files, or folders searched recursively for *.yaml and *.yml specs ('-' for standard input). A name that starts with '-' goes after '--'.", valueName: "spec-or-dir"))
    var specs: [String] = []

    @OptionGroup var options: CompileOptions

    /// The threads in force.
    var jobs: Int { options.jobs }

    func validate() throws {
        if specs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input ('-') can be read only once.") }
    }

    /// Refuses an output folder that is itself one of the spec folders given: its specs would go
    /// unread (the output folder is never searched) and its cluster folders would sit among them.
    func refuse(output: String) throws {
        let files = FileSystems.current
        guard let folder = files.existing(DiskPath(output), followingLinks: true), folder.kind == .folder,
              let same = specs.first(where: { $0 != "-" && files.existing(DiskPath($0), followingLinks: true)?.identity == folder.identity }) else { return }
        throw ValidationError("-o \(TerminalText.escaped(output)) is the spec folder \(TerminalText.escaped(same)): mignet does not write among the specs it reads; give another output folder, such as rendered")
    }

    /// What compiling the inputs gave.
    struct Compiled {
        /// The compiler's result, with `no-spec-found` for an argument that held no spec.
        var result: CompileResult
        /// The identities of every file read (specs and defaults files), which no output may replace.
        var inputs: Set<FileIdentity>
    }

    /// Reads and compiles every spec; `skipping` is a folder never searched (the output folder).
    func compile(skipping excluded: String? = nil) -> Compiled {
        Self.compile(specs, options: options, skipping: excluded)
    }

    /// Reads and compiles the specs named by `specs` (files, folders, `-`).
    static func compile(_ specs: [String], options: CompileOptions, skipping excluded: String? = nil) -> Compiled {
        let jobs = options.jobs
        var inputs: [SpecInput] = []
        var diagnostics: [Diagnostic] = []
        var files: [SpecDiscovery.File] = []
        var seenFiles = Set<FileIdentity>()
        var argumentOfFile: [String: Int] = [:]
        // Arguments that named (or held) a file another argument had already named.
        var repeated = Set<Int>()
        let disk = FileSystems.current
        for (index, spec) in specs.enumerated() {
            let found = SpecDiscovery(files: disk).files(for: spec, skipping: excluded)
            // The same file named twice (or found in two folders given) is read once.
            for file in found.files {
                if let identity = file.identity, !seenFiles.insert(identity).inserted {
                    repeated.insert(index)
                    continue
                }
                files.append(file)
                argumentOfFile[file.display] = index
            }
            diagnostics += found.problems
        }
        // Read on every thread too: a repository of thousands of specs is thousands of reads.
        let reads = Parallel.map(files, jobs: jobs) { file in
            file.isStandardInput ? SourceReader.read("-", in: disk) : SourceReader.read(file.path, in: disk)
        }
        for (file, read) in zip(files, reads) {
            switch read {
            case .success(let source): inputs.append(SpecInput(source, discovered: file.discovered))
            case .failure(let failure): diagnostics.append(Diagnostic.unreadable(failure, file: file.display))
            }
        }
        var result = Compiler.compile(inputs, problems: diagnostics, loader: DefaultsReader(files: disk, specs: specs, root: options.root), jobs: jobs)
        // An argument under which no spec was found is an error: a typo in a CI job's folder
        // must not pass as "nothing to check".
        var specsPerArgument = Array(repeating: 0, count: specs.count)
        for compilation in result.compilations where compilation.isSpec || compilation.diagnostics.hasErrors {
            if let index = argumentOfFile[compilation.file] { specsPerArgument[index] += 1 }
        }
        for (index, spec) in specs.enumerated() where specsPerArgument[index] == 0 && !repeated.contains(index) {
            if !result.diagnostics.filter({ argumentOfFile[$0.file] == index }).hasErrors {
                result.diagnostics = (result.diagnostics + [.noSpecFound(in: spec)]).sortedByLocation()
            }
        }
        var identities = seenFiles
        for path in Set(result.compilations.compactMap(\.defaultsFile)) {
            if let status = disk.existing(DiskPath(path), followingLinks: true) { identities.insert(status.identity) }
        }
        return Compiled(result: result, inputs: identities)
    }
}
