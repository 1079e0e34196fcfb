/// A decoded spec file (format `mignet/v1`, kind `MigrationNetwork`): the user's declaration
/// of one cluster's migration network, every value with the place it was written.
///
/// Decoding checks shape and types only; `SpecValidator` checks meaning. A field that is
/// missing or failed to decode is nil (or empty), with a diagnostic already reported.
public struct MigrationNetworkSpec: Sendable {
    /// The only `apiVersion` this version of mignet reads.
    public static let apiVersion = "mignet/v1"
    /// The only `kind` this version of mignet reads.
    public static let kind = "MigrationNetwork"

    /// The file the spec came from.
    public var file: String
    /// `metadata.name`: names the cluster and its output folder.
    public var name: Located<String>?
    /// `spec.enabled`; absent means true.
    public var enabled: Located<Bool>?
    /// `spec.clusterNetwork`: the Harvester ClusterNetwork carrying the VLAN.
    public var clusterNetwork: Located<String>?
    /// `spec.vlan`.
    public var vlan: Located<Int>?
    /// `spec.range`: the CIDR whereabouts hands addresses out of.
    public var range: Located<IPv4CIDR>?
    /// `spec.exclude`, in the spec's order.
    public var exclude: [Located<AddressBlock>]
    /// `spec.mtu`: the cluster network's uplink MTU; absent means 1500.
    public var mtu: Located<Int>?
    /// `spec.nodes`: the nodes that run virt-handler today (witness nodes do not).
    public var nodes: Located<Int>?
    /// `spec.plannedNodes`: the node count to plan capacity for.
    public var plannedNodes: Located<Int>?
    /// `spec.reserved`: more blocks the range must stay clear of.
    public var reserved: [Located<AddressBlock>]
    /// `spec.storageNetwork`: the cluster's storage-network setting.
    public var storageNetwork: StorageNetworkSpec?
    /// `spec.pinnedValue`: the exact value string to render instead of the UI's spelling.
    public var pinnedValue: Located<String>?
    /// `spec.adoptedNAD`: a live NAD to keep, and the hash of the value it was made for.
    public var adoptedNAD: AdoptedNAD?
    /// Where the `spec` key was written, for diagnostics about the whole spec.
    public var specLocation: SourceLocation

    /// Creates an empty spec for `file`; the decoder fills it in.
    public init(file: String, specLocation: SourceLocation) {
        self.file = file
        self.exclude = []
        self.reserved = []
        self.specLocation = specLocation
    }

    /// Whether the spec configures a migration network (`enabled` absent or true).
    public var isEnabled: Bool { enabled?.value ?? true }

    /// The MTU in force: the spec's or Harvester's default 1500.
    public var effectiveMTU: Int { mtu?.value ?? FieldBounds.defaultMTU }
}

/// `spec.storageNetwork`: the storage-network setting the migration range must stay clear of.
public struct StorageNetworkSpec: Sendable {
    /// The storage network's range.
    public var range: Located<IPv4CIDR>?
    /// The storage network's exclusions.
    public var exclude: [Located<AddressBlock>]

    /// Creates a storage-network spec.
    public init(range: Located<IPv4CIDR>?, exclude: [Located<AddressBlock>]) {
        self.range = range
        self.exclude = exclude
    }
}

/// `spec.adoptedNAD`: the NAD Harvester's controller made for a cluster configured by hand,
/// kept so that moving the cluster to GitOps renames nothing and restarts no virt-handler pod.
/// Valid only while the spec renders the value it was made for (`hash`).
public struct AdoptedNAD: Sendable {
    /// The live NAD's name in `harvester-system`.
    public var name: Located<String>
    /// The SHA-1 of the value the NAD was made for.
    public var hash: Located<String>

    /// Creates an adopted NAD.
    public init(name: Located<String>, hash: Located<String>) {
        self.name = name
        self.hash = hash
    }
}
