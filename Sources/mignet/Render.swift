import ArgumentParser
import MigNetKit
import MigNetYAML

/// `mignet render SPEC... [-o DIR]`: the manifests of every spec, to stdout or a folder per cluster.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the NAD, Setting and KubeVirt patch of every spec.",
        discussion: """
            Without -o, every spec's documents go to stdout: NAD, Setting, KubeVirt patch, specs in \
            the order given. With -o DIR, each cluster gets DIR/<metadata.name>/ holding \
            networkattachmentdefinition.yaml (when enabled), setting.yaml and kubevirt-patch.yaml. \
            Nothing is written when any spec has an error.
            """
    )

    @OptionGroup var inputs: SpecInputs
    @OptionGroup var diagnostics: DiagnosticOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write each cluster's files to DIR/<name>/.", valueName: "DIR"))
    var output: String?

    func run() throws {
        let compiled = inputs.compile()
        let found = diagnostics.effective(compiled.diagnostics)
        diagnostics.report(found, sources: compiled.sources)
        if found.hasErrors { throw ExitCode(1) }

        var clusters: [(name: String, files: [RenderedCluster.File])] = []
        do {
            for compilation in compiled.compilations {
                guard let rendered = compilation.rendered else { continue }
                clusters.append((rendered.name, try rendered.files()))
            }
        } catch {
            Terminal.writeError("mignet: \(error)\n")
            throw ExitCode(1)
        }

        guard let output else {
            Terminal.writeOutput(clusters.flatMap(\.files).map(\.contents).joined())
            return
        }
        do {
            try OutputDirectory(path: output).write(clusters)
        } catch {
            Terminal.writeError("mignet: \(error)\n")
            throw ExitCode(1)
        }
    }
}
