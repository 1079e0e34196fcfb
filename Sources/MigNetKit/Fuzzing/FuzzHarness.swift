import MigNetYAML

/// The whole pipeline on arbitrary bytes, with its invariants checked: what the fuzz target
/// runs, and what the tests run over the seed corpus and every input the fuzzer ever crashed on.
///
/// It must never crash except on a broken invariant, which it reports with `preconditionFailure`
/// (the fuzzer's signal). The invariants: every diagnostic formats; a spec mignet accepts renders
/// in every profile, as YAML that reads back to the same strings; its value is one Harvester's
/// controller reads as the spec's own fields; its NAD config is the one facts §3 builds from them.
public enum FuzzHarness {
    /// Runs the pipeline on `bytes` as a spec file.
    public static func run(_ bytes: [UInt8]) {
        let source = SourceFile(path: "fuzz.yaml", bytes: bytes)
        let compilation = Compiler().compile(source)
        _ = TextDiagnosticFormatter().format(compilation.diagnostics, sources: ["fuzz.yaml": source])
        _ = MachineDiagnosticFormatter.json(compilation.diagnostics)
        _ = MachineDiagnosticFormatter.github(compilation.diagnostics)
        guard let rendered = compilation.rendered else {
            check(compilation.diagnostics.hasErrors || compilation.spec == nil, "a spec without errors did not render")
            return
        }
        check(!compilation.diagnostics.hasErrors, "a spec with errors rendered")
        do {
            for file in try rendered.files() { checkReadsBack(file) }
            for delivery in Delivery.allCases {
                for file in try delivery.folder(for: rendered).files where file.name.hasSuffix(".yaml") { checkReadsBack(file) }
            }
        } catch {
            preconditionFailure("rendering failed: \(error)")
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

    private static func checkReadsBack(_ file: OutputFile) {
        let parsed = YAMLParser().parse(Array(file.contents.utf8))
        check(parsed.problems.isEmpty && parsed.root != nil, "\(file.name) does not read back as YAML")
    }

    private static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { preconditionFailure(message()) }
    }
}
