/// A set of IPv4 addresses kept as sorted, disjoint, non-adjacent intervals.
///
/// Counting and subtracting work on intervals, never on single addresses, so a /16 with tens
/// of thousands of exclusions costs n log n, not 65,536 × n.
struct IPv4IntervalSet: Sendable, Hashable {
    /// The intervals, ascending, neither overlapping nor touching.
    private(set) var intervals: [IPv4Interval]

    /// The empty set.
    init() {
        intervals = []
    }

    /// The union of `intervals`, in any order, overlapping or not.
    init<S: Sequence>(_ intervals: S) where S.Element == IPv4Interval {
        var merged: [IPv4Interval] = []
        for interval in intervals.sorted() {
            if let last = merged.last, UInt64(interval.lower.value) <= UInt64(last.upper.value) + 1 {
                merged[merged.count - 1].upper = max(last.upper, interval.upper)
            } else {
                merged.append(interval)
            }
        }
        self.intervals = merged
    }

    /// Whether the set holds no address.
    var isEmpty: Bool { intervals.isEmpty }

    /// How many addresses the set holds.
    var count: UInt64 { intervals.reduce(0) { $0 + $1.count } }

    /// The lowest address, if any.
    var first: IPv4Address? { intervals.first?.lower }

    /// The highest address, if any.
    var last: IPv4Address? { intervals.last?.upper }

    /// The addresses of this set that are not in `other`.
    func subtracting(_ other: IPv4IntervalSet) -> IPv4IntervalSet {
        var result: [IPv4Interval] = []
        var cut = other.intervals.startIndex
        for interval in intervals {
            var lower = UInt64(interval.lower.value)
            let upper = UInt64(interval.upper.value)
            while cut < other.intervals.endIndex, UInt64(other.intervals[cut].upper.value) < lower { cut += 1 }
            var index = cut
            while lower <= upper, index < other.intervals.endIndex, UInt64(other.intervals[index].lower.value) <= upper {
                let hole = other.intervals[index]
                if UInt64(hole.lower.value) > lower {
                    result.append(IPv4Interval(IPv4Address(UInt32(lower)), IPv4Address(UInt32(hole.lower.value) - 1)))
                }
                lower = max(lower, UInt64(hole.upper.value) + 1)
                index += 1
            }
            if lower <= upper {
                result.append(IPv4Interval(IPv4Address(UInt32(lower)), interval.upper))
            }
        }
        var set = IPv4IntervalSet()
        set.intervals = result
        return set
    }

    /// The addresses in both sets.
    func intersection(_ other: IPv4IntervalSet) -> IPv4IntervalSet {
        subtracting(subtracting(other))
    }

    /// Whether `address` is in the set.
    func contains(_ address: IPv4Address) -> Bool {
        var low = 0
        var high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].upper < address { low = middle + 1 } else { high = middle }
        }
        return low < intervals.count && intervals[low].contains(address)
    }
}
