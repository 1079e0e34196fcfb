import ArgumentParser
import Glibc
import MigNetKit

/// `mignet krm`: mignet as a KRM function (kustomize's exec functions, kpt).
struct KRM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "krm",
        abstract: "Run as a KRM function: a ResourceList on stdin whose functionConfig is a spec, the list with the cluster's objects added on stdout.",
        discussion: """
            Follows the KRM Functions Specification: the input items are kept, the --delivery \
            profile's objects are added, and every diagnostic becomes a results entry (severity, \
            the spec as resourceRef, the diagnostic code and its line and column in the \
            ResourceList as tags); the diagnostics also go to stderr as text. defaults: paths \
            resolve against the working folder (kustomize runs functions in the kustomization's \
            folder). Exit status: 0 rendered; 1 an error in the spec (the list then has no new \
            objects) or input that is not a ResourceList (nothing on stdout); 64 wrong arguments.
            """
    )

    @Option(help: ArgumentHelp("The profile whose objects are added: argocd, fleet or kubectl (default: kubectl, the full delivery).", valueName: "profile"))
    var delivery: Delivery = .kubectl

    @Option(help: ArgumentHelp("The folder defaults files must lie in (default: the git top level above the working folder, or the working folder).", valueName: "dir"))
    var root: String?

    func validate() throws {
        if let root, SpecRoots.realPath(root) == nil { throw ValidationError("--root \(root) does not exist.") }
    }

    func run() throws {
        let input: SourceFile
        switch SourceReader.read("-") {
        case .success(let source): input = source
        case .failure(let failure):
            Terminal.writeError("mignet: \(TerminalText.escaped(Diagnostic.unreadable(failure, file: "<stdin>").message))\n")
            throw ExitCode(1)
        }
        let outcome = KRMFunction.run(input, delivery: delivery, loader: DefaultsReader(specs: ["."], root: root))
        if let compiled = outcome.compiled {
            _ = try DiagnosticOptions.parse([]).report(SpecInputs.Compiled(result: compiled, inputs: []))
        }
        if let problem = outcome.problem { Terminal.writeError("mignet: \(TerminalText.escaped(problem))\n") }
        if let output = outcome.output { try Terminal.writeOutput(output) }
        if outcome.failed { throw ExitCode(1) }
    }
}

/// mignet run as kustomize's exec generator plugin: the executable
/// `$KUSTOMIZE_PLUGIN_HOME/mignet/v1/migrationnetwork/MigrationNetwork` is a symbolic link to
/// mignet, which kustomize runs in the kustomization's folder with the path of a temporary copy
/// of the generator's config (the spec, as kustomize re-serialised it) as its one argument.
enum GeneratorPlugin {
    /// The name mignet answers to as the plugin: the kind it generates from.
    static let executableName = MigrationNetworkSpec.kind
    /// The environment variable that picks the profile whose objects are printed.
    static let deliveryVariable = "MIGNET_DELIVERY"
    /// What diagnostics call the config: its lines are those of kustomize's copy.
    static let configName = "<kustomize generator config>"

    /// Whether mignet was started under the plugin's name.
    static func isInvoked(as argument0: String) -> Bool {
        argument0.split(separator: "/").last.map(String.init) == executableName
    }

    /// Prints the objects of the spec in `arguments[0]`; the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1 else {
            Terminal.writeError("mignet: as kustomize's \(executableName) generator, mignet takes one argument, the generator config's file (got \(arguments.count))\n")
            return 64
        }
        var delivery = Delivery.kubectl
        if let value = getenv(deliveryVariable).map({ String(cString: $0) }), !value.isEmpty {
            guard let chosen = Delivery(rawValue: value) else {
                Terminal.writeError("mignet: \(deliveryVariable)=\(TerminalText.escaped(value)) is not a profile: argocd, fleet or kubectl\n")
                return 1
            }
            delivery = chosen
        }
        let source: SourceFile
        switch SourceReader.read(arguments[0]) {
        case .success(let read): source = SourceFile(path: configName, bytes: read.bytes)
        case .failure(let failure):
            Terminal.writeError("mignet: \(TerminalText.escaped(Diagnostic.unreadable(failure, file: arguments[0]).message))\n")
            return 1
        }
        // Relative defaults: paths resolve against the working folder, the kustomization's.
        let result = Compiler().compile([SpecInput(source)], problems: [], loader: DefaultsReader(specs: ["."], root: nil))
        do {
            if try DiagnosticOptions.parse([]).report(SpecInputs.Compiled(result: result, inputs: [])) { return 1 }
            try Render.printObjects(SpecInputs.Compiled(result: result, inputs: []), delivery: delivery, cluster: nil)
        } catch let failure as Terminal.OutputFailure {
            if failure.errorNumber != EPIPE { Terminal.writeError("mignet: \(failure)\n") }
            return 1
        } catch {
            return 1
        }
        return 0
    }
}
