/// A non-empty run of consecutive IPv4 addresses, both ends included.
struct IPv4Interval: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first address.
    var lower: IPv4Address
    /// The last address.
    var upper: IPv4Address

    /// Creates an interval; `lower` must not be above `upper`.
    init(_ lower: IPv4Address, _ upper: IPv4Address) {
        precondition(lower <= upper, "interval \(lower)-\(upper) is reversed")
        self.lower = lower
        self.upper = upper
    }

    /// The number of addresses, 1...2^32.
    var count: UInt64 { UInt64(upper.value) - UInt64(lower.value) + 1 }

    /// Whether the two intervals share an address.
    func overlaps(_ other: IPv4Interval) -> Bool {
        lower <= other.upper && other.lower <= upper
    }

    /// Whether every address of `other` is in this interval.
    func contains(_ other: IPv4Interval) -> Bool {
        lower <= other.lower && other.upper <= upper
    }

    /// Whether `address` is in this interval.
    func contains(_ address: IPv4Address) -> Bool {
        lower <= address && address <= upper
    }

    static func < (lhs: IPv4Interval, rhs: IPv4Interval) -> Bool {
        (lhs.lower, lhs.upper) < (rhs.lower, rhs.upper)
    }

    /// The fewest CIDR blocks that together hold exactly these addresses, in ascending order.
    var coveringCIDRs: [IPv4CIDR] {
        var blocks: [IPv4CIDR] = []
        var start = UInt64(lower.value)
        let end = UInt64(upper.value)
        while start <= end {
            // The largest aligned block starting at `start` that does not pass `end`.
            var size: UInt64 = start == 0 ? 1 << 32 : 1 << UInt64(start.trailingZeroBitCount)
            while start + size - 1 > end { size >>= 1 }
            blocks.append(IPv4CIDR(IPv4Address(UInt32(start)), prefixLength: 32 - size.trailingZeroBitCount))
            start += size
        }
        return blocks
    }

    /// `lower-upper`, or the single address.
    var description: String { lower == upper ? "\(lower)" : "\(lower)-\(upper)" }
}
