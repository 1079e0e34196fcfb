import ArgumentParser
import MigNetKit

/// `mignet check SPEC_OR_DIR... -o DIR`: fails when the committed rendering is stale.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare the rendering of the specs with an output folder, for CI and pre-commit.",
        discussion: """
            Renders in memory and compares with the whole of DIR: every file missing or different, \
            and every entry of any type at any depth that mignet did not render (in a cluster \
            folder, in a folder no spec renders, or in DIR itself) is printed on stdout, text files \
            as a unified diff (a/ is DIR as it is, b/ as it should be); stderr says the commands \
            that mend them. Exit status: 0 identical, 1 an error in a spec or an entry that cannot \
            be read, 2 a difference, 64 wrong arguments.
            """
    )

    @OptionGroup var inputs: SpecInputs

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The output folder to compare with: one folder per cluster, DIR/<metadata.name>/ (default: the repository file's).", valueName: "DIR"))
    var outputPath: String?

    @OptionGroup var deliveryOption: DeliveryOption

    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(name: .shortAndLong, help: "Print only the paths that differ, one per line, and nothing when up to date.")
    var quiet = false

    func validate() throws {
        if outputPath?.isEmpty == true { throw ValidationError("-o needs the output folder's name.") }
        if let outputPath { try inputs.refuse(output: outputPath) }
    }

    func run() throws {
        let repository = try RepositorySetup.find()
        let inputs = try self.inputs.resolved(repository)
        guard let path = outputPath ?? repository?.output else {
            throw CommandFailure("give the output folder to compare with (-o DIR)\(repository.map { ": \(TerminalText.escaped($0.path)) renders at sync time and names none" } ?? "")", status: .usage)
        }
        var compiled = inputs.compile(skipping: path)
        if try diagnostics.report(compiled) { throw CommandFailure.reported() }
        // Given up to the folders as they are made: this run holds no compilation after.
        var compilations = compiled.result.compilations
        compiled.result.compilations = []
        let drifts: [FileDrift]
        var rendered = Set<String>()
        // One listing of each cluster folder serves both learning the profile and comparing.
        let directory = OutputDirectory(path: path, listings: OutputDirectory.Listings())
        let profile = try deliveryOption.profile(for: directory, repository: repository)
        do {
            let folders = profile.folders(draining: &compilations, jobs: inputs.jobs)
            rendered = Set(folders.map(\.name))
            let top = try directory.topLevel()
            drifts = try Drift.compare(expected: folders, folders: top.folders, others: top.others, jobs: inputs.jobs) {
                directory.entries(inFolder: $0)
            }
        } catch {
            throw CommandFailure(String(describing: error))
        }
        guard !drifts.isEmpty else {
            if !quiet { Terminal.writeError("mignet: \(TerminalText.escaped(path)) is up to date\n") }
            return
        }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        try Terminal.writeOutput(DriftReport.render(drifts, prefix: prefix, quiet: quiet))
        // As the diagnostics of the github format: on stderr, beside the diff on stdout.
        if diagnostics.diagnosticsFormat == .github { Terminal.writeError(DriftReport.github(drifts, prefix: prefix)) }
        // Each kind of difference with the command that mends it: rendering writes what is
        // missing or changed; what mignet does not render is removed (render never removes what
        // it did not write, so that is said as a command of its own).
        let extras = drifts.filter { $0.kind == .extra }
        var advice = "\(drifts.count) entr\(drifts.count == 1 ? "y" : "ies") in \(path) differ\(drifts.count == 1 ? "s" : "") from the rendering"
        if extras.count < drifts.count {
            let render = (["mignet", "render"] + inputs.specs + ["-o", path] + (deliveryOption.delivery.map { ["--delivery", $0.rawValue] } ?? [])
                          + (inputs.options.root.map { ["--root", $0] } ?? []))
            advice += "; to write what is missing or changed, run: \(ShellWords.line(render))"
        }
        if !extras.isEmpty {
            // A folder no spec renders goes whole; in a cluster's folder, only what is extra.
            var removals: [String] = []
            for extra in extras {
                let top = String(extra.path.prefix { $0 != "/" })
                let removal = prefix + (rendered.contains(top) ? extra.path : top)
                if removals.last != removal { removals.append(removal) }
            }
            advice += "; to remove what mignet does not render, run: \(ShellWords.line(["rm", "-rf", "--"] + removals))"
        }
        throw CommandFailure(advice, status: .difference)
    }
}
