/// The `vm-migration-network` Setting's `value` string and its SHA-1, spelt as the Harvester UI
/// writes them, so that a cluster configured in the UI sees no change when it moves to GitOps.
struct SettingValue: Sendable, Equatable {
    /// The exact string, `""` when disabled.
    let text: String
    /// Lowercase hex SHA-1 of the value's UTF-8 bytes, as Harvester's controller computes it.
    let hash: String

    /// The value of a configuration: its pinned value when it has one, else the UI's spelling
    /// `{"clusterNetwork":…,"vlan":…,"range":…,"exclude":[…]}` (`exclude` always present);
    /// `""` for nil (disabled).
    init(_ configuration: MigrationNetwork.Configuration?) {
        self.init(text: configuration.map { $0.pinnedValue ?? Self.uiSpelling(of: $0) } ?? "")
    }

    /// The value as the Harvester UI writes it, with `JSON.stringify` in this key order.
    static func uiSpelling(of configuration: MigrationNetwork.Configuration) -> String {
        uiSpelling(clusterNetwork: configuration.clusterNetwork, vlan: configuration.vlan,
                   range: configuration.range.description, exclude: configuration.exclude.map(\.description))
    }

    /// The UI's spelling of a value from its fields as strings.
    static func uiSpelling(clusterNetwork: String, vlan: Int, range: String, exclude: [String]) -> String {
        JSONValue.object([
            JSONMember("clusterNetwork", .string(clusterNetwork)),
            JSONMember("vlan", .integer(vlan)),
            JSONMember("range", .string(range)),
            JSONMember("exclude", .array(exclude.map { .string($0) })),
        ]).serialized
    }

    /// Wraps an exact value string.
    init(text: String) {
        self.text = text
        hash = SHA1Hex.digest(Array(text.utf8))
    }

    /// The NAD name mignet derives for this value: `vm-migration-network-` and the hash's first
    /// 8 hex digits (a spec's `adoptedNAD` may keep a live NAD's name instead).
    var nadName: String {
        Harvester.settingName + "-" + hash.prefix(Harvester.nadHashDigits)
    }
}

extension MigrationNetwork.Configuration {
    /// The NAD's name for this configuration's value: the adopted one, or
    /// `vm-migration-network-` and 8 hex digits of the value's hash.
    func nadName(for value: SettingValue) -> String { adoptedNADName ?? value.nadName }
}
