import MigNetTestSupport
import Testing
@testable import MigNetKit

/// Interval arithmetic checked against brute force over a small address space, with a seeded
/// generator so that a failure reproduces.
@Suite struct IntervalPropertyTests {

    static let base: UInt32 = 0x0A01_0200

    static func randomIntervals(_ generator: inout SeededGenerator, count: Int) -> [IPv4Interval] {
        (0..<count).map { _ in
            let a = UInt32.random(in: 0..<256, using: &generator)
            let b = UInt32.random(in: 0..<256, using: &generator)
            return IPv4Interval(IPv4Address(base + min(a, b)), IPv4Address(base + max(a, b)))
        }
    }

    static func members(_ intervals: [IPv4Interval]) -> Set<UInt32> {
        Set(intervals.flatMap { $0.lower.value...$0.upper.value })
    }

    @Test(arguments: 1...40)
    func setOperationsMatchBruteForce(seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed))
        let a = Self.randomIntervals(&generator, count: Int.random(in: 0...6, using: &generator))
        let b = Self.randomIntervals(&generator, count: Int.random(in: 0...6, using: &generator))
        let setA = IPv4IntervalSet(a)
        let setB = IPv4IntervalSet(b)
        let membersA = Self.members(a)
        let membersB = Self.members(b)
        #expect(Self.members(setA.intervals) == membersA)
        #expect(setA.count == UInt64(membersA.count))
        #expect(Self.members(setA.subtracting(setB).intervals) == membersA.subtracting(membersB))
        #expect(Self.members(setA.intersection(setB).intervals) == membersA.intersection(membersB))
        #expect(setA.first?.value == membersA.min())
        #expect(setA.last?.value == membersA.max())
        for offset in stride(from: UInt32(0), to: 256, by: 7) {
            #expect(setA.contains(IPv4Address(Self.base + offset)) == membersA.contains(Self.base + offset))
        }
        // Canonical form: sorted, disjoint, not touching.
        for (left, right) in zip(setA.intervals, setA.intervals.dropFirst()) {
            #expect(UInt64(left.upper.value) + 1 < UInt64(right.lower.value))
        }
    }

    @Test(arguments: 1...40)
    func coveringCIDRsAreExactAndFewest(seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed) &* 7919)
        let interval = Self.randomIntervals(&generator, count: 1)[0]
        let blocks = interval.coveringCIDRs
        #expect(Self.members(blocks.map(\.interval)) == Self.members([interval]))
        #expect(blocks.allSatisfy { !$0.hasHostBits })
        #expect(blocks.map(\.interval.count).reduce(0, +) == interval.count)
        // Fewest: no two neighbouring blocks of one size could merge into an aligned block.
        for (left, right) in zip(blocks, blocks.dropFirst()) where left.prefixLength == right.prefixLength {
            let merged = IPv4CIDR(left.network, prefixLength: left.prefixLength - 1)
            #expect(merged.hasHostBits || merged.broadcast != right.broadcast)
        }
    }

    @Test func wholeAddressSpaceIsOneBlock() {
        let all = IPv4Interval(IPv4Address(0), IPv4Address(UInt32.max))
        #expect(all.count == 1 << 32)
        #expect(all.coveringCIDRs.map(\.description) == ["0.0.0.0/0"])
    }

    /// The fewest aligned blocks that cover [lower, upper] exactly, by dynamic programming over
    /// every aligned block: an independent check that the greedy expansion is minimal.
    static func fewestBlocks(_ lower: UInt32, _ upper: UInt32) -> Int {
        let count = Int(upper - lower) + 1
        var best = [Int](repeating: Int.max, count: count + 1)
        best[count] = 0
        for offset in stride(from: count - 1, through: 0, by: -1) {
            let start = lower + UInt32(offset)
            var size: UInt32 = 1
            while true {
                if start % size != 0 || UInt64(start) + UInt64(size) - 1 > UInt64(upper) { break }
                let next = offset + Int(size)
                if best[next] != Int.max { best[offset] = min(best[offset], best[next] + 1) }
                size <<= 1
            }
        }
        return best[0]
    }

    @Test(arguments: 1...40)
    func coveringCIDRsAreAsFewAsPossible(seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed) &* 104_729)
        let interval = Self.randomIntervals(&generator, count: 1)[0]
        #expect(interval.coveringCIDRs.count == Self.fewestBlocks(interval.lower.value, interval.upper.value))
    }

    @Test(arguments: 1...40)
    func containmentAndOverlapMatchBruteForce(seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed) &* 7_777)
        let pair = Self.randomIntervals(&generator, count: 2)
        let a = Self.members([pair[0]])
        let b = Self.members([pair[1]])
        #expect(pair[0].contains(pair[1]) == b.isSubset(of: a))
        #expect(pair[0].overlaps(pair[1]) == !a.isDisjoint(with: b))
        #expect(pair[0].count == UInt64(a.count))
        // A CIDR block's interval is every address sharing its network bits.
        let length = Int.random(in: 24...32, using: &generator)
        let cidr = IPv4CIDR(IPv4Address(Self.base + UInt32.random(in: 0..<256, using: &generator)), prefixLength: length)
        let block = Set((Self.base...Self.base + 255).filter { $0 & cidr.mask == cidr.address.value & cidr.mask })
        #expect(Self.members([cidr.interval]) == block)
        #expect(cidr.hasHostBits == (cidr.address.value != cidr.network.value))
    }

    @Test(arguments: 1...40)
    func usableAddressesAndTheFirstAndLastHandedOutMatchBruteForce(seed: Int) throws {
        var generator = SeededGenerator(state: UInt64(seed) &* 31_337)
        let length = Int.random(in: 24...30, using: &generator)
        let range = IPv4CIDR(IPv4Address(Self.base), prefixLength: length)
        let exclusions = Self.randomIntervals(&generator, count: Int.random(in: 0...5, using: &generator))
        let located = exclusions.map { Located(AddressBlock.range(first: $0.lower, last: $0.upper), at: SourceLocation(file: "x", line: 1, column: 1)) }
        let plan = AddressPlan(range: range, exclude: located)
        let hosts = Set(range.network.value + 1...range.broadcast.value - 1)
        let usable = hosts.subtracting(Self.members(exclusions))
        #expect(plan.usable.count == UInt64(usable.count))
        // whereabouts hands out the lowest free address first, and the highest last.
        #expect(plan.usable.first?.value == usable.min())
        #expect(plan.usable.last?.value == usable.max())
    }
}
