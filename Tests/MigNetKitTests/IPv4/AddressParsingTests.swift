import Testing
@testable import MigNetKit

@Suite struct AddressParsingTests {
    @Test(arguments: ["0.0.0.0", "10.1.2.3", "255.255.255.255", "192.168.0.1"])
    func parsesDottedQuads(text: String) throws {
        #expect(try IPv4Address(parsing: Substring(text)).description == text)
    }

    @Test(arguments: [
        ("10.1.2", AddressSyntaxError.octetCount(3)), ("10.1.2.3.4", .octetCount(5)), ("010.1.2.3", .leadingZero("010")),
        ("10.1.2.256", .octetTooLarge("256")), ("10.1.2.+3", .badOctet("+3")), ("10.1..3", .badOctet("")),
        ("10.1.2.3 ", .badOctet("3 ")), ("fd00::1", .ipv6), ("10.1.2.0x1", .badOctet("0x1")), ("1000.1.2.3", .badOctet("1000")),
    ])
    func refusesOddAddresses(text: String, error: AddressSyntaxError) {
        #expect(throws: error) { try IPv4Address(parsing: Substring(text)) }
    }

    @Test(arguments: [
        ("10.1.2.0/24", "10.1.2.0", 24, false), ("10.1.2.5/24", "10.1.2.0", 24, true),
        ("0.0.0.0/0", "0.0.0.0", 0, false), ("10.1.2.3/32", "10.1.2.3", 32, false),
    ])
    func parsesCIDRs(text: String, network: String, length: Int, hostBits: Bool) throws {
        let cidr = try IPv4CIDR(parsing: Substring(text))
        #expect(cidr.network.description == network)
        #expect(cidr.prefixLength == length)
        #expect(cidr.hasHostBits == hostBits)
        #expect(cidr.description == text)
    }

    @Test(arguments: [
        ("10.1.2.0/033", AddressSyntaxError.badPrefixLength("033")), ("10.1.2.0/33", .badPrefixLength("33")),
        ("10.1.2.0/-1", .badPrefixLength("-1")), ("10.1.2.0/", .badPrefixLength("")), ("10.1.2/24", .octetCount(3)),
        ("10.1.2.0", .missingPrefixLength),
    ])
    func refusesOddCIDRs(text: String, error: AddressSyntaxError) {
        #expect(throws: error) { try AddressBlock.cidr(parsing: text) }
    }

    @Test func parsesTheThreeBlockForms() throws {
        #expect(try AddressBlock(parsing: "10.1.2.1") == .address(IPv4Address(10, 1, 2, 1)))
        #expect(try AddressBlock(parsing: "10.1.2.240/28") == .cidr(IPv4CIDR(IPv4Address(10, 1, 2, 240), prefixLength: 28)))
        #expect(try AddressBlock(parsing: "10.1.2.10-10.1.2.20") == .range(first: IPv4Address(10, 1, 2, 10), last: IPv4Address(10, 1, 2, 20)))
        #expect(throws: AddressSyntaxError.whitespace) { try AddressBlock(parsing: " 10.1.2.1") }
        #expect(throws: AddressSyntaxError.empty) { try AddressBlock(parsing: "") }
        #expect(throws: AddressSyntaxError.ipv6) { try AddressBlock(parsing: "::ffff:10.1.2.0/120") }
    }

    @Test func expandsBlocksToTheCIDRsHarvesterIsGiven() throws {
        #expect(try AddressBlock(parsing: "10.1.2.1").cidrs.map(\.description) == ["10.1.2.1/32"])
        #expect(try AddressBlock(parsing: "10.1.2.240/28").cidrs.map(\.description) == ["10.1.2.240/28"])
        #expect(try AddressBlock(parsing: "10.1.2.10-10.1.2.20").cidrs.map(\.description)
                == ["10.1.2.10/31", "10.1.2.12/30", "10.1.2.16/30", "10.1.2.20/32"])
        #expect(try AddressBlock(parsing: "10.1.2.0-10.1.2.255").cidrs.map(\.description) == ["10.1.2.0/24"])
    }
}
