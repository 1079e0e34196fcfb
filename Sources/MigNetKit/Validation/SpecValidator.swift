/// Checks the meaning of a decoded spec against Harvester's rules and mignet's stricter ones.
public struct SpecValidator: Sendable {
    /// The rules an enabled spec is checked against, in reporting order.
    static let enabledRules: [any ValidationRule] = [
        NameRule(), ClusterNetworkRule(), VLANRule(), RangeRule(), ExcludeRule(),
        CapacityRule(), ReservedNetworksRule(), StorageNetworkRule(), MTURule(), NodeCountRule(), PinnedValueRule(), AdoptedNADRule(),
    ]
    /// The rules a disabled spec is checked against: only what its output still uses.
    static let disabledRules: [any ValidationRule] = [NameRule()]

    /// Creates a validator.
    public init() {}

    /// Every diagnostic about `spec`'s meaning, in no particular order.
    public func validate(_ spec: MigrationNetworkSpec) -> [Diagnostic] {
        let plan = AddressPlan(spec)
        let rules = spec.isEnabled ? Self.enabledRules : Self.disabledRules
        return rules.flatMap { $0.check(spec, plan: plan) }
    }
}
