/// An IPv4 address as a 32-bit number.
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The address in host byte order: `10.1.2.3` is `0x0A010203`.
    public var value: UInt32

    /// Creates an address from its numeric value.
    public init(_ value: UInt32) {
        self.value = value
    }

    /// Creates an address from four octets.
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses a strict dotted quad: four decimal octets 0...255, no leading zeros, no signs,
    /// no spaces, no short forms such as `10.1` or `10.0.258`.
    public init(parsing text: Substring) throws(AddressSyntaxError) {
        if text.contains(":") { throw .ipv6 }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { throw .octetCount(parts.count) }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.utf8.count <= 3, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw .badOctet(String(part))
            }
            if part.utf8.count > 1, part.utf8.first == 0x30 { throw .leadingZero(String(part)) }
            guard let octet = UInt32(part), octet <= 255 else { throw .octetTooLarge(String(part)) }
            value = value << 8 | octet
        }
        self.value = value
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    /// The dotted-quad form.
    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }
}
