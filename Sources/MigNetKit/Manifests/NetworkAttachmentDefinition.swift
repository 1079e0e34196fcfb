import MigNetYAML

/// The Multus NetworkAttachmentDefinition Harvester's controller creates for a configuration,
/// byte for byte as it stands after Harvester's network webhook has added the MTU.
struct NetworkAttachmentDefinition: Sendable, Equatable {
    /// The NAD's name, derived from the value's hash.
    var name: String
    /// The value's SHA-1, carried as a label so that the controller adopts this NAD.
    var hash: String
    /// The CNI config, `spec.config`.
    var config: String

    /// The NAD of an enabled configuration.
    init(_ configuration: MigrationNetwork.Configuration, value: SettingValue) {
        name = configuration.nadName(for: value)
        hash = value.hash
        config = Self.config(for: configuration)
    }

    /// `spec.config` as Harvester builds it: bridge CNI on `<clusterNetwork>-br`, VLAN 0 taken
    /// as 1, whereabouts IPAM, `exclude` only when non-empty, and `"mtu"` appended at the top
    /// level by the network webhook when the MTU is not 1500.
    static func config(for configuration: MigrationNetwork.Configuration) -> String {
        var ipam: [JSONMember] = [
            JSONMember("type", .string("whereabouts")),
            JSONMember("range", .string(configuration.range.description)),
        ]
        if !configuration.exclude.isEmpty {
            ipam.append(JSONMember("exclude", .array(configuration.exclude.map { .string($0.description) })))
        }
        var members: [JSONMember] = [
            JSONMember("cniVersion", .string("0.3.1")),
            JSONMember("type", .string("bridge")),
            JSONMember("bridge", .string(configuration.clusterNetwork + "-br")),
            JSONMember("promiscMode", .boolean(true)),
            JSONMember("vlan", .integer(configuration.vlan == 0 ? 1 : configuration.vlan)),
            JSONMember("ipam", .object(ipam)),
        ]
        if configuration.mtu != FieldBounds.defaultMTU && configuration.mtu != 0 {
            members.append(JSONMember("mtu", .integer(configuration.mtu)))
        }
        return JSONValue.object(members).serialized
    }

    /// The YAML document.
    var document: YAMLValue { document(extraAnnotations: [:]) }

    /// The YAML document with more annotations (a delivery profile's), all sorted by bytes.
    func document(extraAnnotations: [String: String]) -> YAMLValue {
        .mapping([
            YAMLEntry("apiVersion", .string("k8s.cni.cncf.io/v1")),
            YAMLEntry("kind", .string("NetworkAttachmentDefinition")),
            YAMLEntry("metadata", .mapping([
                YAMLEntry("name", .string(name)),
                YAMLEntry("namespace", .string(Harvester.namespace)),
                YAMLEntry("annotations", .sortedMapping(extraAnnotations.merging([Harvester.nadMarkerKey: "true"]) { $1 })),
                YAMLEntry("labels", .sortedMapping([Harvester.hashKey: hash])),
            ])),
            YAMLEntry("spec", .mapping([YAMLEntry("config", .string(config, .singleQuoted))])),
        ])
    }
}
