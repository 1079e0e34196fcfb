/// An IPv4 CIDR block as written: an address and a prefix length, host bits possibly set.
public struct IPv4CIDR: Sendable, Hashable, CustomStringConvertible {
    /// The address as written (host bits may be set).
    public var address: IPv4Address
    /// The prefix length, 0...32.
    public var prefixLength: Int

    /// Creates a block; `prefixLength` must be 0...32.
    public init(_ address: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength), "prefix length \(prefixLength) is outside 0...32")
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `a.b.c.d/n` strictly (see `IPv4Address.init(parsing:)`; `n` is 0...32 in
    /// decimal without leading zeros or sign).
    public init(parsing text: Substring) throws(AddressSyntaxError) {
        guard let slash = text.firstIndex(of: "/") else {
            _ = try IPv4Address(parsing: text)
            throw .missingPrefixLength
        }
        let address = try IPv4Address(parsing: text[..<slash])
        let length = text[text.index(after: slash)...]
        guard !length.isEmpty, length.utf8.count <= 2, length.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              !(length.utf8.count > 1 && length.utf8.first == 0x30),
              let prefixLength = Int(length), prefixLength <= 32 else {
            throw .badPrefixLength(String(length))
        }
        self.init(address, prefixLength: prefixLength)
    }

    /// The mask of the network bits.
    public var mask: UInt32 {
        prefixLength == 0 ? 0 : UInt32.max << (32 - prefixLength)
    }

    /// The network address: the written address with its host bits cleared.
    public var network: IPv4Address { IPv4Address(address.value & mask) }

    /// The last address of the block.
    public var broadcast: IPv4Address { IPv4Address(address.value | ~mask) }

    /// Whether the written address has any host bit set.
    public var hasHostBits: Bool { address.value & ~mask != 0 }

    /// The block with its host bits cleared.
    public var canonical: IPv4CIDR { IPv4CIDR(network, prefixLength: prefixLength) }

    /// Every address of the block, network to broadcast.
    public var interval: IPv4Interval { IPv4Interval(network, broadcast) }

    /// The `a.b.c.d/n` form, with the address as written.
    public var description: String { "\(address)/\(prefixLength)" }
}
