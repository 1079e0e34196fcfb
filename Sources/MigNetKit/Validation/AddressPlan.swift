/// The address arithmetic of a spec, computed once: the range, its usable addresses, and what
/// the exclusions take away. Every count is interval arithmetic, never an enumeration.
struct AddressPlan: Sendable {
    /// The range as a network block (host bits cleared), when the spec has a parseable one.
    var range: IPv4CIDR?
    /// The exclusions that stand for addresses (reversed ranges left out), in the spec's order.
    var exclusions: [(entry: Located<AddressBlock>, interval: IPv4Interval)]
    /// The range less its network and broadcast addresses, when it has a range.
    var hostAddresses: IPv4IntervalSet
    /// The host addresses less every exclusion: what whereabouts can hand out.
    var usable: IPv4IntervalSet

    /// Computes the plan of a spec's `range` and `exclude`.
    init(range: IPv4CIDR?, exclude: [Located<AddressBlock>]) {
        self.range = range?.canonical
        exclusions = exclude.compactMap { entry in entry.value.interval.map { (entry, $0) } }
        guard let range = self.range, range.prefixLength <= FieldBounds.rangePrefix.upperBound else {
            hostAddresses = IPv4IntervalSet()
            usable = IPv4IntervalSet()
            return
        }
        hostAddresses = IPv4IntervalSet([IPv4Interval(IPv4Address(range.network.value + 1), IPv4Address(range.broadcast.value - 1))])
        usable = hostAddresses.subtracting(IPv4IntervalSet(exclusions.map(\.interval)))
    }

    /// The plan of a spec's migration range.
    init(_ spec: MigrationNetworkSpec) {
        self.init(range: spec.range?.value, exclude: spec.exclude)
    }
}
