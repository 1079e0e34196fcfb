import MigNetYAML

/// How a cluster's manifests reach it: what goes into its output folder.
///
/// Every profile converges to the same live state (the Setting with the value, its hash and
/// `harvester-system/<nad>`, one NAD, KubeVirt pointing at it); they differ in who applies what.
package enum Delivery: String, Sendable, CaseIterable {
    /// Full delivery through Argo CD: NAD, Setting and KubeVirt patch with sync waves and sync
    /// options, and a `kustomization.yaml` listing them.
    case argocd
    /// Assisted delivery through Rancher Fleet: the NAD and a Setting without the controller's
    /// annotations, so that Harvester's controller adopts the NAD and patches KubeVirt itself;
    /// a `fleet.yaml` that takes over the existing Setting and ignores what Harvester writes.
    case fleet
    /// Full delivery by hand or script: NAD, Setting, KubeVirt patch and an `apply.sh` that
    /// applies them in order and removes the NADs of earlier configurations.
    case kubectl

    /// Every file name any profile writes: what mignet recognises as its own in a cluster folder.
    package static let fileNames: Set<String> = [
        FileName.networkAttachmentDefinition, FileName.setting, FileName.kubeVirtPatch,
        FileName.kustomization, FileName.fleet, FileName.applyScript, FileName.preSyncHook,
    ]

    /// The file every profile writes into a cluster's folder: a folder holding it is a cluster's.
    package static let clusterFolderFile = FileName.setting

    /// The profile whose own file (`kustomization.yaml`, `fleet.yaml`, `apply.sh`) is among
    /// `names`, the names in a cluster folder; nil when none is, or more than one.
    package static func owner(of names: Set<String>) -> Delivery? {
        let found = allCases.filter { names.contains($0.ownFile) }
        return found.count == 1 ? found[0] : nil
    }

    /// The file only this profile writes.
    var ownFile: String {
        switch self {
        case .argocd: FileName.kustomization
        case .fleet: FileName.fleet
        case .kubectl: FileName.applyScript
        }
    }

    /// The names of the files in a cluster folder.
    enum FileName {
        static let networkAttachmentDefinition = "networkattachmentdefinition.yaml"
        static let setting = "setting.yaml"
        static let kubeVirtPatch = "kubevirt-patch.yaml"
        static let kustomization = "kustomization.yaml"
        static let fleet = "fleet.yaml"
        static let applyScript = "apply.sh"
        static let preSyncHook = "presync-wait-for-migrations.yaml"
    }

    /// The Kubernetes objects of one rendered cluster for this profile, by the file that holds
    /// them in its folder, in apply order. The folder adds what is not an object: kustomize's
    /// `kustomization.yaml`, Fleet's `fleet.yaml`, the kubectl profile's `apply.sh`.
    func objectFiles(for cluster: RenderedCluster) -> [ObjectFile] {
        switch self {
        case .argocd: ArgoCDProfile.objectFiles(for: cluster)
        case .fleet: FleetProfile.objectFiles(for: cluster)
        case .kubectl: cluster.objectFiles
        }
    }

    /// The objects as one YAML stream, for stdout (`render` without `-o`, the Argo CD plugin,
    /// the kustomize generator): byte for byte the folder's object files one after the other.
    /// For kubectl that is the full delivery: `apply.sh`'s order and its deletion of earlier
    /// NADs have no stdout form.
    func objectStream(for cluster: RenderedCluster) -> String {
        ObjectFile.emit(objectFiles(for: cluster)).map(\.contents).joined()
    }

    /// `compilation`'s objects as one YAML stream (`objectStream(for:)` of its rendered
    /// cluster), nil when it renders nothing (a spec with errors, a file that is not a spec).
    package func objectStream(for compilation: Compilation) -> String? {
        guard let cluster = compilation.render() else { return nil }
        return objectStream(for: cluster)
    }

    /// The folder of one rendered cluster for this profile.
    func folder(for cluster: RenderedCluster) -> ClusterFolder {
        let objects = objectFiles(for: cluster)
        var files = ObjectFile.emit(objects)
        switch self {
        case .argocd: files += OutputFile.yaml([(FileName.kustomization, ArgoCDProfile.kustomization(listing: objects))])
        case .fleet: files += OutputFile.yaml([(FileName.fleet, FleetProfile.fleetYAML(cluster: cluster.name))])
        case .kubectl: files.append(OutputFile(name: FileName.applyScript, contents: KubectlProfile.script(for: cluster), executable: true))
        }
        return ClusterFolder(name: cluster.name, files: files)
    }
}

/// A file of Kubernetes objects in a cluster's folder: its name and its documents.
struct ObjectFile: Sendable, Equatable {
    /// The file's name.
    var name: String
    /// Its objects, one YAML document each.
    var documents: [YAMLValue]

    /// Creates a file of objects.
    init(_ name: String, _ documents: [YAMLValue]) {
        self.name = name
        self.documents = documents
    }

    /// The text of each file, from one emitter.
    static func emit(_ files: [ObjectFile]) -> [OutputFile] {
        let texts = YAMLEmitter.emitSeparately(files.flatMap(\.documents))
        var next = 0
        return files.map { file in
            defer { next += file.documents.count }
            return OutputFile(name: file.name, contents: texts[next..<(next + file.documents.count)].joined())
        }
    }
}

/// The files of one cluster's output folder.
package struct ClusterFolder: Sendable, Equatable {
    /// The folder's name: the cluster's name.
    package var name: String
    /// The files, in the order they are applied.
    package var files: [OutputFile]

    /// Creates a folder.
    init(name: String, files: [OutputFile]) {
        self.name = name
        self.files = files
    }
}

/// One file of an output folder.
package struct OutputFile: Sendable, Equatable {
    /// The file's name.
    package var name: String
    /// Its text.
    package var contents: String
    /// Whether it is a script to run (mode 0755 rather than 0644).
    var executable: Bool

    /// The file's permission bits: `0o755` for a script, else `0o644`.
    package var mode: Int { executable ? 0o755 : 0o644 }

    /// Creates a file.
    package init(name: String, contents: String, executable: Bool = false) {
        self.name = name
        self.contents = contents
        self.executable = executable
    }

    /// Files holding one YAML document each, emitted by one emitter.
    static func yaml(_ documents: [(name: String, document: YAMLValue)]) -> [OutputFile] {
        let texts = YAMLEmitter.emitSeparately(documents.map(\.document))
        return zip(documents, texts).map { OutputFile(name: $0.name, contents: $1) }
    }
}
