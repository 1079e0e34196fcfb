import ArgumentParser
import MigNetKit

/// `mignet preflight SPEC --cluster PATH... | --live`.
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
            Exit status: 0 no check failed (warnings allowed, unless --strict), 2 a check failed, \
            1 an error in the spec, unusable input or a kubectl failure, 64 wrong arguments.
            """
    )

    @OptionGroup var input: OneSpecInput

    @Option(name: .customLong("cluster"), help: ArgumentHelp("A file or folder of kubectl output (repeatable).", valueName: "path"))
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
        let compiled = input.compile()
        let hasErrors = try diagnostics.report(compiled)
        guard !hasErrors, let compilation = compiled.result.compilations.first else { throw CommandFailure.reported() }
        let read: (facts: ClusterFacts, problems: [Diagnostic])
        if kubectlOptions.live {
            do {
                let fetched = try ClusterInput.live(KubectlGet.clusterFacts, kubectl: kubectlOptions.kubectl, save: kubectlOptions.save)
                read = (fetched.facts, fetched.problems)
            } catch {
                throw CommandFailure(error.description)
            }
        } else {
            read = ClusterInput.read(clusterPaths)
        }
        guard read.problems.isEmpty else {
            // kubectl's output is not a mignet file: its lines are not quoted.
            try diagnostics.report(read.problems, sources: [:])
            throw CommandFailure.reported()
        }
        guard let preflight = Preflight(compilation, facts: read.facts) else { throw CommandFailure.reported() }
        try report.print(preflight)
        if !preflight.passed || (strict && preflight.checks.contains { $0.status == .warn }) { throw CommandFailure.reported(.difference) }
    }
}
