/// The catalogue of diagnostics about a spec's meaning.
extension Diagnostic {
    static func nameInvalid(_ name: String, at location: SourceLocation, fixIt: String?) -> Diagnostic {
        Diagnostic(.error, .nameInvalid, "name '\(name)' is not a DNS-1123 label; expected lowercase letters, digits and '-', starting and ending with a letter or digit, at most \(FieldBounds.dnsLabelLength) characters", at: location, fixIt: fixIt)
    }

    static func duplicateName(_ name: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .duplicateName, "name '\(name)' is used by two specs; each cluster needs its own name, since it names the output folder", at: location,
                   notes: [Note("first used here", at: first)])
    }

    static func clusterNetworkInvalid(_ name: String, at location: SourceLocation, fixIt: String?) -> Diagnostic {
        let length = name.count > ClusterNetworkRule.maximumLength
            ? "is \(name.count) characters long; at most \(ClusterNetworkRule.maximumLength) fit, since its bridge '\(name)-br' must fit Linux's 15-character interface names"
            : "is not a DNS-1123 label; expected lowercase letters, digits and '-', starting and ending with a letter or digit"
        return Diagnostic(.error, .clusterNetworkInvalid, "clusterNetwork '\(name)' \(length)", at: location, fixIt: fixIt)
    }

    static func clusterNetworkMgmt(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .clusterNetworkMgmt, "clusterNetwork 'mgmt' puts migration traffic on the management network, where it competes with the control plane; a dedicated cluster network is recommended", at: location)
    }

    static func vlanOutOfRange(_ vlan: Int, allowed: ClosedRange<Int>, onManagement: Bool, at location: SourceLocation) -> Diagnostic {
        let reason = onManagement ? " on cluster network mgmt, where VLAN 1 is the untagged management VLAN" : ""
        return Diagnostic(.error, .vlanOutOfRange, "vlan \(vlan) is outside \(allowed.lowerBound)...\(allowed.upperBound)\(reason)", at: location)
    }

    static func mtuOutOfRange(_ mtu: Int, allowed: ClosedRange<Int>, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .mtuOutOfRange, "mtu \(mtu) is outside \(allowed.lowerBound)...\(allowed.upperBound); give the cluster network's uplink MTU, or leave it out for \(FieldBounds.defaultMTU)", at: location)
    }

    static func nodesOutOfRange(_ key: String, _ count: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .nodesOutOfRange, "\(key) \(count) must be at least 1: count the nodes that run virt-handler (witness nodes do not)", at: location)
    }

    static func rangePrefixOutOfRange(_ range: IPv4CIDR, allowed: ClosedRange<Int>, at location: SourceLocation) -> Diagnostic {
        let reason = range.prefixLength < allowed.lowerBound
            ? "Harvester refuses prefixes shorter than /\(allowed.lowerBound)"
            : "a /\(range.prefixLength) leaves no address for a node"
        return Diagnostic(.error, .rangePrefixOutOfRange, "range '\(range)' has prefix /\(range.prefixLength); expected /\(allowed.lowerBound).../\(allowed.upperBound): \(reason)", at: location)
    }

    static func hostBitsSet(_ key: String, _ cidr: IPv4CIDR, at location: SourceLocation) -> Diagnostic {
        let reason = key == "range"
            ? "Harvester requires the network address itself"
            : "Harvester counts it from \(cidr.address) but whereabouts from \(cidr.network), so the two disagree"
        return Diagnostic(.error, .hostBitsSet, "\(key) '\(cidr)' has host bits set; \(reason); expected \(cidr.canonical)", at: location, fixIt: "\(cidr.canonical)")
    }

    static func rangeNotPrivate(_ range: IPv4CIDR, spaces: [IPv4CIDR], at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .rangeNotPrivate, "range '\(range)' is outside the private and shared address spaces (\(spaces.map(\.description).joined(separator: ", "))); migration traffic would use package addresses", at: location)
    }

    static func excludeRangeReversed(first: IPv4Address, last: IPv4Address, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .excludeRangeReversed, "exclude range '\(first)-\(last)' runs backwards; expected the lower address first: \(last)-\(first)", at: location, fixIt: "\(last)-\(first)")
    }

    static func excludeOutsideRange(_ block: AddressBlock, range: IPv4CIDR, equal: Bool, at location: SourceLocation, rangeLocation: SourceLocation) -> Diagnostic {
        let problem = equal ? "covers the whole range \(range)" : "is not inside range \(range)"
        return Diagnostic(.error, .excludeOutsideRange, "exclude '\(block)' \(problem); an exclusion must lie strictly inside the range", at: location,
                          notes: [Note("range declared here", at: rangeLocation)])
    }

    static func excludeOverlap(_ entry: Located<AddressBlock>, with other: Located<AddressBlock>) -> Diagnostic {
        Diagnostic(.error, .excludeOverlap, "exclude '\(entry.value)' overlaps exclude '\(other.value)'; whereabouts needs disjoint exclusions, so merge or remove one", at: entry.location,
                   notes: [Note("'\(other.value)' is written here", at: other.location)])
    }

    static func excludeLeavesNoAddresses(range: IPv4CIDR, at location: SourceLocation, rangeLocation: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .excludeLeavesNoAddresses, "the exclusions leave no usable address in range \(range); whereabouts could give no virt-handler pod an address", at: location,
                   notes: [Note("range declared here", at: rangeLocation)])
    }

    static func insufficientAddresses(nodes: Int, usable: UInt64, excluded: UInt64, range: IPv4CIDR, at location: SourceLocation, rangeLocation: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .insufficientAddresses, "nodes \(nodes) need \(nodes) addresses but range \(range) has \(usable) usable (\(usable + excluded) host addresses, \(excluded) excluded); each virt-handler pod takes one", at: location,
                   notes: [Note("range declared here", at: rangeLocation)])
    }

    static func plannedCapacityExceeded(planned: Int, usable: UInt64, range: IPv4CIDR, at location: SourceLocation, rangeLocation: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .plannedCapacityExceeded, "plannedNodes \(planned) exceed the \(usable) usable addresses of range \(range); virt-handler pods of the extra nodes would stay in ContainerCreating", at: location,
                   notes: [Note("range declared here", at: rangeLocation)])
    }

    static func rangeOverlapsHarvesterNetwork(range: IPv4CIDR, network: IPv4CIDR, role: String, declared: SourceLocation?, at location: SourceLocation) -> Diagnostic {
        let source = declared == nil
            ? "\(role), one of the defaults of Harvester's docs (if this cluster was installed with other networks, name them in clusterPodCIDR and clusterServiceCIDR)"
            : "the cluster's \(role), as the spec declares it"
        return Diagnostic(.error, .rangeOverlapsHarvesterNetwork, "range '\(range)' overlaps \(network), \(source); Harvester's docs forbid this (its webhook does not check it) since pods would lose their routes", at: location,
                          notes: declared.map { [Note("\(role) declared here", at: $0)] } ?? [])
    }

    static func rangeOverlapsRWXNetwork(range: IPv4CIDR, rwx: Located<IPv4CIDR>, shared: UInt64, first: IPv4Address, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .rangeOverlapsRWXNetwork, "range '\(range)' shares \(shared) usable address\(shared == 1 ? "" : "es") with the rwx network \(rwx.value) (the first is \(first)); Harvester v1.8 and later refuse this, so exclude them or choose another range", at: location,
                   notes: [Note("rwx network range declared here", at: rwx.location)])
    }

    static func vlanExclusiveToStorage(_ vlan: Int, storageVLAN: Located<Int>, exclusive: SourceLocation, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .vlanExclusiveToStorage, "vlan \(vlan) is the storage network's VLAN, which its exclusiveVlan keeps for it alone; Harvester v1.9 refuses another network on it (the network webhook the NAD, the setting webhook any later change of the storage network), so choose another VLAN", at: location,
                   notes: [Note("storage network VLAN declared here", at: storageVLAN.location), Note("exclusiveVlan set here", at: exclusive)])
    }

    static func waitForMigrationsInvalid(_ problem: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .waitForMigrationsInvalid, "waitForMigrations \(problem)", at: location)
    }

    static func harvesterVersionInvalid(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .harvesterVersionInvalid, "harvesterVersion '\(text)' is not a Harvester release; expected one such as v1.8, v1.8.2 or 1.9", at: location)
    }

    static func harvesterVersionUnsupported(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .harvesterVersionUnsupported, "harvesterVersion '\(text)' is older than \(HarvesterRelease.oldestSupported), the first release with the vm-migration-network setting: its Harvester has no controller or webhook for it, so the rendering would patch KubeVirt behind Harvester's back; upgrade the cluster to \(HarvesterRelease.oldestSupported) or later first", at: location)
    }

    static func harvesterVersionUnknown(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .harvesterVersionUnknown, "harvesterVersion '\(text)' is newer than \(HarvesterRelease.newestKnown), the newest release whose rules mignet knows; it is checked with \(HarvesterRelease.newestKnown)'s rules", at: location)
    }

    static func releaseFeatureUnavailable(_ feature: String, what: String, since: String, named: Located<String>?, at location: SourceLocation) -> Diagnostic {
        guard let named else {
            return Diagnostic(.error, .releaseFeatureUnavailable, "\(feature) needs Harvester \(since) or later (\(what) exists since \(since)); name the cluster's release in spec.harvesterVersion", at: location)
        }
        return Diagnostic(.error, .releaseFeatureUnavailable, "\(feature) needs Harvester \(since) or later, but harvesterVersion is '\(named.value)', which does not have \(what) yet; remove it or correct harvesterVersion", at: location,
                          notes: [Note("harvesterVersion declared here", at: named.location)])
    }

    static func rangeOverlapsReserved(range: IPv4CIDR, reserved: Located<AddressBlock>, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .rangeOverlapsReserved, "range '\(range)' overlaps reserved block '\(reserved.value)'; choose a range clear of it", at: location,
                   notes: [Note("reserved here", at: reserved.location)])
    }

    static func rangeOverlapsStorageNetwork(range: IPv4CIDR, storage: Located<IPv4CIDR>, shared: UInt64, first: IPv4Address, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .rangeOverlapsStorageNetwork, "range '\(range)' shares \(shared) usable address\(shared == 1 ? "" : "es") with the storage network \(storage.value) (the first is \(first)); Harvester refuses this, so exclude them or choose another range", at: location,
                   notes: [Note("storage network range declared here", at: storage.location)])
    }

    static func pinnedValueInvalid(_ reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .pinnedValueInvalid, "pinnedValue is not a value Harvester can read: \(reason); expected the live value's exact JSON, such as {\"clusterNetwork\":\"migration\",\"vlan\":100,\"range\":\"10.1.2.0/24\",\"exclude\":[]}", at: location)
    }

    static func pinnedValueMismatch(_ differences: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .pinnedValueMismatch, "pinnedValue means something else than the spec: \(differences.joined(separator: "; ")); expected the same configuration, only spelled differently", at: location)
    }

    static func pinnedValueRedundant(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, .pinnedValueRedundant, "pinnedValue is spelled exactly as mignet renders the value anyway; it can be removed", at: location)
    }

    static func adoptedNADInvalid(_ problem: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .adoptedNADInvalid, "adoptedNAD \(problem)", at: location)
    }

    static func adoptedNADStale(hash: String, current: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .adoptedNADStale, "adoptedNAD was made for the value with hash \(hash), but the spec now renders \(current); a changed configuration needs a new NAD, so remove adoptedNAD", at: location)
    }
}
