import MigNetYAML

/// The part of the `harvester-system/kubevirt` KubeVirt object mignet sets: only
/// `spec.configuration.migrations.network`. The same document serves as a partial object
/// (server-side apply) and as a `kubectl patch --type merge` body, where `null` removes the field.
struct KubeVirtPatch: Sendable, Equatable {
    /// The NAD's bare name, or nil to clear the field (disabled).
    var network: String?

    /// The patch pointing KubeVirt at `network` (nil clears the field).
    init(network: String?) {
        self.network = network
    }

    /// The YAML document.
    var document: YAMLValue { document(annotations: [:]) }

    /// The YAML document with `annotations` (a delivery profile's, sorted by bytes).
    func document(annotations: [String: String]) -> YAMLValue {
        var metadata = [
            YAMLEntry("name", .string(Harvester.kubeVirtName)),
            YAMLEntry("namespace", .string(Harvester.namespace)),
        ]
        if !annotations.isEmpty { metadata.append(YAMLEntry("annotations", .sortedMapping(annotations))) }
        return .mapping([
            YAMLEntry("apiVersion", .string("kubevirt.io/v1")),
            YAMLEntry("kind", .string("KubeVirt")),
            YAMLEntry("metadata", .mapping(metadata)),
            YAMLEntry("spec", .mapping([
                YAMLEntry("configuration", .mapping([
                    YAMLEntry("migrations", .mapping([
                        YAMLEntry("network", network.map { .string($0) } ?? .null),
                    ])),
                ])),
            ])),
        ])
    }
}
