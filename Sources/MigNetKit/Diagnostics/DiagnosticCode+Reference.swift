/// What each diagnostic code means: its severity and when mignet reports it. The diagnostics
/// reference (`docs/reference/diagnostics.md`) is generated from this table, so the two cannot drift.
extension DiagnosticCode {
    /// The severity mignet reports this code with (`--warnings-as-errors` promotes warnings).
    var severity: Diagnostic.Severity {
        switch self {
        case .fileUnreadable, .inputTooLarge, .noSpecFound, .yamlSyntax, .yamlEncoding, .yamlAnchor, .yamlAlias, .yamlTag, .yamlDuplicateKey, .yamlNonScalarKey, .yamlMultipleDocuments, .yamlTooDeep, .emptySpec, .expectedMapping, .expectedSequence, .expectedString, .expectedInteger, .expectedBoolean, .unknownKey, .missingKey, .unsupportedAPIVersion, .unsupportedKind, .defaultsUnreadable, .defaultsOutsideRoot, .repositoryFileInvalid, .harvesterVersionInvalid, .harvesterVersionUnsupported, .releaseFeatureUnavailable, .nameInvalid, .duplicateName, .clusterNetworkInvalid, .vlanOutOfRange, .mtuOutOfRange, .nodesOutOfRange, .addressInvalid, .addressIPv6Unsupported, .rangePrefixOutOfRange, .hostBitsSet, .excludeRangeReversed, .excludeOutsideRange, .excludeOverlap, .excludeLeavesNoAddresses, .insufficientAddresses, .rangeOverlapsHarvesterNetwork, .rangeOverlapsReserved, .rangeOverlapsStorageNetwork, .rangeOverlapsRWXNetwork, .vlanExclusiveToStorage, .pinnedValueInvalid, .pinnedValueMismatch, .adoptedNADInvalid, .adoptedNADStale, .waitForMigrationsInvalid, .notKubernetesObjects, .objectMissing, .valueUnreadable: .error
        case .symlinkSkipped, .kindNearMiss, .harvesterVersionUnknown, .clusterNetworkMgmt, .rangeNotPrivate, .plannedCapacityExceeded: .warning
        case .ignoredWhenDisabled, .ignoredWhenShared, .pinnedValueRedundant: .note
        }
    }

    /// When mignet reports this code, in a sentence of the reference.
    var summary: String {
        switch self {
        case .fileUnreadable: "the file or a searched folder cannot be read, or it is not a regular file (a FIFO, a device)"
        case .inputTooLarge: "the file is over 4 MiB (a spec or defaults file), over 8 MiB (a KRM ResourceList) or over 64 MiB (kubectl's output read by `preflight`, `verify`, `import`, from a file or live)"
        case .symlinkSkipped: "a `*.yaml` symbolic link in a searched folder, which is not followed"
        case .noSpecFound: "a file or folder named on the command line holds no spec"
        case .kindNearMiss: "a YAML file in a searched folder whose `kind` is nearly `MigrationNetwork` (not read as a spec)"
        case .yamlSyntax: "libyaml refuses the text (its problem, and a note with the context it was reading)"
        case .yamlEncoding: "the bytes are not valid UTF-8"
        case .yamlAnchor: "`&anchor`, `*alias` (the parse stops there), `!!tag`"
        case .yamlAlias: "`&anchor`, `*alias` (the parse stops there), `!!tag`"
        case .yamlTag: "`&anchor`, `*alias` (the parse stops there), `!!tag`"
        case .yamlDuplicateKey: "a key written twice in one mapping (note: the first)"
        case .yamlNonScalarKey: "a mapping or sequence used as a key"
        case .yamlMultipleDocuments: "a second `---` document"
        case .yamlTooDeep: "nesting deeper than 64 levels"
        case .emptySpec: "no YAML document at all (empty, or only comments)"
        case .expectedMapping: "a value of the wrong type"
        case .expectedSequence: "a value of the wrong type"
        case .expectedString: "a value of the wrong type"
        case .expectedInteger: "a value of the wrong type"
        case .expectedBoolean: "a value of the wrong type"
        case .unknownKey: "a key the format does not have (with a did-you-mean)"
        case .missingKey: "a required key is absent"
        case .unsupportedAPIVersion: "not `mignet/v1` / `MigrationNetwork` (`MigrationNetworkDefaults` for a defaults file)"
        case .unsupportedKind: "not `mignet/v1` / `MigrationNetwork` (`MigrationNetworkDefaults` for a defaults file)"
        case .ignoredWhenDisabled: "a `spec` field of a disabled spec"
        case .ignoredWhenShared: "`rwxNetwork.range` or `exclude` with `shareStorageNetwork: true` (Harvester reads neither)"
        case .defaultsUnreadable: "the file named by `defaults:` cannot be read, or is not a regular file"
        case .defaultsOutsideRoot: "the file named by `defaults:` lies outside the spec repository"
        case .repositoryFileInvalid: "`mignet.yaml` names a `delivery` that is none, `output` in the plugin mode, or a `minimumVersion` that is no version"
        case .harvesterVersionInvalid: "`harvesterVersion` names no release"
        case .harvesterVersionUnsupported: "`harvesterVersion` is before v1.6, which has no `vm-migration-network` setting"
        case .harvesterVersionUnknown: "`harvesterVersion` is after v1.9: checked with v1.9's rules"
        case .releaseFeatureUnavailable: "`rwxNetwork` (v1.8) or `storageNetwork.exclusiveVlan` (v1.9) in a spec whose release lacks it, or that names none (note: the release)"
        case .nameInvalid: "`metadata.name` is not a DNS-1123 label"
        case .duplicateName: "two specs compiled together share `metadata.name` (note: the first)"
        case .clusterNetworkInvalid: "not a DNS-1123 label of at most 12 characters"
        case .clusterNetworkMgmt: "`clusterNetwork: mgmt`: migration traffic competes with the control plane"
        case .vlanOutOfRange: "outside 1...4094, or 2...4094 on `mgmt`"
        case .mtuOutOfRange: "outside 576...9000"
        case .nodesOutOfRange: "`nodes` or `plannedNodes` below 1"
        case .addressInvalid: "not a strict IPv4 address, CIDR or range"
        case .addressIPv6Unsupported: "an IPv6 address"
        case .rangePrefixOutOfRange: "range prefix outside /16.../30"
        case .hostBitsSet: "a range or exclude CIDR whose address is not the network address (fix-it: the network address); for excludes Harvester and whereabouts would disagree on what is excluded"
        case .rangeNotPrivate: "range outside 10/8, 172.16/12, 192.168/16 and 100.64/10"
        case .excludeRangeReversed: "`A-B` with A > B"
        case .excludeOutsideRange: "an exclusion not strictly inside the range (outside it, crossing its edge, or equal to it)"
        case .excludeOverlap: "two exclusions overlap, whether neighbours or not (note: the other)"
        case .excludeLeavesNoAddresses: "the exclusions leave no usable address"
        case .insufficientAddresses: "usable addresses (range less network and broadcast less exclusions) fewer than `nodes`"
        case .plannedCapacityExceeded: "usable addresses fewer than `plannedNodes`: the extra nodes' virt-handler pods would stay in ContainerCreating"
        case .rangeOverlapsHarvesterNetwork: "range overlaps the cluster's pod or service network: `clusterPodCIDR`/`clusterServiceCIDR`, else the docs' defaults 10.42.0.0/16, 10.43.0.0/16, 10.52.0.0/16, 10.53.0.0/16 (its docs forbid it, its webhook does not check it)"
        case .rangeOverlapsReserved: "range overlaps a `reserved` block (note: the block)"
        case .rangeOverlapsStorageNetwork: "a usable address is also a usable address of `storageNetwork`"
        case .rangeOverlapsRWXNetwork: "a usable address is also a usable address of `rwxNetwork` (v1.8 and later)"
        case .vlanExclusiveToStorage: "`vlan` is the storage network's VLAN and it is `exclusiveVlan` (v1.9)"
        case .pinnedValueInvalid: "`pinnedValue` is not a value Harvester's controller can read"
        case .pinnedValueMismatch: "`pinnedValue` means another configuration than the spec's fields (each difference named)"
        case .pinnedValueRedundant: "`pinnedValue` is spelled exactly as mignet renders anyway"
        case .adoptedNADInvalid: "`adoptedNAD.name` is not a `vm-migration-network-…` name, or `hash` is not a SHA-1"
        case .adoptedNADStale: "`adoptedNAD.hash` is not the hash of the value the spec now renders"
        case .waitForMigrationsInvalid: "`waitForMigrations.timeoutSeconds` outside 60...86400, or an `image` that is empty or has spaces"
        case .notKubernetesObjects: "`import` or `verify` read kubectl output that holds no Kubernetes object at all"
        case .objectMissing: "`import` or `verify` read kubectl output without the Setting named `vm-migration-network` (or, for `--pods`, without a virt-handler pod)"
        case .valueUnreadable: "the live value of the Setting `import` or `verify` read is not one Harvester can read"
        }
    }
}
