import ArgumentParser
import MigNetKit

/// `mignet render SPEC_OR_DIR... [-o DIR]`: the manifests of every spec, to stdout or a folder per cluster.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the manifests of every spec, to stdout or to a folder per cluster.",
        discussion: """
            Without -o, every spec's objects go to stdout, specs in the order given: the --delivery \
            profile's files less kustomization.yaml, fleet.yaml and apply.sh (kubectl, the default: \
            NAD, Setting, KubeVirt patch; apply.sh's deletion of earlier NADs has no stdout form); \
            with more than one cluster, each cluster's objects follow a comment line \
            '# mignet: cluster NAME from FILE'. --cluster NAME prints that cluster alone. \
            Diagnostics go to stderr. With -o DIR, each cluster gets DIR/<metadata.name>/ \
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

    @Option(help: ArgumentHelp("Print only the cluster of this metadata.name (without -o); no spec of that name is an error.", valueName: "name"))
    var cluster: String?

    @Flag(help: "Render the output folder with the profile given (--delivery, or the repository file's) although it holds another's files; each cluster folder is rewritten.")
    var switchProfile = false

    func validate() throws {
        if output.path?.isEmpty == true { throw ValidationError("-o needs the output folder's name.") }
        if output.path != nil && cluster != nil { throw ValidationError("--cluster prints one cluster to stdout; with -o every cluster is rendered.") }
        if output.path == nil && prune { throw ValidationError("--prune needs -o DIR.") }
        if !(wait >= 0 && wait <= 86_400) { throw ValidationError("--wait must be between 0 and 86400 seconds.") }
        if let path = output.path { try inputs.refuse(output: path) }
    }

    func run() throws {
        let repository = try RepositorySetup.find()
        let inputs = try self.inputs.resolved(repository)
        // With no specs named, the repository file's output folder too.
        let path = output.path ?? (self.inputs.specs.isEmpty && cluster == nil ? repository?.output : nil)
        var compiled = inputs.compile(skipping: path)
        if try diagnostics.report(compiled) { throw CommandFailure.reported() }
        guard let path else {
            if switchProfile { throw CommandFailure("--switch-profile changes an output folder: give -o DIR", status: .usage) }
            try Self.printObjects(compiled, delivery: output.deliveryOption.profile(repository: repository), cluster: cluster)
            return
        }
        if switchProfile && output.deliveryOption.delivery == nil && repository?.file.delivery == nil {
            throw CommandFailure("--switch-profile needs the profile to switch to: --delivery PROFILE, or delivery in \(RepositoryFile.fileName)", status: .usage)
        }
        let outcome: OutputDirectory.Outcome
        // Given up to the folders as they are made: this run holds no compilation after.
        var compilations = compiled.result.compilations
        compiled.result.compilations = []
        do {
            // The profile is learnt under the lock, from the folder as it will be written.
            outcome = try OutputDirectory(path: path).write(prune: prune, inputs: compiled.inputs, wait: wait, jobs: inputs.jobs) { directory in
                let profile = try output.deliveryOption.profile(for: directory, switching: switchProfile, repository: repository)
                return profile.folders(draining: &compilations, jobs: inputs.jobs)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(String(describing: error), "nothing was changed in \(path)")
        }
        var report = outcome.warnings.map { "mignet: warning: \(TerminalText.escaped($0))\n" }.joined()
        for orphan in outcome.pruned { report += "mignet: pruned \(TerminalText.escaped(orphan.display))\n" }
        report += "mignet: \(TerminalText.escaped(path)): \(outcome.written) written, \(outcome.unchanged) unchanged, \(outcome.removed) removed, \(outcome.pruned.count) pruned\n"
        Terminal.writeError(report)
    }

    /// Prints the objects of every valid spec (or of the one named `cluster`) for `delivery`.
    /// Several clusters in one stream get a comment line before each cluster's objects, so the
    /// stream can be read and split (`csplit`, `yq`) without changing any object.
    static func printObjects(_ compiled: SpecInputs.Compiled, delivery: Delivery, cluster: String?) throws {
        // Only the named cluster is rendered: the plugin asks for one cluster of a folder of thousands.
        let chosen = compiled.result.compilations.filter { cluster == nil || $0.name == cluster }
        var streams: [(file: String, name: String, objects: String)] = []
        for compilation in chosen {
            if let name = compilation.name, let objects = delivery.objectStream(for: compilation) { streams.append((compilation.file, name, objects)) }
        }
        if let cluster {
            guard !streams.isEmpty else {
                let names = compiled.result.compilations.compactMap(\.name).sorted()
                let known = names.isEmpty ? "no spec was found" : "the specs name " + names.map { "'\($0)'" }.joined(separator: ", ")
                throw CommandFailure("no spec has metadata.name '\(cluster)'; \(known)")
            }
        }
        var stream = ""
        for (file, name, objects) in streams {
            if streams.count > 1 { stream += "# mignet: cluster \(name) from \(TerminalText.escaped(file))\n" }
            stream += objects
        }
        try Terminal.writeOutput(stream)
    }
}
