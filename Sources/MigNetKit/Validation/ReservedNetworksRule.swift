/// The range must stay clear of Harvester's own pod and service networks (its docs forbid the
/// overlap; its webhook does not check it) and of every block the spec lists under `reserved`.
struct ReservedNetworksRule: ValidationRule {
    /// Harvester's cluster-internal networks: pod and service CIDRs of its RKE2 cluster.
    static let harvesterNetworks: [(cidr: IPv4CIDR, role: String)] = [
        (IPv4CIDR(IPv4Address(10, 42, 0, 0), prefixLength: 16), "pod network"),
        (IPv4CIDR(IPv4Address(10, 43, 0, 0), prefixLength: 16), "service network"),
        (IPv4CIDR(IPv4Address(10, 52, 0, 0), prefixLength: 16), "pod network"),
        (IPv4CIDR(IPv4Address(10, 53, 0, 0), prefixLength: 16), "service network"),
    ]

    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        var diagnostics = DiagnosticCollector()
        check(spec, plan: plan, into: &diagnostics)
        return diagnostics.kept
    }

    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan, into diagnostics: inout DiagnosticCollector) {
        guard let range = plan.range, let rangeLocation = spec.range?.location else { return }
        for network in Self.harvesterNetworks where range.interval.overlaps(network.cidr.interval) {
            diagnostics.append(.rangeOverlapsHarvesterNetwork(range: range, network: network.cidr, role: network.role, at: rangeLocation))
        }
        for entry in spec.reserved {
            guard let interval = entry.value.interval, range.interval.overlaps(interval) else { continue }
            diagnostics.append(.rangeOverlapsReserved, .error, file: rangeLocation.file) { .rangeOverlapsReserved(range: range, reserved: entry, at: rangeLocation) }
        }
    }
}
