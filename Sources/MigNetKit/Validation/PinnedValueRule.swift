/// `pinnedValue` renders a value spelled otherwise than the Harvester UI writes it (a cluster
/// configured by hand keeps its exact bytes, so its hash, NAD and virt-handler pods stay). It
/// must be a value Harvester's controller can read, and mean exactly what the other fields say.
/// (Whether it is the UI's spelling anyway is a value rule: `ValueRules`.)
struct PinnedValueRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let pinned = spec.pinnedValue else { return [] }
        let value: HarvesterValue
        do {
            value = try HarvesterValue(parsing: pinned.value, release: spec.release)
        } catch {
            return [.pinnedValueInvalid(error.description, at: pinned.location)]
        }
        var differences: [String] = []
        if let network = spec.clusterNetwork, value.clusterNetwork != network.value {
            differences.append("clusterNetwork '\(value.clusterNetwork)' where the spec has '\(network.value)'")
        }
        // A value without a VLAN is VLAN 1 to Harvester's NAD builder, so it means vlan: 1.
        if let vlan = spec.vlan, value.effectiveVLAN != vlan.value {
            differences.append("vlan \(value.vlan)\(value.vlan == 0 ? " (VLAN 1 to Harvester's NAD builder)" : "") where the spec has \(vlan.value)")
        }
        if let range = spec.range, value.range != range.value.description {
            differences.append("range '\(value.range)' where the spec has '\(range.value)'")
        }
        let exclude = spec.exclude.flatMap(\.value.cidrs).map(\.description)
        if value.exclude != exclude {
            differences.append("exclude [\(value.exclude.joined(separator: ", "))] where the spec has [\(exclude.joined(separator: ", "))]")
        }
        // `exclusiveVlan` (v1.9's field, an unknown key before) does nothing for the migration
        // network: Harvester accepts it and builds the same NAD, so the bytes keep it and the
        // meaning is the same.
        if !differences.isEmpty {
            return [.pinnedValueMismatch(differences, at: pinned.location)]
        }
        return []
    }
}
