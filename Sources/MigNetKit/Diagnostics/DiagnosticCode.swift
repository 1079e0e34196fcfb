/// The stable code of every diagnostic mignet emits. The raw values are package interface:
/// scripts match on them, so they never change meaning.
package enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // Reading the file and YAML structure.
    case fileUnreadable = "file-unreadable"
    case inputTooLarge = "input-too-large"
    case symlinkSkipped = "symlink-skipped"
    case noSpecFound = "no-spec-found"
    case kindNearMiss = "kind-near-miss"
    case yamlSyntax = "yaml-syntax"
    case yamlEncoding = "yaml-encoding"
    case yamlAnchor = "yaml-anchor"
    case yamlAlias = "yaml-alias"
    case yamlTag = "yaml-tag"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case yamlNonScalarKey = "yaml-non-scalar-key"
    case yamlMultipleDocuments = "yaml-multiple-documents"
    case yamlTooDeep = "yaml-too-deep"

    // The spec's shape.
    case emptySpec = "empty-spec"
    case expectedMapping = "expected-mapping"
    case expectedSequence = "expected-sequence"
    case expectedString = "expected-string"
    case expectedInteger = "expected-integer"
    case expectedBoolean = "expected-boolean"
    case unknownKey = "unknown-key"
    case missingKey = "missing-key"
    case unsupportedAPIVersion = "unsupported-api-version"
    case unsupportedKind = "unsupported-kind"
    case ignoredWhenDisabled = "ignored-when-disabled"
    case ignoredWhenShared = "ignored-when-shared"
    case defaultsUnreadable = "defaults-unreadable"
    case defaultsOutsideRoot = "defaults-outside-root"

    // Harvester releases.
    case harvesterVersionInvalid = "harvester-version-invalid"
    case harvesterVersionUnsupported = "harvester-version-unsupported"
    case harvesterVersionUnknown = "harvester-version-unknown"
    case releaseFeatureUnavailable = "release-feature-unavailable"

    // Names and numbers.
    case nameInvalid = "name-invalid"
    case duplicateName = "duplicate-name"
    case clusterNetworkInvalid = "cluster-network-invalid"
    case clusterNetworkMgmt = "cluster-network-mgmt"
    case vlanOutOfRange = "vlan-out-of-range"
    case mtuOutOfRange = "mtu-out-of-range"
    case nodesOutOfRange = "nodes-out-of-range"

    // Addresses.
    case addressInvalid = "address-invalid"
    case addressIPv6Unsupported = "address-ipv6-unsupported"
    case rangePrefixOutOfRange = "range-prefix-out-of-range"
    case hostBitsSet = "host-bits-set"
    case rangeNotPrivate = "range-not-private"
    case excludeRangeReversed = "exclude-range-reversed"
    case excludeOutsideRange = "exclude-outside-range"
    case excludeOverlap = "exclude-overlap"
    case excludeLeavesNoAddresses = "exclude-leaves-no-addresses"
    case insufficientAddresses = "insufficient-addresses"
    case plannedCapacityExceeded = "planned-capacity-exceeded"
    case rangeOverlapsHarvesterNetwork = "range-overlaps-harvester-network"
    case rangeOverlapsReserved = "range-overlaps-reserved"
    case rangeOverlapsStorageNetwork = "range-overlaps-storage-network"
    case rangeOverlapsRWXNetwork = "range-overlaps-rwx-network"
    case vlanExclusiveToStorage = "vlan-exclusive-to-storage-network"
    case pinnedValueInvalid = "pinned-value-invalid"
    case pinnedValueMismatch = "pinned-value-mismatch"
    case pinnedValueRedundant = "pinned-value-redundant"
    case adoptedNADInvalid = "adopted-nad-invalid"
    case adoptedNADStale = "adopted-nad-stale"
    case waitForMigrationsInvalid = "wait-for-migrations-invalid"

    // The live objects import and verify read.
    case notKubernetesObjects = "not-kubernetes-objects"
    case objectMissing = "object-missing"
    case valueUnreadable = "value-unreadable"
}
