/// `range` must be a network address (host bits zero) with a prefix of /16...30: Harvester
/// refuses shorter prefixes, and a /31 or /32 has no address to hand out. A range outside the
/// private and shared address spaces is allowed but warned about.
struct RangeRule: ValidationRule {
    static let allowedPrefixes = FieldBounds.rangePrefix
    /// RFC 1918 private space and RFC 6598 shared address space.
    static let privateSpaces: [IPv4CIDR] = [
        IPv4CIDR(IPv4Address(10, 0, 0, 0), prefixLength: 8),
        IPv4CIDR(IPv4Address(172, 16, 0, 0), prefixLength: 12),
        IPv4CIDR(IPv4Address(192, 168, 0, 0), prefixLength: 16),
        IPv4CIDR(IPv4Address(100, 64, 0, 0), prefixLength: 10),
    ]

    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let range = spec.range else { return [] }
        var diagnostics: [Diagnostic] = []
        if !Self.allowedPrefixes.contains(range.value.prefixLength) {
            diagnostics.append(.rangePrefixOutOfRange(range.value, allowed: Self.allowedPrefixes, at: range.location))
        }
        if range.value.hasHostBits {
            diagnostics.append(.hostBitsSet("range", range.value, at: range.location))
        }
        if !Self.privateSpaces.contains(where: { $0.interval.contains(range.value.interval) }) {
            diagnostics.append(.rangeNotPrivate(range.value.canonical, spaces: Self.privateSpaces, at: range.location))
        }
        return diagnostics
    }
}
