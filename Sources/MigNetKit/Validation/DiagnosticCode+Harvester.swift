/// What Harvester itself does with what each code is about, for the diagnostics reference's
/// "Harvester" column: whether its `vm-migration-network` webhook (pkg/webhook/resources/setting/
/// validator.go at v1.6 to v1.9) refuses the same value, and so where mignet is stricter.
/// `DiagnosticsReferenceTests` holds each value code's stance to a model of that webhook, case by
/// case of the rule table.
enum HarvesterStance: Equatable, Sendable {
    /// Harvester never sees it: the file, its YAML, mignet's spec format, the cluster facts a spec
    /// types in by hand, mignet's own fields (pinned values, adopted NADs, releases, hooks).
    case notSent
    /// Every release refuses the same value.
    case refuses
    /// The releases from this one on refuse the same value; earlier ones accept it.
    case refusesFrom(HarvesterRelease)
    /// Harvester refuses some of what this code reports and accepts the rest: there mignet is stricter.
    case partly
    /// Harvester accepts it: mignet is stricter (an error) or only says so (a warning).
    case accepts
}

extension DiagnosticCode {
    /// What Harvester does with what this code reports.
    var harvester: HarvesterStance {
        switch self {
        case .vlanOutOfRange, .clusterNetworkInvalid, .addressInvalid, .hostBitsSet, .excludeOverlap: .partly
        case .addressIPv6Unsupported, .rangePrefixOutOfRange, .excludeOutsideRange, .excludeLeavesNoAddresses, .insufficientAddresses, .rangeOverlapsStorageNetwork: .refuses
        case .rangeOverlapsRWXNetwork: .refusesFrom(HarvesterRelease(major: 1, minor: 8))
        case .vlanExclusiveToStorage: .refusesFrom(HarvesterRelease(major: 1, minor: 9))
        case .clusterNetworkMgmt, .rangeNotPrivate, .plannedCapacityExceeded, .rangeOverlapsHarvesterNetwork, .rangeOverlapsReserved: .accepts
        case .fileUnreadable, .inputTooLarge, .symlinkSkipped, .noSpecFound, .kindNearMiss, .yamlSyntax, .yamlEncoding, .yamlAnchor, .yamlAlias, .yamlTag,
             .yamlDuplicateKey, .yamlNonScalarKey, .yamlMultipleDocuments, .yamlTooDeep, .emptySpec, .expectedMapping, .expectedSequence, .expectedString,
             .expectedInteger, .expectedBoolean, .unknownKey, .missingKey, .unsupportedAPIVersion, .unsupportedKind, .ignoredWhenDisabled, .ignoredWhenShared,
             .defaultsUnreadable, .defaultsOutsideRoot, .repositoryFileInvalid, .harvesterVersionInvalid, .harvesterVersionUnsupported,
             .harvesterVersionUnknown, .releaseFeatureUnavailable, .nameInvalid, .duplicateName, .mtuOutOfRange, .nodesOutOfRange, .excludeRangeReversed,
             .pinnedValueInvalid, .pinnedValueMismatch, .pinnedValueRedundant, .adoptedNADInvalid, .adoptedNADStale, .waitForMigrationsInvalid,
             .notKubernetesObjects, .objectMissing, .valueUnreadable: .notSent
        }
    }

    /// The stance in the reference's table: a few words.
    var harvesterColumn: String {
        switch harvester {
        case .notSent: "—"
        case .refuses: "refuses"
        case .refusesFrom(let release): "refuses from \(release)"
        case .partly: "refuses in part"
        case .accepts: "accepts"
        }
    }

    /// The stance in a sentence of the code's section.
    var harvesterSentence: String {
        switch harvester {
        case .notSent: "Harvester never sees this: it is about the file, its YAML, mignet's spec format or mignet's own fields."
        case .refuses: "Harvester refuses the same value at every release (v1.6 to v1.9)."
        case .refusesFrom(let release): "Harvester refuses the same value from \(release) on; earlier releases accept it, and mignet refuses it at every release."
        case .partly: "Harvester refuses some of these and accepts the others: there mignet is stricter."
        case .accepts: severity == .error
            ? "Harvester accepts it: mignet is stricter."
            : "Harvester accepts it; mignet says so as a \(severity.rawValue)."
        }
    }
}
