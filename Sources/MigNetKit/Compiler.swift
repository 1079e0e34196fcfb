import MigNetYAML

/// The outcome of compiling one spec file.
public struct Compilation: Sendable {
    /// The file's path as given.
    public var file: String
    /// The decoded spec, when the file was a readable `mignet/v1` spec.
    public var spec: MigrationNetworkSpec?
    /// The validated network; present only when no diagnostic is an error.
    public var network: MigrationNetwork?
    /// Every diagnostic, sorted by location.
    public var diagnostics: [Diagnostic]

    /// The manifests, present only when the spec is valid.
    public var rendered: RenderedCluster? { network.map(RenderedCluster.init) }
}

/// mignet's pipeline: source bytes → YAML nodes → typed spec → validated network. Rendering
/// then goes through `RenderedCluster`. The one public entry point the CLI calls.
public struct Compiler: Sendable {
    /// The YAML parser, with its limits.
    public var parser: YAMLParser

    /// Creates a compiler.
    public init(parser: YAMLParser = YAMLParser()) {
        self.parser = parser
    }

    /// Compiles one file.
    public func compile(_ source: SourceFile) -> Compilation {
        guard source.bytes.count <= SourceFile.maximumSize else {
            return Compilation(file: source.path, diagnostics: [.inputTooLarge(size: source.bytes.count, file: source.path)])
        }
        let parsed = parser.parse(source.bytes)
        var diagnostics = parsed.problems.map { Diagnostic.yaml($0, file: source.path) }
        if parsed.problems.contains(where: \.isFatal) {
            return Compilation(file: source.path, diagnostics: diagnostics.sortedByLocation())
        }
        var decoder = SpecDecoder(file: source.path)
        let spec = decoder.decode(parsed.root)
        diagnostics += decoder.diagnostics
        if let spec {
            diagnostics += SpecValidator().validate(spec)
        }
        let network = diagnostics.hasErrors ? nil : spec.flatMap(MigrationNetwork.init(validated:))
        return Compilation(file: source.path, spec: spec, network: network, diagnostics: diagnostics.sortedByLocation())
    }

    /// Compiles several files and checks them against each other: two specs may not share a
    /// name, since the name is the output folder. Results are in the order of `sources`.
    public func compile(_ sources: [SourceFile]) -> [Compilation] {
        var compilations = sources.map(compile)
        var firstByName: [String: SourceLocation] = [:]
        for index in compilations.indices {
            guard let name = compilations[index].spec?.name else { continue }
            if let first = firstByName[name.value] {
                compilations[index].diagnostics.append(.duplicateName(name.value, at: name.location, first: first))
                compilations[index].diagnostics = compilations[index].diagnostics.sortedByLocation()
                compilations[index].network = nil
            } else {
                firstByName[name.value] = name.location
            }
        }
        return compilations
    }
}
