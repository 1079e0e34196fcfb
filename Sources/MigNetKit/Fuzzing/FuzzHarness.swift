import MigNetYAML

/// The whole pipeline on arbitrary bytes, with its invariants checked: what the fuzz target
/// runs, and what the tests run over the seed corpus and every input the fuzzer ever crashed on.
///
/// It must never crash except on a broken invariant, which it reports with `preconditionFailure`
/// (the fuzzer's signal). The invariants: every diagnostic formats; a spec mignet accepts renders
/// in every profile, as YAML that reads back to the same strings; its value is one Harvester's
/// controller reads as the spec's own fields; its NAD config is the one Harvester builds from
/// them (harvester/harvester pkg/util/network/common.go).
public enum FuzzHarness {
    /// Runs the pipeline on `bytes` as a spec file.
    public static func run(_ bytes: [UInt8]) {
        let source = SourceFile(path: "fuzz.yaml", bytes: bytes)
        let compilation = Compiler().compile(source)
        checkFormats(compilation.diagnostics, sources: ["fuzz.yaml": source])
        checkDefaults(bytes)
        guard let rendered = compilation.render() else {
            check(compilation.diagnostics.hasErrors || !compilation.isSpec, "a spec without errors did not render")
            return
        }
        check(!compilation.diagnostics.hasErrors, "a spec with errors rendered")
        for file in rendered.files() { checkReadsBack(file) }
        for delivery in Delivery.allCases {
            for file in delivery.folder(for: rendered).files where file.name.hasSuffix(".yaml") { checkReadsBack(file) }
        }
        guard let configuration = compilation.network?.configuration, let nad = rendered.networkAttachmentDefinition else {
            check(rendered.setting.value.text.isEmpty, "a disabled spec rendered a value")
            return
        }
        let value: HarvesterValue
        do {
            value = try HarvesterValue(parsing: rendered.setting.value.text)
        } catch {
            preconditionFailure("Harvester could not read the rendered value: \(error)")
        }
        check(value.clusterNetwork == configuration.clusterNetwork && value.vlan == configuration.vlan
              && value.range == configuration.range.description && value.exclude == configuration.exclude.map(\.description),
              "the rendered value means something else than the spec")
        check(nad.hash == SettingValue(text: rendered.setting.value.text).hash, "the NAD's hash label is not the value's hash")
        check(nad.config == NetworkAttachmentDefinition.config(for: configuration), "the NAD config is not built from the value")
    }

    /// Every format, with the default cap and with a cap of one, so that omissions are formatted
    /// too; the text never holds a raw control character but the line breaks it writes itself.
    private static func checkFormats(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) {
        for report in [DiagnosticReport(diagnostics), DiagnosticReport(diagnostics, limitPerFile: 1)] {
            let text = TextDiagnosticFormatter().format(report, sources: sources)
            check(!text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && TerminalText.needsEscape($0) }, "the text format printed a raw control character")
            _ = MachineDiagnosticFormatter.json(report)
            let github = MachineDiagnosticFormatter.github(report)
            check(github.split(separator: "\n").allSatisfy { $0.hasPrefix("::") }, "a github line does not start a workflow command")
        }
    }

    /// The same bytes as a defaults file, named from a spec by a path made of them: resolution,
    /// loading and the diagnostics that point into the defaults file.
    private static func checkDefaults(_ bytes: [UInt8]) {
        let reference = String(decoding: bytes.prefix(48).filter { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        let resolved = SourcePath.resolve(reference, from: "clusters/spec.yaml")
        check(!resolved.isEmpty && !resolved.contains("//"), "a defaults path resolved to '\(resolved)'")
        check(SourcePath.normalize(resolved) == resolved, "resolving a defaults path is not idempotent")
        let spec = SourceFile(path: "clusters/spec.yaml", text: "apiVersion: mignet/v1\nkind: MigrationNetwork\ndefaults: d.yaml\nmetadata:\n  name: f\nspec:\n  nodes: 3\n")
        let defaults = String(decoding: bytes, as: UTF8.self)
        let compilation = Compiler().compile([SpecInput(spec)], loader: InMemorySourceLoader(["clusters/d.yaml": defaults]))[0]
        check(compilation.defaultsFile == "clusters/d.yaml", "the defaults file was not resolved from the spec's folder")
        checkFormats(compilation.diagnostics, sources: Dictionary(compilation.excerptSources.map { ($0.path, $0) }) { first, _ in first })
    }

    private static func checkReadsBack(_ file: OutputFile) {
        let parsed = YAMLDocument(parsing: Array(file.contents.utf8))
        check(parsed.problems.isEmpty && parsed.root != nil, "\(file.name) does not read back as YAML")
    }

    private static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { preconditionFailure(message()) }
    }
}
