import ArgumentParser
import MigNetKit

/// `mignet verify SPEC --setting FILE --pods FILE [--kubevirt FILE] [--nads FILE]`.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a live cluster against a spec, offline, from kubectl's output.",
        discussion: """
            Give the output of: kubectl get settings.harvesterhci.io vm-migration-network -o yaml \
            (--setting); kubectl get pods -n harvester-system -l kubevirt.io=virt-handler -o yaml \
            (--pods); optionally kubectl get kubevirt kubevirt -n harvester-system -o yaml \
            (--kubevirt) and kubectl get network-attachment-definitions -n harvester-system -o yaml \
            (--nads). JSON works as well as YAML; single objects and Lists both do. With --live, \
            mignet runs those four commands itself (--save DIR keeps their output as setting.yaml, \
            pods.yaml, kubevirt.yaml and nads.yaml). \
            Exit status: 0 every check passed, 2 a check failed, 1 an error in the spec or unusable \
            input (no Setting, a value Harvester cannot read, no pod), 64 wrong arguments.
            """
    )

    @OptionGroup var input: OneSpecInput

    @Option(help: ArgumentHelp("The Setting, as kubectl prints it (required without --live).", valueName: "file"))
    var setting: String?

    @Option(help: ArgumentHelp("The virt-handler pods, as kubectl prints them (required without --live).", valueName: "file"))
    var pods: String?

    @Option(help: ArgumentHelp("The KubeVirt object, as kubectl prints it.", valueName: "file"))
    var kubevirt: String?

    @Option(help: ArgumentHelp("The NADs of harvester-system, as kubectl prints them.", valueName: "file"))
    var nads: String?

    @OptionGroup var report: ReportOptions<Verification>

    @OptionGroup var kubectlOptions: KubectlOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if kubectlOptions.live {
            if setting != nil || pods != nil || kubevirt != nil || nads != nil {
                throw ValidationError("--live reads the Setting, pods, KubeVirt and NADs itself: give no files with it")
            }
        } else if setting == nil || pods == nil {
            throw ValidationError("give --setting and --pods (kubectl's output), or --live")
        }
    }

    func run() throws {
        let compiled = input.compile()
        let hasErrors = try diagnostics.report(compiled)
        guard !hasErrors, let compilation = compiled.result.compilations.first else { throw CommandFailure.reported() }

        var problems: [Diagnostic] = []
        // The four inputs, from files or from kubectl, by the name `--save` gives them.
        var files: [String: SourceFile] = [:]
        if kubectlOptions.live {
            do {
                (files, problems) = try kubectlOptions.kubectl.fetch(KubectlGet.verify, save: kubectlOptions.save)
            } catch {
                throw CommandFailure(error.description)
            }
        } else {
            for (name, path) in [("setting.yaml", setting), ("pods.yaml", pods), ("kubevirt.yaml", kubevirt), ("nads.yaml", nads)] {
                guard let path else { continue }
                switch SourceReader.read(path, kind: .kubectlOutput) {
                case .failure(let failure): problems.append(Diagnostic.unreadable(failure, file: path == "-" ? "<stdin>" : path))
                case .success(let source): files[name] = source
                }
            }
        }
        func objects(_ name: String) -> [KubeObject]? {
            guard let source = files[name] else { return nil }
            do { return try KubeObject.objects(in: source) } catch {
                problems += error.diagnostics
                return nil
            }
        }
        let settingObjects = objects("setting.yaml")
        let podObjects = objects("pods.yaml")
        let kubeVirtObjects = objects("kubevirt.yaml")
        let nadObjects = objects("nads.yaml")
        if problems.isEmpty, let settingObjects, let podObjects, let settingSource = files["setting.yaml"], let podsSource = files["pods.yaml"] {
            do { try Verification.requireUsable(setting: settingObjects, in: settingSource, pods: podObjects, in: podsSource, for: compilation) } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty, let settingObjects, let podObjects else {
            // kubectl's output is not a mignet file: its lines are not quoted.
            try diagnostics.report(problems, sources: [:])
            throw CommandFailure.reported()
        }
        guard let verification = Verification(compilation, setting: settingObjects, pods: podObjects, kubeVirt: kubeVirtObjects, nads: nadObjects) else {
            throw CommandFailure.reported()
        }
        try report.print(verification)
        if !verification.passed { throw CommandFailure.reported(.difference) }
    }
}
