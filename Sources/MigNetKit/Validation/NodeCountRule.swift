/// `nodes` and `plannedNodes` count virt-handler pods, so each is at least 1.
struct NodeCountRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        [("nodes", spec.nodes), ("plannedNodes", spec.plannedNodes)].compactMap { key, count in
            guard let count, count.value < FieldBounds.minimumNodes else { return nil }
            return .nodesOutOfRange(key, count.value, at: count.location)
        }
    }
}
