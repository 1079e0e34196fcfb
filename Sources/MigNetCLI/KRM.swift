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

    @OptionGroup var deliveryOption: DeliveryOption

    @Option(help: ArgumentHelp("The folder defaults files must lie in (default: the git top level above the working folder, or the working folder).", valueName: "dir"))
    var root: String?

    func validate() throws {
        if let root, FileSystems.current.realPath(root) == nil { throw ValidationError("--root \(root) does not exist.") }
    }

    func run() throws {
        let input: SourceFile
        switch SourceReader.read("-", kind: .resourceList) {
        case .success(let source): input = source
        case .failure(let failure):
            throw CommandFailure(Diagnostic.unreadable(failure, file: "<stdin>").message)
        }
        let outcome = KRMFunction.run(input, delivery: deliveryOption.profile(repository: nil), loader: DefaultsReader(specs: ["."], root: root))
        if let compiled = outcome.compiled {
            _ = try DiagnosticReporter.text.report(SpecInputs.Compiled(result: compiled, inputs: []))
        }
        if let output = outcome.output { try Terminal.writeOutput(output) }
        if let problem = outcome.problem { throw CommandFailure(problem) }
        if outcome.failed { throw CommandFailure.reported() }
    }
}
