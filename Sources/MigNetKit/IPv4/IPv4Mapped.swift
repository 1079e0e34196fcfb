/// IPv4-mapped IPv6 text (`::ffff:10.1.2.0/120`), which Go's `net` package (and so Harvester)
/// reads as the IPv4 it maps: every release accepts such a range as that IPv4 range and none
/// hangs on it (running their code shows it). mignet takes IPv4 only in its IPv4 form, and says
/// which that is.
enum IPv4Mapped {
    /// The IPv4 form of an IPv4-mapped address or CIDR (`10.1.2.0/24`), or nil when `text` is
    /// not one (a real IPv6 address, or anything else).
    static func ipv4(_ text: String) -> String? {
        let lowered = text.lowercased()
        for prefix in ["::ffff:", "0:0:0:0:0:ffff:"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), (try? IPv4Address(parsing: parts[0])) != nil else { return nil }
            guard parts.count == 2 else { return String(parts[0]) }
            guard let length = Int(parts[1]), (96...128).contains(length), parts[1].allSatisfy(\.isNumber) else { return nil }
            return "\(parts[0])/\(length - 96)"
        }
        return nil
    }
}
