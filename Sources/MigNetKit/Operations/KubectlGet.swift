/// Every `kubectl get` mignet runs in live mode, and the file name `--save` keeps its output
/// under: the one table of preflight's and import's cluster facts and verify's four objects.
/// Only `get` is ever run.
package enum KubectlGet: String, CaseIterable, Sendable {
    // The cluster facts (`ClusterFacts.Source`): preflight reads all, import four.
    case clusterNetworks = "clusternetworks"
    case vlanConfigs = "vlanconfigs"
    case vlanStatuses = "vlanstatuses"
    case nodes
    case migrations
    case settings
    case serviceCIDRs = "servicecidrs"
    // What verify reads.
    case migrationSetting = "setting"
    case virtHandlerPods = "pods"
    case kubeVirt = "kubevirt"
    case migrationNADs = "nads"

    /// The file name `--save` writes and an offline run reads.
    package var fileName: String { rawValue + ".yaml" }

    /// The arguments after `kubectl` (and its global options): a `get`, nothing else.
    package var arguments: [String] {
        switch self {
        case .clusterNetworks: ["get", "clusternetworks.network.harvesterhci.io", "-o", "yaml"]
        case .vlanConfigs: ["get", "vlanconfigs.network.harvesterhci.io", "-o", "yaml"]
        case .vlanStatuses: ["get", "vlanstatuses.network.harvesterhci.io", "-o", "yaml"]
        case .nodes: ["get", "nodes", "-o", "yaml"]
        case .migrations: ["get", "virtualmachineinstancemigrations.kubevirt.io", "--all-namespaces", "-o", "yaml"]
        case .settings: ["get", "settings.harvesterhci.io", "-o", "yaml"]
        case .serviceCIDRs: ["get", "servicecidrs.networking.k8s.io", "-o", "yaml"]
        case .migrationSetting: ["get", "settings.harvesterhci.io", Harvester.settingName, "-o", "yaml"]
        case .virtHandlerPods: ["get", "pods", "--namespace", Harvester.namespace, "--selector", "kubevirt.io=virt-handler", "-o", "yaml"]
        case .kubeVirt: ["get", "kubevirts.kubevirt.io", Harvester.kubeVirtName, "--namespace", Harvester.namespace, "-o", "yaml"]
        case .migrationNADs: ["get", "network-attachment-definitions.k8s.cni.cncf.io", "--namespace", Harvester.namespace, "-o", "yaml"]
        }
    }

    /// Whether a cluster may lack the resource type altogether (ServiceCIDR needs Kubernetes
    /// 1.33): kubectl's "doesn't have a resource type" is then a fact not read.
    package var mayBeMissing: Bool { self == .serviceCIDRs }

    /// The gets that read cluster facts (`ClusterFacts.Source`): preflight runs them all, in order.
    package static let clusterFacts: [KubectlGet] = [.clusterNetworks, .vlanConfigs, .vlanStatuses, .nodes, .migrations, .settings, .serviceCIDRs]

    /// The gets verify runs, in order.
    package static let verify: [KubectlGet] = [.migrationSetting, .virtHandlerPods, .kubeVirt, .migrationNADs]
}
