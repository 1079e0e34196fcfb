import MigNetYAML

/// The manifests of one cluster: the full delivery, NAD (when enabled), Setting, KubeVirt patch.
public struct RenderedCluster: Sendable, Equatable {
    /// One rendered file: its name inside the cluster's folder and its YAML text.
    public struct File: Sendable, Equatable {
        /// The file name, such as `setting.yaml`.
        public var name: String
        /// The YAML text, one document starting with `---`.
        public var contents: String
    }

    /// The cluster's name: its output folder.
    public var name: String
    /// The NAD, when the network is enabled.
    public var networkAttachmentDefinition: NetworkAttachmentDefinition?
    /// The Setting.
    public var setting: Setting
    /// The KubeVirt patch.
    public var kubeVirtPatch: KubeVirtPatch

    /// Renders a validated network.
    public init(_ network: MigrationNetwork) {
        name = network.name
        let setting = Setting(network)
        self.setting = setting
        networkAttachmentDefinition = network.configuration.map { NetworkAttachmentDefinition($0, value: setting.value) }
        kubeVirtPatch = KubeVirtPatch(network)
    }

    /// The files of the cluster's folder, in apply order: NAD, Setting, KubeVirt patch.
    public func files() throws(YAMLEmitterError) -> [File] {
        var documents: [(String, YAMLValue)] = []
        if let nad = networkAttachmentDefinition {
            documents.append(("networkattachmentdefinition.yaml", nad.document))
        }
        documents.append(("setting.yaml", setting.document))
        documents.append(("kubevirt-patch.yaml", kubeVirtPatch.document))
        let emitter = YAMLEmitter()
        var files: [File] = []
        for (name, document) in documents {
            files.append(File(name: name, contents: try emitter.emit([document])))
        }
        return files
    }
}
