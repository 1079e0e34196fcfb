import ArgumentParser
import MigNetKit

/// `mignet check SPEC_OR_DIR... -o DIR`: fails when the committed rendering is stale.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare the rendering of the specs with an output folder, for CI and pre-commit.",
        discussion: """
            Renders in memory and compares with DIR: every file missing or different, and every \
            entry of any type that mignet did not render (in a cluster folder, or in the folder of \
            a cluster no spec renders), is printed on stdout, text files as a unified diff (a/ is \
            DIR as it is, b/ as it should be). Exit status: 0 identical, 1 an error in a spec or \
            an entry that cannot be read, 2 a difference, 64 wrong arguments.
            """
    )

    @OptionGroup var inputs: SpecInputs

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The output folder to compare with: one folder per cluster, DIR/<metadata.name>/.", valueName: "DIR"))
    var path: String

    @Option(help: ArgumentHelp("What goes into each cluster's folder: argocd, fleet or kubectl (default: kubectl).", valueName: "profile"))
    var delivery: Delivery?

    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(name: .shortAndLong, help: "Print only the paths that differ, one per line, and nothing when up to date.")
    var quiet = false

    func run() throws {
        let compiled = inputs.compile(skipping: path)
        if try diagnostics.report(compiled) { throw ExitCode(1) }
        let drifts: [FileDrift]
        do {
            let folders = try OutputTree.folders(compiled.result.compilations, delivery: delivery ?? .default, jobs: inputs.jobs)
            let directory = OutputDirectory(path: path)
            drifts = try Drift.compare(expected: folders, folders: try directory.folderNames(), jobs: inputs.jobs) {
                directory.entries(inFolder: $0)
            }
        } catch {
            Terminal.writeError("mignet: \(TerminalText.escaped(String(describing: error)))\n")
            throw ExitCode(1)
        }
        guard !drifts.isEmpty else {
            if !quiet { Terminal.writeError("mignet: \(TerminalText.escaped(path)) is up to date\n") }
            return
        }
        try Terminal.writeOutput(DriftReport.render(drifts, prefix: path.hasSuffix("/") ? path : path + "/", quiet: quiet))
        let render = (["mignet", "render"] + inputs.specs + ["-o", path] + (delivery.map { ["--delivery", $0.rawValue] } ?? [])
                      + (inputs.options.root.map { ["--root", $0] } ?? []))
            .map { TerminalText.escaped($0) }.joined(separator: " ")
        Terminal.writeError("mignet: \(drifts.count) file\(drifts.count == 1 ? "" : "s") in \(TerminalText.escaped(path)) differ\(drifts.count == 1 ? "s" : "") from the rendering; to update them, run: \(render)\n")
        throw ExitCode(2)
    }
}
