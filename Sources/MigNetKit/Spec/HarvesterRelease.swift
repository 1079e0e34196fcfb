/// A Harvester release, as `spec.harvesterVersion` names it (`v1.8`, `v1.8.2`, `1.9`,
/// `v1.9.0-rc6`): what decides which of Harvester's rules apply. Only the minor release
/// matters; patch releases of one minor release check the setting alike.
///
/// What differs, read from harvester/harvester at tags v1.4.3 to v1.9.0-rc6 (the tests cite
/// file and line):
/// - v1.4 and v1.5 have no `vm-migration-network` setting, controller or webhook;
/// - v1.8 adds the `rwx-network` setting, whose usable addresses the range must not share (from
///   v1.8.0-rc2: v1.8.0-rc1 has neither the setting nor its check, which running its code shows);
/// - v1.9 adds `exclusiveVlan` to the network value (used by the storage network) and refuses
///   IPv6 ranges, where the webhooks of v1.6 to v1.8 can hang on one.
struct HarvesterRelease: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major release number.
    var major: Int
    /// The minor release number.
    var minor: Int
    /// Whether it is a v1.8.0 pre-release from before the rwx-network setting (before rc2).
    var beforeRWXNetwork = false

    /// The first release with the `vm-migration-network` setting.
    static let oldestSupported = HarvesterRelease(major: 1, minor: 6)
    /// The first release with the `rwx-network` setting.
    static let rwxNetwork = HarvesterRelease(major: 1, minor: 8)
    /// The first release with `exclusiveVlan` and an explicit refusal of IPv6.
    static let exclusiveVlan = HarvesterRelease(major: 1, minor: 9)
    /// The newest release whose source mignet's rules were read from.
    static let newestKnown = HarvesterRelease(major: 1, minor: 9)
    /// Every release mignet's rules were read from, oldest first.
    static let known: [HarvesterRelease] = (6...9).map { HarvesterRelease(major: 1, minor: $0) }

    /// Creates a release.
    init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Reads `v1.8`, `1.8`, `v1.8.2` or `v1.9.0-rc6` (a pre-release or build suffix after the
    /// patch number is allowed); nil for anything else.
    init?(parsing text: String) {
        var body = Substring(text)
        if body.first == "v" { body = body.dropFirst() }
        if let suffix = body.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            guard body[body.index(after: suffix)...].contains(where: { !$0.isWhitespace }) else { return nil }
            body = body[..<suffix]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ part in !part.isEmpty && part.count <= 6 && part.allSatisfy { $0.isASCII && $0.isNumber } && (part == "0" || part.first != "0") }),
              let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        self.init(major: major, minor: minor)
        // v1.8.0's pre-releases before rc2 (rc1, and any alpha or beta) lack the rwx network.
        if major == 1, minor == 8, parts.count == 3, parts[2] == "0", let dash = text.firstIndex(of: "-") {
            let preRelease = text[text.index(after: dash)...].prefix { $0 != "+" }.lowercased()
            let candidate = preRelease.hasPrefix("rc") ? Int(preRelease.dropFirst(2).prefix { $0.isNumber }) : nil
            beforeRWXNetwork = (candidate ?? 0) < 2
        }
    }

    /// `v1.8`.
    var description: String { "v\(major).\(minor)" }

    /// The first release a feature of `release` appears in, as this release's spelling needs it
    /// said: `v1.8.0-rc2` for the rwx network to a v1.8.0 pre-release, else `release`.
    func firstWith(_ release: HarvesterRelease) -> String {
        release == Self.rwxNetwork && beforeRWXNetwork ? "v1.8.0-rc2" : release.description
    }

    static func < (lhs: HarvesterRelease, rhs: HarvesterRelease) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// Whether the release has the `rwx-network` setting.
    var hasRWXNetwork: Bool { self >= Self.rwxNetwork && !beforeRWXNetwork }
    /// Whether the release's network value has `exclusiveVlan`.
    var hasExclusiveVlan: Bool { self >= Self.exclusiveVlan }
    /// Whether the release's webhook refuses an IPv6 range (rather than hang on one).
    var refusesIPv6: Bool { self >= Self.exclusiveVlan }
    /// Whether the release's webhook skips a VLAN config that matches no node (v1.9), rather
    /// than refuse the setting over it.
    var skipsIdleVlanConfigs: Bool { self >= Self.exclusiveVlan }
}
