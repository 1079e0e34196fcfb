import MigNetYAML

/// The cluster-scoped `vm-migration-network` Setting, with the annotations Harvester's
/// controller writes once it has configured the network. With both annotations present the
/// controller does nothing, so the NAD and the KubeVirt patch must be applied alongside.
struct Setting: Sendable, Equatable {
    /// The value.
    var value: SettingValue
    /// `namespace/name` of the NAD, or "" when disabled.
    var netAttachDef: String

    /// The Setting holding `value` and naming the NAD `nadName` (nil when disabled).
    init(value: SettingValue, nadName: String?) {
        self.value = value
        netAttachDef = nadName.map { Harvester.namespace + "/" + $0 } ?? ""
    }

    /// The controller's annotations: with both, Harvester's controller takes the Setting as
    /// already configured and does nothing.
    var controllerAnnotations: [String: String] {
        [Harvester.hashKey: value.hash, Harvester.netAttachDefKey: netAttachDef]
    }

    /// The YAML document of the full delivery: the controller's annotations and the value.
    /// `default` is Harvester's and never rendered.
    var document: YAMLValue { document(annotations: controllerAnnotations) }

    /// The YAML document with exactly `annotations` (keys sorted by bytes; none: no
    /// `annotations` key), as a delivery profile needs it.
    func document(annotations: [String: String]) -> YAMLValue {
        var metadata = [YAMLEntry("name", .string(Harvester.settingName))]
        if !annotations.isEmpty { metadata.append(YAMLEntry("annotations", .sortedMapping(annotations))) }
        return .mapping([
            YAMLEntry("apiVersion", .string("harvesterhci.io/v1beta1")),
            YAMLEntry("kind", .string("Setting")),
            YAMLEntry("metadata", .mapping(metadata)),
            YAMLEntry("value", .string(value.text, value.text.isEmpty ? .automatic : .singleQuoted)),
        ])
    }
}
