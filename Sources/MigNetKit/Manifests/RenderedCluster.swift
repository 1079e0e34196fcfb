import MigNetYAML

/// The manifests of one cluster: the full delivery, NAD (when enabled), Setting, KubeVirt patch.
struct RenderedCluster: Sendable, Equatable {
    /// The cluster's name: its output folder.
    var name: String
    /// The NAD, when the network is enabled.
    var networkAttachmentDefinition: NetworkAttachmentDefinition?
    /// The Setting.
    var setting: Setting
    /// The KubeVirt patch.
    var kubeVirtPatch: KubeVirtPatch
    /// The argocd profile's PreSync hook, when the spec asks for it.
    var waitForMigrations: MigrationNetwork.WaitForMigrations?

    /// Renders a validated network whose value (and hash) was computed already: every object
    /// takes them from here.
    init(_ network: MigrationNetwork, value: SettingValue) {
        name = network.name
        let nadName = network.configuration?.nadName(for: value)
        setting = Setting(value: value, nadName: nadName)
        networkAttachmentDefinition = network.configuration.map { NetworkAttachmentDefinition($0, value: value) }
        kubeVirtPatch = KubeVirtPatch(network: nadName)
        waitForMigrations = network.waitForMigrations
    }
}
