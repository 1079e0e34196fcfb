import MigNetYAML

/// The `argocd` profile: the full delivery for an Argo CD Application (kustomize source).
///
/// Sync waves order the NAD (-1) before the Setting (0) and the KubeVirt patch (1). The
/// KubeVirt object is Harvester's: Argo CD patches it with a partial manifest under server-side
/// apply and must never prune or delete it, nor the Setting. Argo CD prunes a NAD that leaves
/// the folder (the Application needs `prune: true`): pruning follows `Prune`, so the NAD, marked
/// `Delete=false` and not `Prune=false`, is still pruned when a newer configuration replaces it,
/// but an Application that is deleted (its folder gone from the repository, or the whole
/// ApplicationSet) deletes nothing: the live cluster keeps working as it is.
///
/// Disabling is the one assisted step: under server-side apply a `null` cannot clear the
/// KubeVirt field (the API server drops nulls of non-nullable fields), so the folder then holds
/// only the Setting, without the controller's annotations: Harvester's controller clears
/// KubeVirt's migration network itself and writes the same annotations the full delivery would.
enum ArgoCDProfile {
    static let waveKey = "argocd.argoproj.io/sync-wave"
    static let optionsKey = "argocd.argoproj.io/sync-options"
    static let keep = "Prune=false,Delete=false"
    static let keepOnDeletion = "Delete=false"
    static let serverSideKeep = "ServerSideApply=true,Prune=false,Delete=false"

    static func objectFiles(for cluster: RenderedCluster) -> [ObjectFile] {
        typealias Name = Delivery.FileName
        var files: [ObjectFile] = []
        if let wait = cluster.waitForMigrations {
            files.append(ObjectFile(Name.preSyncHook, PreSyncHook.documents(wait)))
        }
        if let nad = cluster.networkAttachmentDefinition {
            files.append(ObjectFile(Name.networkAttachmentDefinition, [nad.document(extraAnnotations: [waveKey: "-1", optionsKey: keepOnDeletion])]))
            files.append(ObjectFile(Name.setting, [cluster.setting.document(
                annotations: cluster.setting.controllerAnnotations.merging([waveKey: "0", optionsKey: keep]) { $1 })]))
            files.append(ObjectFile(Name.kubeVirtPatch, [cluster.kubeVirtPatch.document(annotations: [waveKey: "1", optionsKey: serverSideKeep])]))
        } else {
            files.append(ObjectFile(Name.setting, [cluster.setting.document(annotations: [waveKey: "0", optionsKey: keep])]))
        }
        return files
    }

    /// The folder's `kustomization.yaml`: every object file, in apply order.
    static func kustomization(listing files: [ObjectFile]) -> YAMLValue {
        .mapping([
            YAMLEntry("apiVersion", .string("kustomize.config.k8s.io/v1beta1")),
            YAMLEntry("kind", .string("Kustomization")),
            YAMLEntry("resources", .sequence(files.map { .string($0.name) })),
        ])
    }
}
