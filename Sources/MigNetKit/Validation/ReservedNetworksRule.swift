/// The range must stay clear of the cluster's own pod and service networks (Harvester's docs
/// forbid the overlap; its webhook does not check it) and of every block the spec lists under
/// `reserved`. The networks are the defaults of Harvester's docs unless the spec names the
/// cluster's own (`clusterPodCIDR`, `clusterServiceCIDR`: configurable at install since v1.5),
/// each replacing the defaults of its role.
struct ReservedNetworksRule: ValidationRule {
    /// Harvester's default cluster-internal networks, the pod and service CIDRs of its RKE2
    /// cluster, as its docs list them.
    static let defaultNetworks: [(cidr: IPv4CIDR, role: Role)] = [
        (IPv4CIDR(IPv4Address(10, 42, 0, 0), prefixLength: 16), .pod),
        (IPv4CIDR(IPv4Address(10, 43, 0, 0), prefixLength: 16), .service),
        (IPv4CIDR(IPv4Address(10, 52, 0, 0), prefixLength: 16), .pod),
        (IPv4CIDR(IPv4Address(10, 53, 0, 0), prefixLength: 16), .service),
    ]

    /// What a cluster network is for.
    enum Role: String {
        case pod = "pod network"
        case service = "service network"

        /// The spec key that names the cluster's own.
        var key: String { self == .pod ? "clusterPodCIDR" : "clusterServiceCIDR" }
    }

    /// The cluster's networks: the defaults, where the spec declares a role's network, that
    /// one (with where it is declared) in place of the role's defaults.
    static func clusterNetworks(_ spec: MigrationNetworkSpec) -> [(cidr: IPv4CIDR, role: Role, declared: SourceLocation?)] {
        clusterNetworks(pod: spec.clusterPodCIDR, service: spec.clusterServiceCIDR)
    }

    /// The same, from the declared networks alone.
    static func clusterNetworks(pod: Located<IPv4CIDR>?, service: Located<IPv4CIDR>?) -> [(cidr: IPv4CIDR, role: Role, declared: SourceLocation?)] {
        var placed: Set<String> = []
        return defaultNetworks.compactMap { network in
            guard let declared = network.role == .pod ? pod : service else { return (network.cidr, network.role, nil) }
            guard placed.insert(network.role.rawValue).inserted else { return nil }
            return (declared.value.canonical, network.role, declared.location)
        }
    }

    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        var diagnostics = DiagnosticCollector()
        check(spec, plan: plan, into: &diagnostics)
        return diagnostics.kept
    }

    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan, into diagnostics: inout DiagnosticCollector) {
        guard let range = plan.range, let rangeLocation = spec.range?.location else { return }
        for network in Self.clusterNetworks(spec) where range.interval.overlaps(network.cidr.interval) {
            diagnostics.append(.rangeOverlapsHarvesterNetwork(range: range, network: network.cidr, role: network.role.rawValue, declared: network.declared, at: rangeLocation))
        }
        for entry in spec.reserved {
            guard let interval = entry.value.interval, range.interval.overlaps(interval) else { continue }
            diagnostics.append(.rangeOverlapsReserved, .error, file: rangeLocation.file) { .rangeOverlapsReserved(range: range, reserved: entry, at: rangeLocation) }
        }
    }
}
