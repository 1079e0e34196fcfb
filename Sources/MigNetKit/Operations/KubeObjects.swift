import MigNetYAML

/// Kubernetes objects as `kubectl get -o yaml` or `-o json` prints them (JSON is read as YAML),
/// one object or a `List`, with the lookups mignet's operator commands need.
struct KubeObject: Sendable {
    /// The object's node.
    var node: YAMLNode

    /// The value at a path of mapping keys, if every step is there.
    func value(_ path: String...) -> YAMLNode? { lookup(path) }

    func lookup(_ path: [String]) -> YAMLNode? {
        var current: YAMLNode? = node
        for key in path {
            current = current?.pairs?.first { $0.key == key }?.value
        }
        return current
    }

    /// The string at a path (a scalar's text), if there is one.
    func string(_ path: String...) -> String? {
        guard let scalar = lookup(path)?.scalar, scalar.resolution != .null else { return nil }
        return scalar.value
    }

    /// `kind`.
    var kind: String? { string("kind") }
    /// `metadata.name`.
    var name: String? { string("metadata", "name") }
    /// `metadata.annotations` as strings.
    var annotations: [String: String] { strings(at: ["metadata", "annotations"]) }
    /// `metadata.labels` as strings.
    var labels: [String: String] { strings(at: ["metadata", "labels"]) }

    func strings(at path: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in lookup(path)?.pairs ?? [] {
            result[pair.key] = pair.value.scalar?.value
        }
        return result
    }

    /// The objects of a file: the items of a `List` (any `kind` ending in `List` with `items`),
    /// or the one object.
    static func objects(in source: SourceFile) throws(Diagnosed) -> [KubeObject] {
        let parsed = YAMLDocument(parsing: source.bytes)
        let diagnostics = parsed.problems.filter { problem in
            // kubectl never writes anchors or tags; duplicates and the rest are real problems.
            problem.isFatal || problem.kind == .nonScalarKey || { if case .duplicateKey = problem.kind { return true } else { return false } }()
        }.map { Diagnostic.yaml($0, file: source.path) }
        if !diagnostics.isEmpty { throw Diagnosed(diagnostics: diagnostics) }
        guard let root = parsed.root, root.pairs != nil else {
            throw Diagnosed(diagnostics: [.notKubernetesObjects(file: source.path, at: parsed.root?.mark)])
        }
        let object = KubeObject(node: root)
        if object.kind?.hasSuffix("List") == true, let items = object.value("items")?.items {
            return items.filter { $0.pairs != nil }.map(KubeObject.init)
        }
        return [object]
    }

    /// Where this object starts in `file`.
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }
}
