/// One check of a decoded spec. Rules are independent: each reports everything it finds,
/// and the validator runs them all so that a user sees every problem at once.
protocol ValidationRule: Sendable {
    /// The diagnostics this rule finds in `spec`, given the address plan computed once for all rules.
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic]

    /// The same into a collector, which a rule that can find one problem per list entry
    /// implements itself, so that the problems past the collector's budget are counted unbuilt.
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan, into diagnostics: inout DiagnosticCollector)
}

extension ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan, into diagnostics: inout DiagnosticCollector) {
        diagnostics.append(contentsOf: check(spec, plan: plan))
    }
}
