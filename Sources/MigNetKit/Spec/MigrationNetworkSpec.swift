/// A decoded spec file (format `mignet/v1`, kind `MigrationNetwork`): the user's declaration
/// of one cluster's migration network, every value with the place it was written.
///
/// Decoding checks shape and types only; `SpecValidator` checks meaning. A field that is
/// missing or failed to decode is nil (or empty), with a diagnostic already reported.
struct MigrationNetworkSpec: Sendable {
    /// The only `apiVersion` this version of mignet reads.
    static let apiVersion = "mignet/v1"
    /// The only `kind` this version of mignet reads.
    static let kind = "MigrationNetwork"

    /// `metadata.name`: names the cluster and its output folder.
    var name: Located<String>?
    /// `spec.enabled`; absent means true.
    var enabled: Located<Bool>?
    /// `spec.harvesterVersion`, as written.
    var harvesterVersion: Located<String>?
    /// The release `harvesterVersion` names, when it names one; nil: rules of every release apply.
    var release: HarvesterRelease?
    /// `spec.clusterNetwork`: the Harvester ClusterNetwork carrying the VLAN.
    var clusterNetwork: Located<String>?
    /// `spec.vlan`.
    var vlan: Located<Int>?
    /// `spec.range`: the CIDR whereabouts hands addresses out of.
    var range: Located<IPv4CIDR>?
    /// `spec.exclude`, in the spec's order.
    var exclude: [Located<AddressBlock>]
    /// `spec.mtu`: the cluster network's uplink MTU; absent means 1500.
    var mtu: Located<Int>?
    /// `spec.nodes`: the nodes that run virt-handler today (witness nodes do not).
    var nodes: Located<Int>?
    /// `spec.plannedNodes`: the node count to plan capacity for.
    var plannedNodes: Located<Int>?
    /// `spec.reserved`: more blocks the range must stay clear of.
    var reserved: [Located<AddressBlock>]
    /// Where the `spec` key was written, for diagnostics about the whole spec.
    var specLocation: SourceLocation
    /// The fields most specs leave out, kept apart (none, or one element): a repository of tens
    /// of thousands of specs holds every spec in memory, and these would double its size.
    private var rare: [RareFields] = []

    /// The fields most specs leave out.
    private struct RareFields: Sendable {
        var clusterPodCIDR: Located<IPv4CIDR>?
        var clusterServiceCIDR: Located<IPv4CIDR>?
        var storageNetwork: StorageNetworkSpec?
        var rwxNetwork: RWXNetworkSpec?
        var pinnedValue: Located<String>?
        var adoptedNAD: AdoptedNAD?
        var waitForMigrations: WaitForMigrationsSpec?
    }

    private func rare<Value>(_ field: KeyPath<RareFields, Value?>) -> Value? { rare.first?[keyPath: field] }

    private mutating func setRare<Value>(_ field: WritableKeyPath<RareFields, Value?>, _ value: Value?) {
        if rare.isEmpty {
            guard value != nil else { return }
            rare = [RareFields()]
        }
        rare[0][keyPath: field] = value
    }

    /// `spec.clusterPodCIDR`: the cluster's pod network, when installed with another than the default.
    var clusterPodCIDR: Located<IPv4CIDR>? {
        get { rare(\.clusterPodCIDR) }
        set { setRare(\.clusterPodCIDR, newValue) }
    }
    /// `spec.clusterServiceCIDR`: the cluster's service network, likewise.
    var clusterServiceCIDR: Located<IPv4CIDR>? {
        get { rare(\.clusterServiceCIDR) }
        set { setRare(\.clusterServiceCIDR, newValue) }
    }
    /// `spec.storageNetwork`: the cluster's storage-network setting.
    var storageNetwork: StorageNetworkSpec? {
        get { rare(\.storageNetwork) }
        set { setRare(\.storageNetwork, newValue) }
    }
    /// `spec.rwxNetwork`: the cluster's rwx-network setting (Harvester v1.8 and later).
    var rwxNetwork: RWXNetworkSpec? {
        get { rare(\.rwxNetwork) }
        set { setRare(\.rwxNetwork, newValue) }
    }
    /// `spec.pinnedValue`: the exact value string to render instead of the UI's spelling.
    var pinnedValue: Located<String>? {
        get { rare(\.pinnedValue) }
        set { setRare(\.pinnedValue, newValue) }
    }
    /// `spec.adoptedNAD`: a live NAD to keep, and the hash of the value it was made for.
    var adoptedNAD: AdoptedNAD? {
        get { rare(\.adoptedNAD) }
        set { setRare(\.adoptedNAD, newValue) }
    }
    /// `spec.waitForMigrations`: the argocd profile's PreSync hook.
    var waitForMigrations: WaitForMigrationsSpec? {
        get { rare(\.waitForMigrations) }
        set { setRare(\.waitForMigrations, newValue) }
    }

    /// Creates an empty spec whose `spec:` mapping is at `specLocation`; the decoder fills it in.
    init(specLocation: SourceLocation) {
        self.exclude = []
        self.reserved = []
        self.specLocation = specLocation
    }

    /// Whether the spec configures a migration network (`enabled` absent or true).
    var isEnabled: Bool { enabled?.value ?? true }

    /// The MTU in force: the spec's or Harvester's default 1500.
    var effectiveMTU: Int { mtu?.value ?? FieldBounds.defaultMTU }
}

/// `spec.storageNetwork`: the storage-network setting the migration range must stay clear of.
struct StorageNetworkSpec: Sendable {
    /// The storage network's range.
    var range: Located<IPv4CIDR>?
    /// The storage network's exclusions.
    var exclude: [Located<AddressBlock>]
    /// The storage network's VLAN.
    var vlan: Located<Int>?
    /// `exclusiveVlan` (Harvester v1.9 and later): no other network may use the storage VLAN.
    var exclusiveVlan: Located<Bool>?
    /// Where the `storageNetwork` key was written.
    var location: SourceLocation

    /// Creates a storage-network spec.
    init(range: Located<IPv4CIDR>?, exclude: [Located<AddressBlock>], vlan: Located<Int>? = nil,
                 exclusiveVlan: Located<Bool>? = nil, at location: SourceLocation) {
        self.range = range
        self.exclude = exclude
        self.vlan = vlan
        self.exclusiveVlan = exclusiveVlan
        self.location = location
    }
}

/// `spec.rwxNetwork`: the rwx-network setting (Harvester v1.8 and later), value
/// `{"share-storage-network":bool,"network":{...}}`. Its own network's usable addresses must
/// not be the range's; sharing the storage network, it adds nothing to check.
struct RWXNetworkSpec: Sendable {
    /// `shareStorageNetwork`: the rwx network is the storage network.
    var shareStorageNetwork: Located<Bool>?
    /// Its own network's range, when it does not share the storage network.
    var range: Located<IPv4CIDR>?
    /// Its own network's exclusions.
    var exclude: [Located<AddressBlock>]
    /// Where the `rwxNetwork` key was written.
    var location: SourceLocation

    /// Creates an rwx-network spec.
    init(shareStorageNetwork: Located<Bool>?, range: Located<IPv4CIDR>?, exclude: [Located<AddressBlock>], at location: SourceLocation) {
        self.shareStorageNetwork = shareStorageNetwork
        self.range = range
        self.exclude = exclude
        self.location = location
    }

    /// Whether it shares the storage network.
    var sharesStorageNetwork: Bool { shareStorageNetwork?.value ?? false }
}

/// `spec.adoptedNAD`: the NAD Harvester's controller made for a cluster configured by hand,
/// kept so that moving the cluster to GitOps renames nothing and restarts no virt-handler pod.
/// Valid only while the spec renders the value it was made for (`hash`).
struct AdoptedNAD: Sendable {
    /// The live NAD's name in `harvester-system`.
    var name: Located<String>
    /// The SHA-1 of the value the NAD was made for.
    var hash: Located<String>

    /// Creates an adopted NAD.
    init(name: Located<String>, hash: Located<String>) {
        self.name = name
        self.hash = hash
    }
}

/// `spec.waitForMigrations`: render, in the argocd profile, a PreSync hook Job that waits until
/// no VM migration is running, since changing the setting restarts every virt-handler pod and
/// aborts the migrations in flight.
struct WaitForMigrationsSpec: Sendable {
    /// How long to wait before failing the sync.
    var timeoutSeconds: Located<Int>?
    /// The Job's image: it needs /bin/sh and kubectl.
    var image: Located<String>?
}
