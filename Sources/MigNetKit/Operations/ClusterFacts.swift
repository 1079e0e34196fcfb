/// What a cluster said of itself: the output of the documented, read-only `kubectl get`
/// commands, by the command it came from. A command whose output was not given is a fact not
/// read, which preflight reports as a warning, never as a pass.
package struct ClusterFacts: Sendable {
    /// One documented command, and the file its output is kept in: one of
    /// `KubectlGet.clusterFacts`, the gets of live mode's one table that read cluster facts.
    typealias Source = KubectlGet

    /// The kind of the objects a source lists.
    static func kind(of source: Source) -> String? {
        switch source {
        case .clusterNetworks: "ClusterNetwork"
        case .vlanConfigs: "VlanConfig"
        case .vlanStatuses: "VlanStatus"
        case .nodes: "Node"
        case .migrations: "VirtualMachineInstanceMigration"
        case .settings: "Setting"
        case .serviceCIDRs: "ServiceCIDR"
        case .migrationSetting, .virtHandlerPods, .kubeVirt, .migrationNADs: nil
        }
    }

    /// The source a file of that name holds.
    static func source(fileName: String) -> Source? {
        for extensionName in [".yaml", ".yml", ".json"] where fileName.hasSuffix(extensionName) {
            return Source(rawValue: String(fileName.dropLast(extensionName.count))).flatMap { KubectlGet.clusterFacts.contains($0) ? $0 : nil }
        }
        return nil
    }

    /// The objects of each source that was read (an empty list: read, and nothing there).
    private(set) var objects: [Source: [KubeObject]] = [:]

    /// No facts.
    package init() {}

    /// Adds the objects of a file. A file named after a source counts as that source read, even
    /// empty (an empty `List` carries no kind); any object of a source's kind counts too.
    mutating func add(_ found: [KubeObject], fileName: String) {
        if let source = Self.source(fileName: fileName), objects[source] == nil { objects[source] = [] }
        for object in found {
            guard let source = KubectlGet.clusterFacts.first(where: { Self.kind(of: $0) == object.kind }) else { continue }
            objects[source, default: []].append(object)
        }
    }

    /// Reads the objects of `source`, kubectl's output kept as `fileName` (`nodes.yaml`), into the facts.
    package mutating func read(_ source: SourceFile, fileName: String) throws(Diagnosed) {
        add(try KubeObject.objects(in: source), fileName: fileName)
    }

    /// The objects of `source`, nil when it was not read.
    subscript(source: Source) -> [KubeObject]? { objects[source] }

    /// A Setting by name, nil when settings were not read or it is absent.
    func setting(_ name: String) -> KubeObject? {
        objects[.settings]?.first { $0.name == name }
    }

    /// A Setting's effective value (its value, else its default), as Harvester's `EffectiveValue`.
    static func effectiveValue(_ setting: KubeObject) -> String {
        let value = setting.string("value") ?? ""
        return value.isEmpty ? setting.string("default") ?? "" : value
    }
}
