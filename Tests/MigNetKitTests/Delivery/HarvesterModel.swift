@testable import MigNetKit
@testable import MigNetYAML

/// A small model of a Harvester cluster: the Setting, the NADs of `harvester-system`, KubeVirt's
/// migration network, and Harvester's controller as harvester/harvester
/// pkg/controller/master/kubevirt/vm_migration_network.go runs it. Objects come in as the YAML
/// text mignet renders, parsed back, so the model sees exactly those bytes.
struct HarvesterModel {
    struct NAD: Equatable {
        var labels: [String: String]
        var annotations: [String: String]
        var config: String
    }

    var settingValue = ""
    /// Whether the stored Setting has a `value` field: Harvester's Setting type has `value` with
    /// `omitempty`, so when Harvester itself writes the Setting an empty value disappears.
    var settingHasValueField = false
    /// How many times Harvester's controller wrote the Setting: an endless re-sync shows here.
    var controllerWrites = 0
    var settingAnnotations: [String: String] = [:]
    var nads: [String: NAD] = [:]
    var kubeVirtNetwork: String?
    /// Annotation keys each object was last applied with (client-side apply's three-way merge).
    var lastApplied: [String: Set<String>] = [:]
    private var generated = 0

    /// The release the cluster runs: before v1.6 there is no controller for the setting at all.
    var release: HarvesterRelease

    /// A freshly installed Harvester: the Setting exists with an empty value and the controller
    /// has run once. The controller is the same from v1.6 to master (the same file at tags v1.6.0 to v1.9.0).
    init(release: HarvesterRelease = .newestKnown) {
        self.release = release
        reconcile()
    }

    /// A parsed object of a rendered file.
    struct Object {
        var kind: String
        var name: String
        var annotations: [String: String]
        var labels: [String: String]
        var value: String?
        var config: String?
        /// KubeVirt's `spec.configuration.migrations.network`: nil when absent, `.some(nil)` for `null`.
        var network: String??
    }

    static func parse(_ text: String) -> Object {
        let root = YAMLDocument(parsing: Array(text.utf8)).root!
        func child(_ node: YAMLNode?, _ key: String) -> YAMLNode? { node?.pairs?.first { $0.key == key }?.value }
        func strings(_ node: YAMLNode?) -> [String: String] {
            Dictionary(uniqueKeysWithValues: (node?.pairs ?? []).map { ($0.key, $0.value.scalar?.value ?? "") })
        }
        let metadata = child(root, "metadata")
        let networkNode = child(child(child(child(root, "spec"), "configuration"), "migrations"), "network")
        return Object(
            kind: child(root, "kind")!.scalar!.value, name: child(metadata, "name")!.scalar!.value,
            annotations: strings(child(metadata, "annotations")), labels: strings(child(metadata, "labels")),
            value: child(root, "value")?.scalar?.value, config: child(child(root, "spec"), "config")?.scalar?.value,
            network: networkNode.map { $0.scalar!.resolution == .null ? nil : $0.scalar!.value })
    }

    // MARK: What the tools do

    /// `kubectl apply` (client-side): creates or updates; annotations it applied before and no
    /// longer declares are removed, others (the controller's) kept. Applying the Setting
    /// triggers the controller.
    mutating func apply(_ object: Object) {
        let key = object.kind + "/" + object.name
        let removed = (lastApplied[key] ?? []).subtracting(object.annotations.keys)
        lastApplied[key] = Set(object.annotations.keys)
        switch object.kind {
        case "NetworkAttachmentDefinition":
            var annotations = nads[object.name]?.annotations ?? [:]
            for key in removed { annotations[key] = nil }
            annotations.merge(object.annotations) { $1 }
            nads[object.name] = NAD(labels: object.labels, annotations: annotations, config: object.config ?? "")
        case "Setting":
            for key in removed { settingAnnotations[key] = nil }
            settingAnnotations.merge(object.annotations) { $1 }
            settingValue = object.value ?? ""
            settingHasValueField = object.value != nil
            reconcile()
        case "KubeVirt":
            // A partial KubeVirt object is applied server-side: the API server drops a `null`
            // of a non-nullable field, so only a name can be set this way, never cleared.
            if case .some(.some(let network)) = object.network { kubeVirtNetwork = network }
        default:
            fatalError("unexpected kind \(object.kind)")
        }
    }

    /// A merge patch of KubeVirt: `null` removes the field; an absent field is left alone.
    mutating func patchKubeVirt(_ object: Object) {
        if let network = object.network { kubeVirtNetwork = network }
    }

    /// Deletes the NADs a label selector (`key`, `key=value`, `key!=value`, comma-separated) picks.
    mutating func deleteNADs(selector: String) {
        let terms = selector.split(separator: ",").map(String.init)
        for (name, nad) in nads where terms.allSatisfy({ term in
            if let range = term.range(of: "!=") {
                return nad.labels[String(term[..<range.lowerBound])] != String(term[range.upperBound...])
            }
            if let range = term.range(of: "=") {
                return nad.labels[String(term[..<range.lowerBound])] == String(term[range.upperBound...])
            }
            return nad.labels[term] != nil
        }) {
            nads[name] = nil
        }
    }

    // MARK: Harvester's controller (pkg/controller/master/kubevirt/vm_migration_network.go)

    /// Whether the live Setting differs from `object` in a field `object` declares, the way a
    /// two-way diff (Argo CD without last-applied state, Fleet's agent) compares them.
    func settingDrifts(from object: Object) -> Bool {
        (object.value != nil && (!settingHasValueField || settingValue != object.value))
            || object.annotations.contains { settingAnnotations[$0.key] != $0.value }
    }

    mutating func reconcile() {
        guard release >= .oldestSupported else { return }
        let hash = SettingValue(text: settingValue).hash
        if !settingAnnotations.isEmpty && settingAnnotations[Harvester.hashKey] == hash { return }
        var nadName: String?
        if !settingValue.isEmpty {
            if let adopted = nads.keys.sorted().first(where: { nads[$0]!.labels[Harvester.hashKey] == hash }) {
                nadName = adopted
            } else {
                generated += 1
                let name = "vm-migration-network-random\(generated)"
                nads[name] = NAD(labels: [Harvester.hashKey: hash], annotations: [Harvester.nadMarkerKey: "true"], config: "made by the controller")
                nadName = name
            }
        }
        kubeVirtNetwork = nadName
        if let old = settingAnnotations[Harvester.netAttachDefKey], !old.isEmpty {
            let oldName = String(old.split(separator: "/").last ?? "")
            if oldName != nadName { nads[oldName] = nil }
        }
        settingAnnotations[Harvester.hashKey] = hash
        settingAnnotations[Harvester.netAttachDefKey] = nadName.map { Harvester.namespace + "/" + $0 } ?? ""
        // The controller updates the Setting through Harvester's typed client: `omitempty`.
        controllerWrites += 1
        settingHasValueField = !settingValue.isEmpty
    }
}
