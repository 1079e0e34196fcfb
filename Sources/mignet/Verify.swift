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
            (--nads). JSON works as well as YAML; single objects and Lists both do. \
            Exit status: 0 every check passed, 2 a check failed, 1 an error in the spec or unusable \
            input (no Setting, a value Harvester cannot read, no pod), 64 wrong arguments.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: OneSpecInput

    @Option(help: ArgumentHelp("The Setting, as kubectl prints it.", valueName: "file"))
    var setting: String

    @Option(help: ArgumentHelp("The virt-handler pods, as kubectl prints them.", valueName: "file"))
    var pods: String

    @Option(help: ArgumentHelp("The KubeVirt object, as kubectl prints it.", valueName: "file"))
    var kubevirt: String?

    @Option(help: ArgumentHelp("The NADs of harvester-system, as kubectl prints them.", valueName: "file"))
    var nads: String?

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let compiled = input.compile()
        let hasErrors = try diagnostics.report(compiled)
        guard !hasErrors, let compilation = compiled.result.compilations.first,
              let spec = compilation.spec, let rendered = compilation.render() else { throw ExitCode(1) }

        var problems: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        func objects(_ path: String?) -> [KubeObject]? {
            guard let path else { return nil }
            switch SourceReader.read(path) {
            case .failure(let failure):
                problems.append(Diagnostic.unreadable(failure, file: path == "-" ? "<stdin>" : path))
                return nil
            case .success(let source):
                sources[source.path] = source
                do { return try KubeObject.objects(in: source) } catch {
                    problems += error.diagnostics
                    return nil
                }
            }
        }
        let settingObjects = objects(setting)
        let podObjects = objects(pods)
        let kubeVirtObjects = objects(kubevirt)
        let nadObjects = objects(nads)
        if problems.isEmpty, let settingObjects, let podObjects, let settingSource = sources[setting == "-" ? "<stdin>" : setting],
           let podsSource = sources[pods == "-" ? "<stdin>" : pods] {
            do { try Verification.requireUsable(setting: settingObjects, in: settingSource, pods: podObjects, in: podsSource, release: spec.release) } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty, let settingObjects, let podObjects else {
            // kubectl's output is not a mignet file: its lines are not quoted.
            try diagnostics.report(problems, sources: [:])
            throw ExitCode(1)
        }
        let verification = Verification(expected: rendered, plan: AddressPlan(spec), setting: settingObjects, pods: podObjects,
                                        kubeVirt: kubeVirtObjects, nads: nadObjects)
        try Terminal.writeOutput(format == .json ? verification.json.pretty : verification.text)
        if !verification.passed { throw ExitCode(2) }
    }
}
