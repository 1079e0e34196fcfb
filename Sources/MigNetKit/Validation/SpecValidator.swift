/// Checks the meaning of a decoded spec against Harvester's rules and mignet's stricter ones.
struct SpecValidator: Sendable {
    /// The rules an enabled spec is checked against, in reporting order.
    static let enabledRules: [any ValidationRule] = [
        NameRule(), HarvesterVersionRule(), ReleaseFeatureRule(), ClusterNetworkRule(), VLANRule(), RangeRule(), ExcludeRule(),
        CapacityRule(), ReservedNetworksRule(), PeerNetworkRule(), ExclusiveVlanRule(), MTURule(), NodeCountRule(), PinnedValueRule(), AdoptedNADRule(), WaitForMigrationsRule(),
    ]
    /// The rules a disabled spec is checked against: only what its output still uses.
    static let disabledRules: [any ValidationRule] = [NameRule(), HarvesterVersionRule(), WaitForMigrationsRule()]

    /// Creates a validator.
    init() {}

    /// Every diagnostic about `spec`'s meaning, into a collector (past its budget, problems are
    /// counted rather than built); the address plan the rules checked, for the validated cluster.
    @discardableResult
    func validate(_ spec: MigrationNetworkSpec, into diagnostics: inout DiagnosticCollector) -> AddressPlan {
        let plan = AddressPlan(spec)
        let rules = spec.isEnabled ? Self.enabledRules : Self.disabledRules
        for rule in rules { rule.check(spec, plan: plan, into: &diagnostics) }
        return plan
    }
}
