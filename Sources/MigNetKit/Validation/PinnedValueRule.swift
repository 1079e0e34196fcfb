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
        if let vlan = spec.vlan, value.vlan != vlan.value {
            differences.append("vlan \(value.vlan) where the spec has \(vlan.value)")
        }
        if let range = spec.range, value.range != range.value.description {
            differences.append("range '\(value.range)' where the spec has '\(range.value)'")
        }
        let exclude = spec.exclude.flatMap(\.value.cidrs).map(\.description)
        if value.exclude != exclude {
            differences.append("exclude [\(value.exclude.joined(separator: ", "))] where the spec has [\(exclude.joined(separator: ", "))]")
        }
        if value.exclusiveVlan {
            differences.append("exclusiveVlan true, which mignet does not render")
        }
        if !differences.isEmpty {
            return [.pinnedValueMismatch(differences, at: pinned.location)]
        }
        return []
    }
}
