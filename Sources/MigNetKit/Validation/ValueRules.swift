/// The rules on what a valid spec renders, run once the spec rules pass and the network and its
/// setting value are built: they need the value, and no rule builds a model of an unvalidated spec.
enum ValueRules {
    /// The diagnostics about `value`, the setting value `spec` renders.
    static func check(_ spec: MigrationNetworkSpec, _ network: MigrationNetwork, _ value: SettingValue) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // pinnedValue that is the UI's spelling anyway says nothing: remove it.
        if let pinned = spec.pinnedValue, let configuration = network.configuration, pinned.value == SettingValue.uiSpelling(of: configuration) {
            diagnostics.append(.pinnedValueRedundant(at: pinned.location))
        }
        // adoptedNAD is kept only while the spec renders the very value the NAD was made for.
        if let adopted = spec.adoptedNAD, network.configuration != nil, adopted.hash.value != value.hash,
           adopted.hash.value.count == 40 {
            diagnostics.append(.adoptedNADStale(hash: adopted.hash.value, current: value.hash, at: adopted.hash.location))
        }
        return diagnostics
    }
}
