import ArgumentParser
import MigNetKit

/// `mignet render SPEC_OR_DIR... [-o DIR]`: the manifests of every spec, to stdout or a folder per cluster.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the manifests of every spec, to stdout or to a folder per cluster.",
        discussion: """
            Without -o, every spec's documents go to stdout: NAD, Setting, KubeVirt patch (the full \
            delivery), specs in the order given; with more than one, each cluster's documents follow \
            a comment line '# mignet: cluster NAME from FILE'. Diagnostics go to stderr. With -o DIR, each cluster gets DIR/<metadata.name>/ \
            holding the files of the --delivery profile, written all or nothing under a lock on DIR. \
            Nothing is written when any spec has an error. Exit status: 0 written, 1 an error in a \
            spec or a file that cannot be read or written (nothing changed), 64 wrong arguments.
            """
    )

    @OptionGroup var inputs: SpecInputs
    @OptionGroup var output: OutputOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(help: "Remove the folders of clusters no spec renders any more (otherwise they are warned about).")
    var prune = false

    @Option(help: ArgumentHelp("How long to wait for another mignet writing the same output folder, in seconds.", valueName: "seconds"))
    var wait: Double = 30

    func validate() throws {
        if output.path == nil && output.delivery != nil { throw ValidationError("--delivery needs -o DIR: it decides what goes into each cluster's folder.") }
        if output.path == nil && prune { throw ValidationError("--prune needs -o DIR.") }
        if !(wait >= 0 && wait <= 86_400) { throw ValidationError("--wait must be between 0 and 86400 seconds.") }
    }

    func run() throws {
        let compiled = inputs.compile(skipping: output.path)
        if try diagnostics.report(compiled) { throw ExitCode(1) }
        guard let path = output.path else {
            // Several clusters in one stream: a comment line before each cluster's documents, so the
            // stream can be read and split (`csplit`, `yq`), without changing any document.
            let clusters = compiled.result.compilations.compactMap { compilation in compilation.render().map { (compilation.file, $0) } }
            var stream = ""
            do {
                for (file, cluster) in clusters {
                    if clusters.count > 1 { stream += "# mignet: cluster \(cluster.name) from \(TerminalText.escaped(file))\n" }
                    stream += try cluster.files().map(\.contents).joined()
                }
            } catch {
                Terminal.writeError("mignet: \(error)\n")
                throw ExitCode(1)
            }
            try Terminal.writeOutput(stream)
            return
        }
        let outcome: OutputDirectory.Outcome
        do {
            let folders = try OutputTree.folders(compiled.result.compilations, delivery: output.profile, jobs: inputs.jobs)
            outcome = try OutputDirectory(path: path).write(folders, prune: prune, inputs: compiled.inputs, wait: wait, jobs: inputs.jobs)
        } catch {
            Terminal.writeError("mignet: \(TerminalText.escaped(String(describing: error)))\nmignet: nothing was changed in \(TerminalText.escaped(path))\n")
            throw ExitCode(1)
        }
        var report = outcome.warnings.map { "mignet: warning: \(TerminalText.escaped($0))\n" }.joined()
        for orphan in outcome.pruned { report += "mignet: pruned \(TerminalText.escaped(orphan.display))\n" }
        report += "mignet: \(TerminalText.escaped(path)): \(outcome.written) written, \(outcome.unchanged) unchanged, \(outcome.removed) removed, \(outcome.pruned.count) pruned\n"
        Terminal.writeError(report)
    }
}
