import ArgumentParser
import MigNetKit

/// `mignet preflight [SPEC-OR-DIR...] (--cluster PATH)... | --live`.
struct PreflightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Check Harvester's prerequisites and the spec's cluster facts against a cluster, before a change.",
        discussion: """
            Reads what these print, saved as the file names given (or a folder of them): \
            kubectl get clusternetworks.network.harvesterhci.io -o yaml > clusternetworks.yaml; \
            kubectl get vlanconfigs.network.harvesterhci.io -o yaml > vlanconfigs.yaml; \
            kubectl get vlanstatuses.network.harvesterhci.io -o yaml > vlanstatuses.yaml; \
            kubectl get nodes -o yaml > nodes.yaml; \
            kubectl get virtualmachineinstancemigrations.kubevirt.io --all-namespaces -o yaml > migrations.yaml; \
            kubectl get settings.harvesterhci.io -o yaml > settings.yaml; \
            kubectl get servicecidrs.networking.k8s.io -o yaml > servicecidrs.yaml. \
            With --live, mignet runs those commands itself. A fact not given is a WARN, never a PASS. \
            Given folders, several specs or none (the repository file's spec folders), each cluster \
            is checked and reported under its name (JSON: a list): from --cluster DIR/NAME, one \
            folder per cluster, or with --live through the kubectl context named after it (or the \
            repository file's contexts), --concurrency at a time; a cluster that cannot be read is \
            reported and the others go on. \
            Exit status: 0 no check failed (warnings allowed, unless --strict), 2 a check failed, \
            1 an error in a spec, unusable input or a kubectl failure (over several clusters, 1 \
            outranks 2), 64 wrong arguments.
            """
    )

    @OptionGroup var inputs: SpecInputs

    @Option(name: .customLong("cluster"), help: ArgumentHelp("A file or folder of kubectl output, or a folder holding one such folder per cluster, named after it (repeatable).", valueName: "path"))
    var clusterPaths: [String] = []

    @OptionGroup var kubectlOptions: KubectlOptions

    @OptionGroup var report: ReportOptions<Preflight>

    @Flag(help: "Count a warning (a fact that could not be read, no headroom) as a failed check.")
    var strict = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if kubectlOptions.live == !clusterPaths.isEmpty {
            throw ValidationError(kubectlOptions.live ? "give --cluster or --live, not both" : "give --cluster PATH (kubectl's output) or --live")
        }
    }

    func run() throws {
        let repository = try RepositorySetup.find()
        let inputs = try inputs.resolved(repository)
        let list = Fleet.isList(inputs)
        if list {
            if kubectlOptions.live { try kubectlOptions.refuseOneClusterOptions() }
            try ClusterInput.refuseFiles(clusterPaths, option: "--cluster")
        }
        let fleet = try Fleet(inputs, diagnostics: diagnostics)
        let (live, options, paths, strict) = (kubectlOptions.live, kubectlOptions, clusterPaths, strict)
        let verdicts = fleet.judge(concurrency: live ? options.concurrency : 1, progress: live) { compilation -> Fleet.Verdict<Preflight>? in
            let read: (facts: ClusterFacts, problems: [Diagnostic])
            if live {
                do throws(Kubectl.Failure) {
                    let kubectl = options.kubectl(for: compilation.name, list: list, repository: repository)
                    let fetched = try ClusterInput.live(KubectlGet.clusterFacts, kubectl: kubectl, save: options.save(for: compilation.name, list: list))
                    read = (fetched.facts, fetched.problems)
                } catch {
                    return .unreachable(error.description)
                }
            } else {
                read = ClusterInput.read(paths, for: compilation.name, list: list)
            }
            guard read.problems.isEmpty else { return .unusable(read.problems) }
            return Preflight(compilation, facts: read.facts).map { preflight in
                .report(preflight, failing: preflight.fails(strict: strict) ? .difference : nil)
            }
        }
        try fleet.finish(verdicts, format: report.format, diagnostics: diagnostics)
    }
}
