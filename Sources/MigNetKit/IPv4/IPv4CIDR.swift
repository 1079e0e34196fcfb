/// An IPv4 CIDR block as written: an address and a prefix length, host bits possibly set.
struct IPv4CIDR: Sendable, Hashable, CustomStringConvertible {
    /// The address as written (host bits may be set).
    var address: IPv4Address
    /// The prefix length, 0...32.
    var prefixLength: Int

    /// Creates a block; `prefixLength` must be 0...32.
    init(_ address: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength), "prefix length \(prefixLength) is outside 0...32")
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `a.b.c.d/n` strictly (see `IPv4Address.init(parsing:)`; `n` is 0...32 in
    /// decimal without leading zeros or sign).
    init(parsing text: Substring) throws(AddressSyntaxError) {
        var string = String(text)
        let parsed = string.withUTF8 { bytes in Result { () throws(AddressSyntaxError) in try Self.parse(bytes, 0..<bytes.count) } }
        self = try parsed.get()
    }

    /// The block in `bytes[range]`, parsed on UTF-8 bytes.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(AddressSyntaxError) -> IPv4CIDR {
        guard let slash = range.first(where: { bytes[$0] == UInt8(ascii: "/") }) else {
            _ = try IPv4Address.parse(bytes, range)
            throw .missingPrefixLength
        }
        let address = IPv4Address(try IPv4Address.parse(bytes, range.lowerBound..<slash))
        let length = slash + 1..<range.upperBound
        let text = { String(decoding: UnsafeBufferPointer(rebasing: bytes[length]), as: UTF8.self) }
        guard !length.isEmpty, length.count <= 2, length.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }),
              !(length.count > 1 && bytes[length.lowerBound] == 0x30) else {
            throw .badPrefixLength(text())
        }
        let prefixLength = length.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
        guard prefixLength <= 32 else { throw .badPrefixLength(text()) }
        return IPv4CIDR(address, prefixLength: prefixLength)
    }

    /// The mask of the network bits.
    var mask: UInt32 {
        prefixLength == 0 ? 0 : UInt32.max << (32 - prefixLength)
    }

    /// The network address: the written address with its host bits cleared.
    var network: IPv4Address { IPv4Address(address.value & mask) }

    /// The last address of the block.
    var broadcast: IPv4Address { IPv4Address(address.value | ~mask) }

    /// Whether the written address has any host bit set.
    var hasHostBits: Bool { address.value & ~mask != 0 }

    /// The block with its host bits cleared.
    var canonical: IPv4CIDR { IPv4CIDR(network, prefixLength: prefixLength) }

    /// Every address of the block, network to broadcast.
    var interval: IPv4Interval { IPv4Interval(network, broadcast) }

    /// The `a.b.c.d/n` form, with the address as written.
    var description: String { IPv4Address.format(address.value, prefixLength: prefixLength) }
}
