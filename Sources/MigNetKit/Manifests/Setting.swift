import MigNetYAML

/// The cluster-scoped `vm-migration-network` Setting, with the annotations Harvester's
/// controller writes once it has configured the network. With both annotations present the
/// controller does nothing, so the NAD and the KubeVirt patch must be applied alongside.
public struct Setting: Sendable, Equatable {
    /// The value.
    public var value: SettingValue
    /// `namespace/name` of the NAD, or "" when disabled.
    public var netAttachDef: String

    /// The Setting of a validated network.
    public init(_ network: MigrationNetwork) {
        value = SettingValue(network.configuration)
        netAttachDef = network.configuration == nil ? "" : Harvester.namespace + "/" + value.nadName
    }

    /// The YAML document. Annotation keys are sorted by bytes; `default` is Harvester's and
    /// never rendered.
    public var document: YAMLValue {
        .mapping([
            YAMLEntry("apiVersion", .string("harvesterhci.io/v1beta1")),
            YAMLEntry("kind", .string("Setting")),
            YAMLEntry("metadata", .mapping([
                YAMLEntry("name", .string(Harvester.settingName)),
                YAMLEntry("annotations", .mapping([
                    YAMLEntry(Harvester.hashKey, .string(value.hash)),
                    YAMLEntry(Harvester.netAttachDefKey, .string(netAttachDef)),
                ])),
            ])),
            YAMLEntry("value", .string(value.text, value.text.isEmpty ? .automatic : .singleQuoted)),
        ])
    }
}
