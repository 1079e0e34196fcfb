/// A block of addresses as a spec writes it: one address, a CIDR, or an inclusive range `A-B`.
enum AddressBlock: Sendable, Hashable, CustomStringConvertible {
    /// A single address, which stands for its /32.
    case address(IPv4Address)
    /// A CIDR block, host bits possibly set (validation refuses those).
    case cidr(IPv4CIDR)
    /// An inclusive range; `first` may be above `last` (validation refuses that).
    case range(first: IPv4Address, last: IPv4Address)

    /// Parses any of the three forms, strictly.
    init(parsing text: String) throws(AddressSyntaxError) {
        guard let head = text.first, let tail = text.last else { throw .empty }
        if head.isWhitespace || tail.isWhitespace { throw .whitespace }
        var string = text
        let parsed = string.withUTF8 { bytes in
            Result { () throws(AddressSyntaxError) -> AddressBlock in
                let all = 0..<bytes.count
                if all.contains(where: { bytes[$0] == UInt8(ascii: ":") }) { throw .ipv6 }
                if all.contains(where: { bytes[$0] == UInt8(ascii: "/") }) { return .cidr(try IPv4CIDR.parse(bytes, all)) }
                if let dash = all.first(where: { bytes[$0] == UInt8(ascii: "-") }) {
                    let first = try IPv4Address.parse(bytes, 0..<dash)
                    let last = try IPv4Address.parse(bytes, dash + 1..<bytes.count)
                    return .range(first: IPv4Address(first), last: IPv4Address(last))
                }
                return .address(IPv4Address(try IPv4Address.parse(bytes, all)))
            }
        }
        self = try parsed.get()
    }

    /// Parses a CIDR block only.
    static func cidr(parsing text: String) throws(AddressSyntaxError) -> IPv4CIDR {
        let block = try AddressBlock(parsing: text)
        guard case .cidr(let cidr) = block else { throw .missingPrefixLength }
        return cidr
    }

    /// The addresses the block stands for, or nil for a reversed range.
    var interval: IPv4Interval? {
        switch self {
        case .address(let address): return IPv4Interval(address, address)
        case .cidr(let cidr): return cidr.interval
        case .range(let first, let last): return first <= last ? IPv4Interval(first, last) : nil
        }
    }

    /// The CIDR blocks Harvester and whereabouts are given for this block: the address as a
    /// /32, the CIDR as written, a range as the fewest blocks that cover it exactly.
    var cidrs: [IPv4CIDR] {
        switch self {
        case .address(let address): return [IPv4CIDR(address, prefixLength: 32)]
        case .cidr(let cidr): return [cidr]
        case .range: return interval?.coveringCIDRs ?? []
        }
    }

    /// The block as a spec writes it.
    var description: String {
        switch self {
        case .address(let address): return "\(address)"
        case .cidr(let cidr): return "\(cidr)"
        case .range(let first, let last): return "\(first)-\(last)"
        }
    }
}
