import ArgumentParser
import Glibc
import MigNetKit

/// `mignet import FILE|-`: a spec from the live Setting of a cluster configured by hand.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a spec from a live Setting, so that moving a cluster to GitOps changes nothing.",
        discussion: """
            Reads the output of `kubectl get settings.harvesterhci.io vm-migration-network -o yaml` \
            (or -o json, or a List holding it) and writes a spec whose rendering reproduces the live \
            value byte for byte: a value spelled otherwise than the Harvester UI writes it is kept \
            with pinnedValue, the NAD Harvester made for it with adoptedNAD. The cluster's release \
            (--server-version, --server-version-file, or a server-version Setting in the same \
            input, as `kubectl get settings.harvesterhci.io vm-migration-network server-version \
            -o yaml` prints both) becomes harvesterVersion. With --live, mignet reads the settings, \
            nodes, cluster networks and VLAN configs itself and fills nodes and mtu from them too. \
            The spec written is compiled as validate compiles it: when the live value breaks \
            mignet's rules (or nodes is left to fill in), the spec is written anyway, its \
            diagnostics are printed and the exit status is 1. With --warnings-as-errors, any \
            diagnostic stops it before anything is written. \
            Exit status: 0 written without errors, 1 written with errors, no readable Setting, the \
            output exists without --force, or a diagnostic under --warnings-as-errors, 64 wrong \
            arguments.
            """
    )

    @Argument(help: "The kubectl output ('-' for standard input); none with --live.")
    var file: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the spec to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(help: "The cluster's name (metadata.name), a DNS-1123 label.")
    var name = "my-cluster"

    @Option(help: "The nodes that run virt-handler today; without it the spec says where to fill it in.")
    var nodes: Int?

    @Option(help: ArgumentHelp("The Harvester release the cluster runs (v1.8.2), written as harvesterVersion; the live value is read as that release reads it.", valueName: "VERSION"))
    var serverVersion: String?

    @Option(help: ArgumentHelp("The same from `kubectl get settings.harvesterhci.io server-version -o yaml` output in FILE.", valueName: "FILE"))
    var serverVersionFile: String?

    @OptionGroup var kubectlOptions: KubectlOptions

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @OptionGroup var diagnostics: DiagnosticOptions

    /// What --live reads: every setting (the migration network's and server-version), the
    /// nodes (for `nodes`), and the cluster networks and VLAN configs (for `mtu`).
    static let liveSources: [KubectlGet] = [.settings, .nodes, .clusterNetworks, .vlanConfigs]

    func validate() throws {
        if kubectlOptions.live == (file != nil) {
            throw ValidationError(kubectlOptions.live ? "--live reads the Setting itself: give no file with it" : "give the kubectl output (a file or '-'), or --live")
        }
        if serverVersion != nil && serverVersionFile != nil {
            throw ValidationError("give --server-version or --server-version-file, not both")
        }
    }

    func run() throws {
        var source: SourceFile
        var facts: ClusterFacts?
        if kubectlOptions.live {
            let read: (facts: ClusterFacts, problems: [Diagnostic], files: [String: SourceFile])
            do {
                read = try ClusterInput.live(Self.liveSources, kubectl: kubectlOptions.kubectl, save: kubectlOptions.save)
            } catch {
                throw CommandFailure(error.description)
            }
            guard read.problems.isEmpty, let settings = read.files[KubectlGet.settings.fileName] else {
                try diagnostics.report(read.problems, sources: [:])
                throw CommandFailure.reported()
            }
            source = settings
            // The node count and the MTU, as the cluster says.
            facts = read.facts
        } else {
            let file = file ?? "-"
            switch SourceReader.read(file, kind: .kubectlOutput) {
            case .success(let read): source = read
            case .failure(let failure):
                try diagnostics.report([Diagnostic.unreadable(failure, file: file == "-" ? "<stdin>" : file)], sources: [:])
                throw CommandFailure.reported()
            }
        }
        var versionSource: SourceFile?
        if let serverVersionFile {
            switch SourceReader.read(serverVersionFile, kind: .kubectlOutput) {
            case .success(let read): versionSource = read
            case .failure(let failure):
                try diagnostics.report([Diagnostic.unreadable(failure, file: serverVersionFile)], sources: [:])
                throw CommandFailure.reported()
            }
        }
        let imported: SettingImport
        do {
            imported = try SettingImport.importing(source, name: name, nodes: nodes, serverVersion: serverVersion, serverVersionFile: versionSource, live: facts)
        } catch let failure as Diagnosed {
            // The kubectl output is not a mignet file: its lines are not quoted.
            try diagnostics.report(failure.diagnostics, sources: [:])
            throw CommandFailure.reported()
        }
        if let output, let status = FileSystems.current.existing(DiskPath(output)) {
            if status.kind == .folder {
                throw CommandFailure("\(output) is a folder; -o names the spec file to write")
            }
            if !force {
                throw CommandFailure("\(output) exists; use --force to overwrite it")
            }
        }
        let specPath = output ?? "<imported spec>"
        // Compiled as every spec is, and judged by the same reporter: what validate would say of
        // the file written is what import says of it.
        let spec = SourceFile(path: specPath, bytes: Array(imported.text.utf8))
        let compiled = SpecInputs.Compiled(result: Compiler.compile([SpecInput(spec)], problems: []), inputs: [])
        // With --warnings-as-errors, a spec with a warning is not written at all (as render writes
        // nothing); without it, the spec is written and its diagnostics are printed against it.
        if diagnostics.warningsAsErrors && diagnostics.reporter.fails(compiled) {
            _ = try diagnostics.reporter.report(compiled)
            throw CommandFailure("nothing was written (--warnings-as-errors)")
        }
        if let output {
            do {
                try FileTransaction.write([(DiskPath(output), Array(imported.text.utf8), 0o644)], inside: nil)
            } catch {
                throw CommandFailure(error.description)
            }
        } else {
            try Terminal.writeOutput(imported.text)
        }
        let failed = try diagnostics.reporter.report(compiled)
        Terminal.writeError(imported.notes.map { "mignet: note: \($0)\n" }.joined())
        // Written, but not a spec validate accepts: the run fails, so that a script stops here.
        if failed { throw CommandFailure.reported() }
    }
}
