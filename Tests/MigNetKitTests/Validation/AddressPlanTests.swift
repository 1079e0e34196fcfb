import Testing
@testable import MigNetKit

@Suite struct AddressPlanTests {
    func located(_ text: String) throws -> Located<AddressBlock> {
        Located(try AddressBlock(parsing: text), at: SourceLocation(file: "x", line: 1, column: 1))
    }

    @Test func usableIsRangeLessNetworkBroadcastAndExclusions() throws {
        let range = try AddressBlock.cidr(parsing: "10.1.2.0/24")
        let plan = AddressPlan(range: range, exclude: [try located("10.1.2.1"), try located("10.1.2.240/28"), try located("10.1.2.10-10.1.2.20")])
        #expect(plan.hostAddresses.count == 254)
        #expect(plan.usable.count == 254 - 1 - 16 + 1 - 11)
        #expect(plan.usable.first == IPv4Address(10, 1, 2, 2))
        #expect(plan.usable.last == IPv4Address(10, 1, 2, 239))
    }

    @Test func sixtyThousandExclusionsCountByIntervals() throws {
        let range = try AddressBlock.cidr(parsing: "10.8.0.0/16")
        let exclude = (0..<60_000).map { index in
            Located(AddressBlock.address(IPv4Address(range.network.value + 1 + UInt32(index))), at: SourceLocation(file: "x", line: index + 1, column: 1))
        }
        let plan = AddressPlan(range: range, exclude: exclude)
        #expect(plan.usable.count == 65_534 - 60_000)
        #expect(plan.usable.first == IPv4Address(range.network.value + 60_001))
    }
}
