import ArgumentParser
import MigNetKit

/// `mignet render SPEC_OR_DIR... [-o DIR]`: the manifests of every spec, to stdout or a folder per cluster.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the manifests of every spec, to stdout or to a folder per cluster.",
        discussion: """
            Without -o, every spec's documents go to stdout: NAD, Setting, KubeVirt patch (the full \
            delivery), specs in the order given. With -o DIR, each cluster gets DIR/<metadata.name>/ \
            holding the files of the --delivery profile. Nothing is written when any spec has an error.
            """
    )

    @OptionGroup var inputs: SpecInputs
    @OptionGroup var output: OutputOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(help: "Remove the folders of clusters no spec renders any more (otherwise they are warned about).")
    var prune = false

    func validate() throws {
        if output.path == nil && output.delivery != nil { throw ValidationError("--delivery needs -o DIR: it decides what goes into each cluster's folder.") }
        if output.path == nil && prune { throw ValidationError("--prune needs -o DIR.") }
    }

    func run() throws {
        let compiled = inputs.compile(skipping: output.path)
        let found = diagnostics.effective(compiled.diagnostics)
        diagnostics.report(found, sources: compiled.sources)
        if found.hasErrors { throw ExitCode(1) }
        do {
            guard let path = output.path else {
                let files = try compiled.compilations.compactMap(\.rendered).flatMap { try $0.files() }
                Terminal.writeOutput(files.map(\.contents).joined())
                return
            }
            let folders = try OutputTree.folders(compiled.compilations, delivery: output.profile, jobs: inputs.jobs)
            for warning in try OutputDirectory(path: path).write(folders, prune: prune, jobs: inputs.jobs) {
                Terminal.writeError("mignet: warning: \(warning)\n")
            }
        } catch {
            Terminal.writeError("mignet: \(error)\n")
            throw ExitCode(1)
        }
    }
}
