import MigNetYAML

/// The `kubectl` profile: the full delivery plus `apply.sh`, which applies the NAD, then the
/// Setting (whose annotations keep Harvester's controller out), then the KubeVirt merge patch,
/// then deletes the NADs of earlier configurations; it stops at the first failure.
enum KubectlProfile {
    /// The script. `KUBECTL` may name another kubectl (a wrapper with a context, say).
    static func script(for cluster: RenderedCluster) -> String {
        typealias Name = Delivery.FileName
        let label = Harvester.hashKey
        var lines = [
            "#!/bin/sh",
            "# Applies the VM migration network of cluster \(cluster.name). Written by mignet: do not edit.",
            "# The NAD goes first, so that the Setting never names a missing NAD; KubeVirt is patched",
            "# last; then the NADs of earlier configurations are deleted. Stops at the first failure.",
            "# Usage: ./apply.sh [KUBECTL-OPTION...], such as --context prod or --dry-run=server: every",
            "# kubectl call gets them. KUBECTL names the kubectl to run, with arguments of its own if",
            "# need be (KUBECTL='kubectl --context prod'): split on blanks, never expanded as a pattern.",
            "set -euf",
            "cd \"$(dirname \"$0\")\"",
            "kubectl=${KUBECTL:-kubectl}",
        ]
        let stale: String
        if let nad = cluster.networkAttachmentDefinition {
            lines.append("$kubectl apply -f \(Name.networkAttachmentDefinition) \"$@\"")
            stale = "\(label),\(label)!=\(nad.hash)"
        } else {
            stale = label
        }
        lines += [
            "$kubectl apply -f \(Name.setting) \"$@\"",
            "$kubectl patch kubevirt \(Harvester.kubeVirtName) -n \(Harvester.namespace) --type merge --patch-file \(Name.kubeVirtPatch) \"$@\"",
            "$kubectl delete network-attachment-definitions.k8s.cni.cncf.io -n \(Harvester.namespace) -l '\(stale)' --ignore-not-found \"$@\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension RenderedCluster {
    /// The objects of the full delivery, one file each, in apply order: NAD (when enabled),
    /// Setting, KubeVirt patch. The kubectl profile's objects.
    var objectFiles: [ObjectFile] {
        typealias Name = Delivery.FileName
        var files: [ObjectFile] = []
        if let nad = networkAttachmentDefinition {
            files.append(ObjectFile(Name.networkAttachmentDefinition, [nad.document]))
        }
        files.append(ObjectFile(Name.setting, [setting.document]))
        files.append(ObjectFile(Name.kubeVirtPatch, [kubeVirtPatch.document]))
        return files
    }

    /// The text of the full delivery's files: what `render` prints without `-o`.
    func files() -> [OutputFile] {
        ObjectFile.emit(objectFiles)
    }
}
