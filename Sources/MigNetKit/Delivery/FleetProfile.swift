import MigNetYAML

/// The `fleet` profile: the assisted delivery for a Rancher Fleet bundle.
///
/// The NAD carries the hash label and the Setting has no controller annotations, so Harvester's
/// controller adopts the NAD, points KubeVirt at it (Fleet must not take over the KubeVirt
/// object that Harvester's own Helm release owns) and writes the annotations itself. Fleet
/// deploys a bundle as a Helm release, and Helm applies unknown kinds in alphabetical order:
/// NetworkAttachmentDefinition before Setting, as adoption needs. `fleet.yaml` targets the one
/// Fleet cluster named like the spec with `overrideTargets` (a bundle must never reach another
/// cluster, whatever the GitRepo's targets), takes over the
/// Setting Harvester created at start-up and ignores what the controller writes. It sets no
/// `namespace`, which would fail on the cluster-scoped Setting.
enum FleetProfile {
    static func folder(for cluster: RenderedCluster) throws(YAMLEmitterError) -> ClusterFolder {
        typealias Name = Delivery.FileName
        var documents: [(name: String, document: YAMLValue)] = []
        if let nad = cluster.networkAttachmentDefinition {
            documents.append((Name.networkAttachmentDefinition, nad.document))
        }
        documents.append((Name.setting, cluster.setting.document(annotations: [:])))
        documents.append((Name.fleet, fleetYAML(cluster: cluster.name)))
        return ClusterFolder(name: cluster.name, files: try OutputFile.yaml(documents))
    }

    /// A JSON-pointer path segment: `/` becomes `~1`, `~` becomes `~0`.
    static func pointer(_ segment: String) -> String {
        segment.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// The bundle's options: target the one cluster, take over the existing Setting, and
    /// compare it without the annotations and status Harvester's controller writes.
    static func fleetYAML(cluster: String) -> YAMLValue {
        let ignored = [Harvester.hashKey, Harvester.netAttachDefKey].map { "/metadata/annotations/" + pointer($0) } + ["/status"]
        return .mapping([
            YAMLEntry("helm", .mapping([YAMLEntry("takeOwnership", .boolean(true))])),
            YAMLEntry("overrideTargets", .sequence([.mapping([YAMLEntry("clusterName", .string(cluster))])])),
            YAMLEntry("diff", .mapping([
                YAMLEntry("comparePatches", .sequence([.mapping([
                    YAMLEntry("apiVersion", .string("harvesterhci.io/v1beta1")),
                    YAMLEntry("kind", .string("Setting")),
                    YAMLEntry("name", .string(Harvester.settingName)),
                    YAMLEntry("operations", .sequence(ignored.map { path in
                        .mapping([YAMLEntry("op", .string("remove")), YAMLEntry("path", .string(path))])
                    })),
                ])])),
            ])),
        ])
    }
}
