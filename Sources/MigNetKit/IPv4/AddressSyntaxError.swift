/// Why a text is not an IPv4 address or CIDR block.
enum AddressSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// The text has a colon: an IPv6 address.
    case ipv6
    /// Leading or trailing white space.
    case whitespace
    /// Not four dot-separated octets.
    case octetCount(Int)
    /// An octet that is not one to three decimal digits.
    case badOctet(String)
    /// An octet written with a leading zero, which some readers take for octal.
    case leadingZero(String)
    /// An octet above 255.
    case octetTooLarge(String)
    /// A prefix length that is not a decimal 0...32 without leading zeros.
    case badPrefixLength(String)
    /// A CIDR was required but the text has no `/length`.
    case missingPrefixLength

    /// The reason, in lowercase, for a diagnostic.
    var description: String {
        switch self {
        case .empty: return "it is empty"
        case .ipv6: return "it is an IPv6 address"
        case .whitespace: return "it has leading or trailing white space"
        case .octetCount(let count): return "it has \(count) dot-separated part\(count == 1 ? "" : "s"), not 4"
        case .badOctet(let octet): return "'\(octet)' is not a decimal octet"
        case .leadingZero(let octet): return "octet '\(octet)' has a leading zero"
        case .octetTooLarge(let octet): return "octet '\(octet)' is above 255"
        case .badPrefixLength(let length): return "prefix length '\(length)' is not a whole number 0...32"
        case .missingPrefixLength: return "it has no prefix length"
        }
    }
}
