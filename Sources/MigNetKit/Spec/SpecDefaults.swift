import MigNetYAML

/// A defaults file: values that many specs share, merged field by field under each spec's own.
///
/// ```yaml
/// apiVersion: mignet/v1
/// kind: MigrationNetworkDefaults
/// spec:
///   clusterNetwork: migration
///   mtu: 9000
/// ```
///
/// A spec names it with a top-level `defaults: ../site-defaults.yaml`, relative to the spec's
/// folder. Every `spec` key may have a default; a spec's own value replaces the default whole
/// (lists are not appended to). Diagnostics about a default point into the defaults file.
struct SpecDefaults: Sendable {
    /// The kind of a defaults file.
    static let kind = "MigrationNetworkDefaults"

    /// The defaults file's path.
    var file: String
    /// The `spec` pairs of the defaults file, by key.
    var fields: [String: YAMLPair]

    /// Parses and checks a defaults file: its diagnostics, and the defaults when it is usable.
    /// `declaresKind`: whether the file says it is a mignet file, so its lines may be quoted.
    static func decode(_ source: SourceFile) -> (defaults: SpecDefaults?, diagnostics: DiagnosticCollector, declaresKind: Bool) {
        let parsed = YAMLDocument(parsing: source.bytes, maximumDepth: SourceFile.Kind.spec.maximumDepth)
        let declaresKind = Compiler.declares([kind, MigrationNetworkSpec.kind], parsed, source)
        var decoder = SpecDecoder(file: source.path)
        decoder.diagnostics.append(yamlProblems: parsed.problems, file: source.path)
        if parsed.problems.contains(where: \.isFatal) { return (nil, decoder.diagnostics, declaresKind) }
        let fields = decoder.decodeDefaults(parsed.root)
        return (fields.map { SpecDefaults(file: source.path, fields: $0) }, decoder.diagnostics, declaresKind)
    }
}
