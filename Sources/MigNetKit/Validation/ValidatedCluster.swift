/// What a spec means once every rule holds: the validated network and everything a later stage
/// reads of the spec (its release, node counts, address plan, exclusions as written, reserved,
/// cluster and peer networks), built once by the compiler. Explain, plan, preflight and verify
/// take this value and never go back to the decoded spec; no other stage builds an address plan.
struct ValidatedCluster: Sendable {
    /// One of the cluster's own networks the range must stay clear of: Harvester's default, or
    /// the one the spec declares in its place (with where).
    struct ClusterNetwork: Sendable {
        var cidr: IPv4CIDR
        /// "pod network" or "service network".
        var role: String
        /// The spec key that declares the role's network.
        var key: String
        /// Where the spec declares it; nil for Harvester's default.
        var declared: SourceLocation?
    }

    /// A peer network setting's range and its usable addresses.
    struct Peer: Sendable {
        var range: IPv4CIDR
        var plan: AddressPlan
    }

    /// The network the spec describes: what rendering needs.
    var network: MigrationNetwork
    /// The Harvester release the spec names, as written and as read.
    var harvesterVersion: Located<String>?
    var release: HarvesterRelease?
    /// `spec.nodes` and `spec.plannedNodes`.
    var nodes: Int?
    var plannedNodes: Int?
    /// The range's address arithmetic (empty for a disabled spec), less the located exclusions
    /// only the rules read: a repository of thousands of clusters holds one of these each.
    var addressPlan: AddressPlan
    /// The exclusions and reserved blocks as the spec writes them.
    var exclusions: [AddressBlock]
    var reserved: [Located<AddressBlock>]
    /// The cluster's pod and service networks: Harvester's defaults, each role's replaced by the
    /// network `clusterPodCIDR` or `clusterServiceCIDR` declares.
    func clusterNetworks() -> [ClusterNetwork] {
        ReservedNetworksRule.clusterNetworks(pod: clusterPodCIDR, service: clusterServiceCIDR).map {
            ClusterNetwork(cidr: $0.cidr, role: $0.role.rawValue, key: $0.role.key, declared: $0.declared)
        }
    }
    /// `clusterPodCIDR` and `clusterServiceCIDR` as declared.
    var clusterPodCIDR: Located<IPv4CIDR>?
    var clusterServiceCIDR: Located<IPv4CIDR>?
    /// The peer settings as declared (preflight compares them with the cluster's).
    var storageNetwork: StorageNetworkSpec?
    var rwxNetwork: RWXNetworkSpec?
    /// The peers whose usable addresses must not meet the range's: the storage network, and
    /// the rwx network unless it shares the storage network.
    var storagePeer: Peer?
    var rwxPeer: Peer?

    /// The cluster of a spec that passed every rule, with the address plan validation computed.
    init(spec: MigrationNetworkSpec, network: MigrationNetwork, plan: AddressPlan) {
        self.network = network
        harvesterVersion = spec.harvesterVersion
        release = spec.release
        nodes = spec.nodes?.value
        plannedNodes = spec.plannedNodes?.value
        addressPlan = plan
        addressPlan.exclusions = []
        exclusions = spec.exclude.map(\.value)
        reserved = spec.reserved
        clusterPodCIDR = spec.clusterPodCIDR
        clusterServiceCIDR = spec.clusterServiceCIDR
        storageNetwork = spec.storageNetwork
        rwxNetwork = spec.rwxNetwork
        storagePeer = spec.storageNetwork.flatMap { storage in
            storage.range.map { Peer(range: $0.value, plan: AddressPlan(range: $0.value, exclude: storage.exclude)) }
        }
        rwxPeer = spec.rwxNetwork.flatMap { rwx in
            rwx.sharesStorageNetwork ? nil : rwx.range.map { Peer(range: $0.value, plan: AddressPlan(range: $0.value, exclude: rwx.exclude)) }
        }
    }
}
