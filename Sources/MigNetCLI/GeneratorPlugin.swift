import ArgumentParser
import MigNetKit

/// mignet run as kustomize's exec generator plugin: the executable
/// `$KUSTOMIZE_PLUGIN_HOME/mignet/v1/migrationnetwork/MigrationNetwork` is a symbolic link to
/// mignet, which kustomize runs in the kustomization's folder with the path of a temporary copy
/// of the generator's config (the spec, as kustomize re-serialised it) as its one argument.
enum GeneratorPlugin {
    /// The name mignet answers to as the plugin: the kind it generates from.
    static let executableName = SpecSchema.kind
    /// The environment variable that picks the profile whose objects are printed.
    static let deliveryVariable = "MIGNET_DELIVERY"
    /// What diagnostics call the config: its lines are those of kustomize's copy.
    static let configName = "<kustomize generator config>"

    /// Whether mignet was started under the plugin's name.
    static func isInvoked(as argument0: String) -> Bool {
        argument0.split(separator: "/").last.map(String.init) == executableName
    }

    /// Prints the objects of the spec in `arguments[0]`; a failure is a `CommandFailure` with its
    /// message written, or a failed write to stdout, as for any command.
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 1, !arguments[0].hasPrefix("-") || arguments[0] == "-" else {
            let got = arguments.count == 1 ? "got the option '\(arguments[0])'" : "got \(arguments.count)"
            throw CommandFailure("as kustomize's \(executableName) generator, mignet takes one argument, the generator config's file (\(got)); run it as mignet for its commands and help", status: .usage)
        }
        var delivery = Delivery.kubectl
        if let value = Environment.value(deliveryVariable) {
            guard let chosen = Delivery(rawValue: value) else {
                throw CommandFailure("\(deliveryVariable)=\(value) is not a profile: argocd, fleet or kubectl")
            }
            delivery = chosen
        }
        let source: SourceFile
        switch SourceReader.read(arguments[0]) {
        case .success(let read): source = SourceFile(path: configName, bytes: read.bytes)
        case .failure(let failure):
            throw CommandFailure(Diagnostic.unreadable(failure, file: arguments[0]).message)
        }
        // Relative defaults: paths resolve against the working folder, the kustomization's.
        let result = Compiler.compile([SpecInput(source)], problems: [], loader: DefaultsReader(specs: ["."], root: nil))
        let compiled = SpecInputs.Compiled(result: result, inputs: [])
        if try DiagnosticReporter.text.report(compiled) { throw CommandFailure.reported() }
        try Render.printObjects(compiled, delivery: delivery, cluster: nil)
    }
}
