/// `vlan` must be 1...4094, and 2...4094 on the `mgmt` cluster network, where Harvester's
/// webhook refuses VLAN 1 (the untagged management VLAN). The UI offers 1...4094 only, so
/// mignet refuses the 0 the webhook would take elsewhere.
struct VLANRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let vlan = spec.vlan else { return [] }
        let onManagement = spec.clusterNetwork?.value == ClusterNetworkRule.management
        let allowed = onManagement ? FieldBounds.vlanOnManagement : FieldBounds.vlan
        guard !allowed.contains(vlan.value) else { return [] }
        return [.vlanOutOfRange(vlan.value, allowed: allowed, onManagement: onManagement, at: vlan.location)]
    }
}
