/// One key of a spec mapping: its name, what its value must be, whether it is required, and
/// what it means. The decoder takes its allowed and required keys from these tables, and
/// `mignet schema` generates the JSON Schema from the same tables, so the two cannot drift.
struct SpecField: Sendable {
    /// What a value must be.
    indirect enum Kind: Sendable {
        /// A fixed string.
        case constant(String)
        /// A string, optionally a DNS-1123 label of at most `maximumLength` characters.
        case string(dnsLabel: Bool, maximumLength: Int?)
        /// A decimal integer within `range`.
        case integer(ClosedRange<Int>)
        /// `true` or `false`.
        case boolean
        /// An IPv4 CIDR block.
        case cidr
        /// A Harvester release: `v1.8`, `v1.8.2`, `1.9` (a YAML number is read as written).
        case release
        /// A list of address blocks: an address, a CIDR or a range `A-B`.
        case addressBlocks
        /// A mapping of further fields.
        case object([SpecField])
        /// A mapping of any keys to strings, as Kubernetes annotations and labels are.
        case stringMap
    }

    /// When a key must be present.
    enum Requirement: Sendable {
        case always
        /// In a spec that is enabled and names no defaults file (which may supply it).
        case whenEnabled
        case optional
    }

    /// The key.
    var name: String
    /// What its value must be.
    var kind: Kind
    /// When it must be present.
    var requirement: Requirement
    /// What it means, for the reference and the schema.
    var description: String

    init(_ name: String, _ kind: Kind, _ requirement: Requirement, _ description: String) {
        self.name = name
        self.kind = kind
        self.requirement = requirement
        self.description = description
    }

    init(_ name: String, _ kind: Kind, _ description: String) {
        self.init(name, kind, .optional, description)
    }
}

/// The tables of keys of a spec and a defaults file.
package enum SpecSchema {
    /// A spec's `kind`, which also names the kustomize generator plugin's executable.
    package static let kind = MigrationNetworkSpec.kind

    /// The keys of `spec.storageNetwork`.
    static let storageNetworkFields: [SpecField] = [
        SpecField("range", .cidr, .always, "The storage network's range."),
        SpecField("exclude", .addressBlocks, "The storage network's exclusions."),
        SpecField("vlan", .integer(0...FieldBounds.vlan.upperBound), "The storage network's VLAN; needed with exclusiveVlan."),
        SpecField("exclusiveVlan", .boolean, "The storage network's exclusiveVlan (Harvester v1.9 and later): true forbids the migration network its VLAN."),
    ]

    /// The keys of `spec.rwxNetwork`.
    static let rwxNetworkFields: [SpecField] = [
        SpecField("shareStorageNetwork", .boolean, "true when the rwx network is the storage network (share-storage-network); default false."),
        SpecField("range", .cidr, "The rwx network's own range; required unless shareStorageNetwork is true."),
        SpecField("exclude", .addressBlocks, "The rwx network's own exclusions."),
    ]

    /// The keys of `spec.waitForMigrations`.
    static let waitForMigrationsFields: [SpecField] = [
        SpecField("timeoutSeconds", .integer(FieldBounds.waitTimeout), .always, "How long the hook waits for running migrations to finish before it fails the sync."),
        SpecField("image", .string(dnsLabel: false, maximumLength: nil), .always, "A container image with /bin/sh and kubectl, such as alpine/k8s:1.33.5 or a mirror of it."),
    ]

    /// The keys of `spec.adoptedNAD`.
    static let adoptedNADFields: [SpecField] = [
        SpecField("name", .string(dnsLabel: true, maximumLength: FieldBounds.dnsLabelLength), .always, "The live NAD's name in harvester-system."),
        SpecField("hash", .string(dnsLabel: true, maximumLength: 40), .always, "The SHA-1 of the value the NAD was made for: its label vm-migration-network.settings.harvesterhci.io/hash."),
    ]

    /// The keys of `spec`, in the order the reference documents them.
    static let specFields: [SpecField] = [
        SpecField("enabled", .boolean, "false renders the rollback to the management network; default true."),
        SpecField("harvesterVersion", .release, "The Harvester release the cluster runs (v1.8, v1.8.2, 1.9), whose rules apply; without it, only what every release from v\(HarvesterRelease.oldestSupported.major).\(HarvesterRelease.oldestSupported.minor) on accepts is accepted."),
        SpecField("clusterNetwork", .string(dnsLabel: true, maximumLength: FieldBounds.clusterNetworkLength), .whenEnabled, "The Harvester ClusterNetwork that carries the VLAN; its bridge <name>-br must fit 15 characters."),
        SpecField("vlan", .integer(FieldBounds.vlan), .whenEnabled, "The VLAN id; \(FieldBounds.vlanOnManagement.lowerBound)...\(FieldBounds.vlanOnManagement.upperBound) on the mgmt cluster network."),
        SpecField("range", .cidr, .whenEnabled, "The IPv4 range whereabouts hands addresses out of, /\(FieldBounds.rangePrefix.lowerBound).../\(FieldBounds.rangePrefix.upperBound), host bits zero."),
        SpecField("exclude", .addressBlocks, "Addresses whereabouts must not hand out, each strictly inside the range."),
        SpecField("mtu", .integer(FieldBounds.mtu), "The cluster network's uplink MTU; default \(FieldBounds.defaultMTU)."),
        SpecField("nodes", .integer(FieldBounds.minimumNodes...Int.max), .whenEnabled, "The nodes that run virt-handler today (witness nodes do not)."),
        SpecField("plannedNodes", .integer(FieldBounds.minimumNodes...Int.max), "The node count to plan address capacity for."),
        SpecField("reserved", .addressBlocks, "More blocks the range must stay clear of (node subnet, ...)."),
        SpecField("clusterPodCIDR", .cidr, "The cluster's pod network (the installer's cluster_pod_cidr), when not the default; replaces the default pod networks the range must stay clear of."),
        SpecField("clusterServiceCIDR", .cidr, "The cluster's service network (the installer's cluster_service_cidr), when not the default; replaces the default service networks."),
        SpecField("storageNetwork", .object(storageNetworkFields), "The cluster's storage-network setting, whose usable addresses the range must not share."),
        SpecField("rwxNetwork", .object(rwxNetworkFields), "The cluster's rwx-network setting (Harvester v1.8 and later), whose usable addresses the range must not share unless it shares the storage network."),
        SpecField("waitForMigrations", .object(waitForMigrationsFields), "The argocd profile renders a PreSync hook Job that waits until no VM migration is running (at most timeoutSeconds) before the sync changes anything."),
        SpecField("adoptedNAD", .object(adoptedNADFields), "A live NAD to keep (its name and the hash of the value it was made for), so that adopting a cluster configured by hand renames nothing; valid only while the spec renders that value."),
        SpecField("pinnedValue", .string(dnsLabel: false, maximumLength: nil), "The exact value string to render, for a cluster whose live value is spelled otherwise than the Harvester UI writes it; it must mean the same as the other fields."),
    ]

    /// The keys of `metadata`.
    static let metadataFields: [SpecField] = [
        SpecField("name", .string(dnsLabel: true, maximumLength: FieldBounds.dnsLabelLength), .always, "The cluster's name: names its output folder and its Argo CD or Fleet cluster."),
        SpecField("annotations", .stringMap, "Annotations of the spec itself (kustomize's config.kubernetes.io/function, say); checked to be strings, ignored for rendering."),
        SpecField("labels", .stringMap, "Labels of the spec itself; checked to be strings, ignored for rendering."),
    ]

    /// The top-level keys of a spec.
    static let topLevelFields: [SpecField] = [
        SpecField("apiVersion", .constant(MigrationNetworkSpec.apiVersion), .always, "The format version."),
        SpecField("kind", .constant(MigrationNetworkSpec.kind), .always, "The kind of file."),
        SpecField("metadata", .object(metadataFields), .always, "The cluster's identity."),
        SpecField("defaults", .string(dnsLabel: false, maximumLength: nil), "A defaults file (kind MigrationNetworkDefaults) whose spec fields apply where this spec has none, relative to this file's folder."),
        SpecField("spec", .object(specFields), .always, "The migration network."),
    ]

    /// The top-level keys.
    static let topLevel = topLevelFields.map(\.name)
    /// The top-level keys of a defaults file.
    static let defaultsTopLevel = ["apiVersion", "kind", "spec"]
    /// The keys of `metadata`.
    static let metadata = metadataFields.map(\.name)
    /// The keys of `spec`.
    static let spec = specFields.map(\.name)
    /// The keys of `spec` an enabled spec must have (from itself or its defaults file).
    static let requiredWhenEnabled = specFields.filter { if case .whenEnabled = $0.requirement { return true } else { return false } }.map(\.name)
    /// The keys of `spec.storageNetwork`.
    static let storageNetwork = storageNetworkFields.map(\.name)
    /// The keys of `spec.rwxNetwork`.
    static let rwxNetwork = rwxNetworkFields.map(\.name)
    /// The keys of `spec.adoptedNAD`.
    static let adoptedNAD = adoptedNADFields.map(\.name)
    /// The keys of `spec.waitForMigrations`.
    static let waitForMigrations = waitForMigrationsFields.map(\.name)
}
