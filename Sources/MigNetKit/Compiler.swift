import MigNetYAML
import Synchronization

/// A file to compile, and whether the user named it or it was found in a folder.
package struct SpecInput: Sendable {
    /// The file.
    var source: SourceFile
    /// True for a file found by searching a folder: it is compiled only when it is a spec
    /// (`kind: MigrationNetwork`); other YAML is skipped silently.
    var discovered: Bool
    /// The top-level key whose value is the spec, when the file wraps it (a KRM function's
    /// `ResourceList` holds it under `functionConfig`); diagnostics keep the file's own lines.
    var member: String?
    /// What the file is read as, which sets its size and depth limits: a spec's, or the
    /// wrapper's when the spec is a member of it.
    var kind: SourceFile.Kind

    /// Creates an input.
    package init(_ source: SourceFile, discovered: Bool = false, member: String? = nil, kind: SourceFile.Kind = .spec) {
        self.source = source
        self.discovered = discovered
        self.member = member
        self.kind = kind
    }
}

/// The outcome of compiling one spec file.
package struct Compilation: Sendable {
    /// The file's path as given.
    package var file: String
    /// The spec's `metadata.name` where it is written, valid or not; the decoded spec itself
    /// stays in the compiler, and a repository of thousands of specs holds none of them.
    var locatedName: Located<String>?
    /// Whether the file was read as a spec (valid or not).
    package var isSpec = false
    /// The validated cluster; present only when no diagnostic is an error.
    var cluster: ValidatedCluster?

    /// The spec's `metadata.name`, valid or not.
    package var name: String? { locatedName?.value }
    /// Whether the spec is valid and renders: no error, kept or only counted past the budget.
    package var isValid: Bool { cluster != nil && value != nil }
    /// The validated network (`cluster.network`).
    var network: MigrationNetwork? { cluster?.network }
    /// Every diagnostic, sorted by location, those of its defaults file included.
    package var diagnostics: [Diagnostic]
    /// The diagnostics beyond `DiagnosticCollector.budget`, counted only.
    var tallies: [DiagnosticTally] = []
    /// The files whose lines diagnostics may quote: the spec and its defaults file, each only
    /// when it declares a mignet `kind`. Any other file's text is withheld from excerpts, so that
    /// a file named by mistake or by a hostile `defaults:` is never printed.
    var excerptSources: [SourceFile] = []
    /// The path of the defaults file the spec names, resolved from the spec's folder.
    package var defaultsFile: String?

    /// The setting value and its hash, computed once when the spec is valid; the value rules
    /// and the rendering take them from here.
    var value: SettingValue?

    /// The manifests of a valid spec: the rendering stage, run when called (never on property
    /// access), from the network and value computed once.
    func render() -> RenderedCluster? {
        guard let network, let value else { return nil }
        return RenderedCluster(network, value: value)
    }
}

/// What compiling a set of inputs gave: the compilations, every diagnostic exactly once and
/// sorted (a defaults file's come with every spec that names it, and are reported once), and the
/// files diagnostics may quote, as loaded: nothing is read again to show a line.
package struct CompileResult: Sendable {
    /// The compilations, in input order, less the discovered files that are not specs.
    package var compilations: [Compilation]
    /// Every diagnostic once, sorted by location.
    package var diagnostics: [Diagnostic]
    /// The diagnostics past a file's budget, counted once per file and code.
    var tallies: [DiagnosticTally]
    /// The files whose lines diagnostics may quote, by path.
    var sources: [String: SourceFile]

    /// Every diagnostic and count of the inputs in one report, with the files it quotes;
    /// `warningsAsErrors` for `--warnings-as-errors`.
    package func report(warningsAsErrors: Bool) -> DiagnosticReport {
        DiagnosticReport(diagnostics, tallies: tallies, sources: sources, warningsAsErrors: warningsAsErrors)
    }
}

/// mignet's pipeline: source bytes → YAML nodes → typed spec → validated network and its value.
/// Rendering then goes through `Compilation.render()` and `RenderedCluster`. The one package entry point the CLI calls.
package struct Compiler: Sendable {
    /// Compiles one file the user named, with no defaults file available.
    func compile(_ source: SourceFile) -> Compilation {
        compile([SpecInput(source)])[0]
    }

    /// Compiles many files on up to `jobs` threads, loading defaults files through `loader`
    /// (each once), and checks the specs against each other: two specs may not share a name,
    /// since the name is the output folder. Results follow the order of `inputs`, less the
    /// discovered files that are not specs; they do not depend on `jobs`.
    func compile(_ inputs: [SpecInput], loader: any SourceLoader = InMemorySourceLoader([:]), jobs: Int = 1) -> [Compilation] {
        // One pass per file, parse then check, so that no more than a thread's worth of YAML
        // trees is alive at once; defaults files are loaded on first use, each once.
        let defaults = DefaultsCache(loader: loader)
        var compilations = Parallel.map(inputs, jobs: jobs) { input -> Compilation? in
            guard let file = parse(input) else { return nil }
            if let nearMiss = file.nearMiss { return Compilation(file: file.source.path, diagnostics: [nearMiss], excerptSources: []) }
            return check(file, defaults: file.defaultsPath.map { defaults.load($0) })
        }.compactMap { $0 }
        rejectDuplicateNames(&compilations)
        return compilations
    }

    /// Compiles `inputs` as `compile(_:loader:jobs:)` does, with `problems` (files that could not
    /// be found or read), into one result.
    package static func compile(_ inputs: [SpecInput], problems: [Diagnostic], loader: any SourceLoader = InMemorySourceLoader([:]), jobs: Int = 1) -> CompileResult {
        Compiler().compile(inputs, problems: problems, loader: loader, jobs: jobs)
    }

    /// `compile(_:problems:loader:jobs:)` of this compiler.
    func compile(_ inputs: [SpecInput], problems: [Diagnostic], loader: any SourceLoader = InMemorySourceLoader([:]), jobs: Int = 1) -> CompileResult {
        let compilations = compile(inputs, loader: loader, jobs: jobs)
        var seen = Set<Diagnostic>()
        let diagnostics = (problems + compilations.flatMap(\.diagnostics)).sortedByLocation().filter { seen.insert($0).inserted }
        var seenTallies = Set<DiagnosticTally>()
        let tallies = compilations.flatMap(\.tallies).filter { seenTallies.insert($0).inserted }
        // The files diagnostics point into, and only those.
        let quoted = Set(diagnostics.map(\.location.file) + diagnostics.flatMap { $0.notes.compactMap(\.location?.file) })
        var sources: [String: SourceFile] = [:]
        for source in compilations.flatMap(\.excerptSources) where quoted.contains(source.path) { sources[source.path] = source }
        return CompileResult(compilations: compilations, diagnostics: diagnostics, tallies: tallies, sources: sources)
    }

    /// Defaults files loaded once each, whichever thread asks first.
    final class DefaultsCache: Sendable {
        let loader: any SourceLoader
        let loaded = Mutex<[String: LoadedDefaults]>([:])

        init(loader: any SourceLoader) {
            self.loader = loader
        }

        func load(_ path: String) -> LoadedDefaults {
            // Held while loading: a second thread asking for the same file waits for it.
            loaded.withLock { loaded in
                if let done = loaded[path] { return done }
                let result: LoadedDefaults
                switch loader.load(path) {
                case .success(let source):
                    let decoded = SpecDefaults.decode(source)
                    result = LoadedDefaults(defaults: decoded.defaults, diagnostics: decoded.diagnostics,
                                            excerptSource: decoded.declaresKind ? source : nil)
                case .failure(let error):
                    result = LoadedDefaults(diagnostics: DiagnosticCollector(), failure: error)
                }
                loaded[path] = result
                return result
            }
        }
    }

    /// A parsed input, or nil for a discovered file that is not a spec.
    struct ParsedFile: Sendable {
        var source: SourceFile
        var result: YAMLDocument
        var defaultsReference: Located<String>?
        var defaultsPath: String?
        var declaresKind: Bool
        /// For a discovered file that is not a spec: the warning that its kind is nearly one.
        var nearMiss: Diagnostic?
        /// Why the file was not parsed at all: it is over the size limit.
        var tooLarge: SourceLoadError?
    }

    /// A loaded defaults file, or why there is none.
    struct LoadedDefaults: Sendable {
        var defaults: SpecDefaults?
        var diagnostics: DiagnosticCollector
        var failure: SourceLoadError?
        /// The file, when its lines may be quoted.
        var excerptSource: SourceFile?
    }

    private func parse(_ input: SpecInput) -> ParsedFile? {
        let source = input.source
        if let tooLarge = SourceFile.sizeError(source.bytes.count, kind: input.kind) {
            if input.discovered { return nil }
            return ParsedFile(source: source, result: YAMLDocument(parsing: []), declaresKind: false, tooLarge: tooLarge)
        }
        var result = YAMLDocument(parsing: source.bytes, maximumDepth: input.kind.maximumDepth)
        if let member = input.member { result.root = result.root?.pairs?.first { $0.key == member }?.value }
        let declaresSpec = Self.declares([MigrationNetworkSpec.kind], result, source)
        if input.discovered && !declaresSpec {
            return Self.nearMissKind(result, source).map { ParsedFile(source: source, result: result, declaresKind: false, nearMiss: $0) }
        }
        let reference = SpecDecoder.defaultsReference(in: result.root, file: source.path)
        return ParsedFile(source: source, result: result, defaultsReference: reference,
                          defaultsPath: reference.map { SourcePath.resolve($0.value, from: source.path) },
                          declaresKind: declaresSpec || Self.declares([SpecDefaults.kind], result, source))
    }

    /// The warning for a parsed file whose top-level `kind` is a near miss of `MigrationNetwork`
    /// (another case, or a few letters off), or nil.
    static func nearMissKind(_ result: YAMLDocument, _ source: SourceFile) -> Diagnostic? {
        guard let pair = result.root?.pairs?.first(where: { $0.key == "kind" }), let kind = pair.value.scalar?.value,
              kind != SpecDefaults.kind, kind.utf8.count < 64,
              Spelling.closest(to: kind, among: [MigrationNetworkSpec.kind]) != nil else { return nil }
        return .kindNearMiss(kind, at: SourceLocation(file: source.path, line: pair.value.mark.line, column: pair.value.mark.column))
    }

    /// Whether a file declares one of `kinds`: its top-level `kind` is one of them or, when it
    /// does not parse, a line of it says so (so that a broken spec is reported, not skipped).
    static func declares(_ kinds: Set<String>, _ result: YAMLDocument, _ source: SourceFile) -> Bool {
        if let pairs = result.root?.pairs {
            return pairs.first { $0.key == "kind" }?.value.scalar.map { kinds.contains($0.value) } ?? false
        }
        guard result.problems.contains(where: \.isFatal) else { return false }
        return String(decoding: source.bytes, as: UTF8.self).split(whereSeparator: \.isNewline).contains { line in
            line.hasPrefix("kind:") && kinds.contains(String(line.dropFirst(5).trimmingSpaces()))
        }
    }

    private func check(_ file: ParsedFile, defaults: LoadedDefaults?) -> Compilation {
        let path = file.source.path
        if let tooLarge = file.tooLarge {
            return Compilation(file: path, diagnostics: [.unreadable(tooLarge, file: path)])
        }
        var collected = DiagnosticCollector()
        collected.append(yamlProblems: file.result.problems, file: path)
        let excerptSources = (file.declaresKind ? [file.source] : []) + (defaults?.excerptSource.map { [$0] } ?? [])
        func compilation(spec: MigrationNetworkSpec? = nil, cluster: ValidatedCluster? = nil, value: SettingValue? = nil) -> Compilation {
            // Sources are kept only where a diagnostic may quote them: a repository of thousands
            // of valid specs holds none of their bytes after compiling.
            let quoted = collected.kept.isEmpty && collected.tallies.isEmpty ? [] : excerptSources
            return Compilation(file: path, locatedName: spec?.name, isSpec: spec != nil, cluster: cluster, diagnostics: collected.kept.sortedByLocation(), tallies: collected.tallies,
                               excerptSources: quoted, defaultsFile: file.defaultsPath, value: value)
        }
        if file.result.problems.contains(where: \.isFatal) { return compilation() }
        if let defaults, let reference = file.defaultsReference, let resolved = file.defaultsPath {
            collected.append(defaults.diagnostics)
            if let failure = defaults.failure {
                collected.append(.defaultsUnreadable(reference, resolved: resolved, reason: failure))
            }
        }
        var decoder = SpecDecoder(file: path)
        decoder.diagnostics = collected
        let spec = decoder.decode(file.result.root, defaults: defaults?.defaults)
        collected = decoder.diagnostics
        guard let spec else { return compilation() }
        // Spec rules on the decoded spec; only when they pass are the network and its rendering
        // (value, hash, NAD) built, once, and the value rules run on them.
        let plan = SpecValidator().validate(spec, into: &collected)
        guard !collected.kept.hasErrors, !collected.tallies.hasErrors, let network = MigrationNetwork(validated: spec) else {
            return compilation(spec: spec)
        }
        let value = SettingValue(network.configuration)
        collected.append(contentsOf: ValueRules.check(spec, network, value))
        guard !collected.kept.hasErrors else { return compilation(spec: spec) }
        return compilation(spec: spec, cluster: ValidatedCluster(spec: spec, network: network, plan: plan), value: value)
    }

    private func rejectDuplicateNames(_ compilations: inout [Compilation]) {
        var firstByName: [String: SourceLocation] = [:]
        for index in compilations.indices {
            guard let name = compilations[index].locatedName else { continue }
            if let first = firstByName[name.value] {
                compilations[index].diagnostics.append(.duplicateName(name.value, at: name.location, first: first))
                compilations[index].diagnostics = compilations[index].diagnostics.sortedByLocation()
                compilations[index].cluster = nil
                compilations[index].value = nil
            } else {
                firstByName[name.value] = name.location
            }
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var text = drop(while: { $0 == " " || $0 == "\t" })
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
