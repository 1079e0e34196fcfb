import MigNetYAML

/// mignet as a KRM function (the KRM Functions Specification, `config.kubernetes.io/v1`): it
/// reads a `ResourceList` whose `functionConfig` is a spec and returns the same list with the
/// cluster's objects added to `items`, and every diagnostic as a `results` entry. Any error
/// fails the function: the list then carries the input items and the results, nothing rendered.
package enum KRMFunction {
    /// The wrapper's kind.
    static let kind = "ResourceList"
    /// The apiVersion written when the input names none.
    static let apiVersion = "config.kubernetes.io/v1"
    /// The key the spec sits under.
    static let member = "functionConfig"

    /// What a run gives.
    package struct Outcome: Sendable {
        /// The output ResourceList, or nil when the input is not one (then `problem` says why).
        package var output: String?
        /// Why the input could not be read as a ResourceList.
        package var problem: String?
        /// What compiling the spec gave (empty when it was not reached).
        package var compiled: CompileResult?
        /// Whether the function failed: exit status non-zero.
        package var failed: Bool
    }

    /// Runs the function over `input` (standard input's bytes), rendering the `delivery` profile's
    /// objects; `defaults:` files load through `loader`.
    package static func run(_ input: SourceFile, delivery: Delivery, loader: any SourceLoader) -> Outcome {
        let parsed = YAMLDocument(parsing: input.bytes, maximumDepth: SourceFile.Kind.resourceList.maximumDepth)
        if let problem = parsed.problems.first(where: \.isFatal) {
            let diagnostic = Diagnostic.yaml(problem, file: input.path)
            return Outcome(problem: "\(input.path):\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)", failed: true)
        }
        guard let root = parsed.root, let pairs = root.pairs,
              pairs.first(where: { $0.key == "kind" })?.value.scalar?.value == kind else {
            return Outcome(problem: "standard input is not a KRM ResourceList (kind: \(kind))", failed: true)
        }
        let items = pairs.first { $0.key == "items" }?.value
        guard items == nil || items?.items != nil else {
            return Outcome(problem: "the ResourceList's items is not a list", failed: true)
        }
        let inputItems = (items?.items ?? []).map(\.value)
        let version = pairs.first { $0.key == "apiVersion" }?.value.scalar?.value ?? apiVersion
        let config = pairs.first { $0.key == member }?.value
        guard let config else {
            let result = KRMResultsSink().result("the ResourceList has no functionConfig: it must be a MigrationNetwork spec", severity: .error, code: nil, at: nil)
            return written(version: version, items: inputItems, config: nil, results: [result], compiled: nil, failed: true)
        }

        let compiled = Compiler().compile([SpecInput(input, member: member, kind: .resourceList)], problems: [], loader: loader)
        let compilation = compiled.compilations.first
        let name = compilation?.name
        let path = annotation(of: config, among: ["internal.config.kubernetes.io/path", "config.kubernetes.io/path"])
        let results = KRMResultsSink(name: name, path: path).results(DiagnosticReport(compiled.diagnostics, tallies: compiled.tallies))
        let failed = compiled.diagnostics.hasErrors || compiled.tallies.hasErrors
        var outputItems = inputItems
        if !failed, let cluster = compilation?.render() {
            outputItems += delivery.objectFiles(for: cluster).flatMap(\.documents)
        }
        // A config that failed is not echoed back: the results say what is wrong with it, and
        // its text (a hostile key, say) stays out of the output.
        return written(version: version, items: outputItems, config: failed ? nil : config.value, results: results, compiled: compiled, failed: failed)
    }

    /// The outcome of writing the output list.
    static func written(version: String, items: [YAMLValue], config: YAMLValue?, results: [YAMLValue], compiled: CompileResult?, failed: Bool) -> Outcome {
        Outcome(output: emit(version: version, items: items, config: config, results: results), compiled: compiled, failed: failed)
    }

    /// The value of the first of `keys` among a node's `metadata.annotations`.
    static func annotation(of node: YAMLNode, among keys: [String]) -> String? {
        let annotations = node.pairs?.first { $0.key == "metadata" }?.value.pairs?.first { $0.key == "annotations" }?.value.pairs
        for key in keys {
            if let value = annotations?.first(where: { $0.key == key })?.value.scalar?.value { return value }
        }
        return nil
    }

    static func emit(version: String, items: [YAMLValue], config: YAMLValue?, results: [YAMLValue]) -> String {
        var entries = [
            YAMLEntry("apiVersion", .string(version)),
            YAMLEntry("kind", .string(kind)),
            YAMLEntry("items", .sequence(items)),
        ]
        if let config { entries.append(YAMLEntry(member, config)) }
        if !results.isEmpty { entries.append(YAMLEntry("results", .sequence(results))) }
        return YAMLEmitter.emitSeparately([.mapping(entries)]).joined()
    }
}
