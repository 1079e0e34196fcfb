import MigNetYAML

/// The `fleet` profile: the assisted delivery for a Rancher Fleet bundle.
///
/// The NAD carries the hash label and the Setting has no controller annotations, so Harvester's
/// controller adopts the NAD, points KubeVirt at it (Fleet must not take over the KubeVirt
/// object that Harvester's own Helm release owns) and writes the annotations itself. Fleet
/// deploys a bundle as a Helm release, and Helm applies unknown kinds in alphabetical order:
/// NetworkAttachmentDefinition before Setting, as adoption needs. `fleet.yaml` targets the one
/// Fleet cluster named like the spec with `overrideTargets` (a bundle must never reach another
/// cluster, whatever the GitRepo's targets; Fleet v0.9 and later), takes over the Setting
/// Harvester created at start-up, and keeps the deployed objects when the bundle is deleted
/// (`keepResources`: Fleet then drops only the Helm release's history, rancher/fleet
/// internal/helmdeployer/delete.go), so that removing a spec leaves the live cluster working. It
/// needs no `diff` options: Fleet's diff ignores fields only the live object has (the annotations
/// and status Harvester's controller writes), and since v0.10 a `comparePatches` removing
/// `/status` fails and drops the whole patch. It sets no `namespace`, which would fail on the
/// cluster-scoped Setting.
enum FleetProfile {
    static func objectFiles(for cluster: RenderedCluster) -> [ObjectFile] {
        typealias Name = Delivery.FileName
        var files: [ObjectFile] = []
        if let nad = cluster.networkAttachmentDefinition {
            files.append(ObjectFile(Name.networkAttachmentDefinition, [nad.document]))
        }
        files.append(ObjectFile(Name.setting, [cluster.setting.document(annotations: [:])]))
        return files
    }

    /// The bundle's options: target the one cluster, take over the existing Setting, keep the
    /// deployed objects when the bundle is deleted.
    static func fleetYAML(cluster: String) -> YAMLValue {
        .mapping([
            YAMLEntry("helm", .mapping([YAMLEntry("takeOwnership", .boolean(true))])),
            YAMLEntry("keepResources", .boolean(true)),
            YAMLEntry("overrideTargets", .sequence([.mapping([YAMLEntry("clusterName", .string(cluster))])])),
        ])
    }
}
