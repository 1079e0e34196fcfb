/// Every virt-handler pod takes one address of the range, so the usable addresses (range less
/// network and broadcast, less every exclusion) must cover `nodes`, and should cover `plannedNodes`.
struct CapacityRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let range = plan.range, let rangeLocation = spec.range?.location,
              RangeRule.allowedPrefixes.contains(range.prefixLength) else { return [] }
        let usable = plan.usable.count
        let excluded = plan.hostAddresses.count - usable
        if usable == 0, let first = spec.exclude.first {
            return [.excludeLeavesNoAddresses(range: range, at: first.location, rangeLocation: rangeLocation)]
        }
        var diagnostics: [Diagnostic] = []
        if let nodes = spec.nodes, nodes.value > 0, UInt64(nodes.value) > usable {
            diagnostics.append(.insufficientAddresses(nodes: nodes.value, usable: usable, excluded: excluded, range: range,
                                                      at: nodes.location, rangeLocation: rangeLocation))
        }
        if let planned = spec.plannedNodes, planned.value > 0, UInt64(planned.value) > usable {
            diagnostics.append(.plannedCapacityExceeded(planned: planned.value, usable: usable, range: range,
                                                        at: planned.location, rangeLocation: rangeLocation))
        }
        return diagnostics
    }
}
