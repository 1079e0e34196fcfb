import MigNetYAML

/// The manifests of one cluster: the full delivery, NAD (when enabled), Setting, KubeVirt patch.
package struct RenderedCluster: Sendable, Equatable {
    /// The cluster's name: its output folder.
    package var name: String
    /// The NAD, when the network is enabled.
    package var networkAttachmentDefinition: NetworkAttachmentDefinition?
    /// The Setting.
    package var setting: Setting
    /// The KubeVirt patch.
    package var kubeVirtPatch: KubeVirtPatch
    /// The argocd profile's PreSync hook, when the spec asks for it.
    package var waitForMigrations: MigrationNetwork.WaitForMigrations?

    /// Renders a validated network.
    package init(_ network: MigrationNetwork) {
        self.init(network, value: SettingValue(network.configuration))
    }

    /// Renders a validated network whose value (and hash) was computed already: every object
    /// takes them from here.
    package init(_ network: MigrationNetwork, value: SettingValue) {
        name = network.name
        let nadName = network.configuration?.nadName(for: value)
        setting = Setting(value: value, nadName: nadName)
        networkAttachmentDefinition = network.configuration.map { NetworkAttachmentDefinition($0, value: value) }
        kubeVirtPatch = KubeVirtPatch(network: nadName)
        waitForMigrations = network.waitForMigrations
    }

    /// The documents of the full delivery, one file each, in apply order: NAD (when enabled),
    /// Setting, KubeVirt patch. What `render` prints without `-o`.
    package func files() throws(YAMLEmitterError) -> [OutputFile] {
        typealias Name = Delivery.FileName
        var documents: [(name: String, document: YAMLValue)] = []
        if let nad = networkAttachmentDefinition {
            documents.append((Name.networkAttachmentDefinition, nad.document))
        }
        documents.append((Name.setting, setting.document))
        documents.append((Name.kubeVirtPatch, kubeVirtPatch.document))
        return try OutputFile.yaml(documents)
    }
}
