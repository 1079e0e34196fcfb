/// One check of a decoded spec. Rules are independent: each reports everything it finds,
/// and the validator runs them all so that a user sees every problem at once.
protocol ValidationRule: Sendable {
    /// The diagnostics this rule finds in `spec`, given the address plan computed once for all rules.
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic]
}
