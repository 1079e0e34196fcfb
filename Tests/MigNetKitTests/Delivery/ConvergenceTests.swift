import Testing
@testable import MigNetKit

/// Every delivery profile, fed to a model of Harvester's controller in the order its tool
/// applies it, ends in the live state the full rendering describes: KubeVirt on mignet's NAD,
/// the Setting's annotations those of the full rendering, and no second NAD; also after the
/// spec changes, after it is disabled, and after it is deleted from the repository.
@Suite struct ConvergenceTests {
    static let enabled = "  clusterNetwork: migration\n  vlan: 100\n  range: 10.1.2.0/24\n  exclude:\n    - 10.1.2.1\n  nodes: 3\n"
    static let changed = "  clusterNetwork: migration\n  vlan: 200\n  range: 10.1.2.0/24\n  nodes: 3\n  mtu: 9000\n"
    static let disabled = "  enabled: false\n"

    func rendered(_ body: String) throws -> RenderedCluster {
        try #require(Compiler().compile(SourceFile(path: "east.yaml", text: specText(body, name: "east"))).render())
    }

    /// One tool with what it remembers between runs.
    struct Tool {
        var delivery: Delivery
        /// Objects the tool deployed last time (kind/name): what Argo CD and Helm prune from.
        var deployed: Set<String> = []

        mutating func deliver(_ folder: ClusterFolder, to cluster: inout HarvesterModel) throws {
            let files = Dictionary(uniqueKeysWithValues: folder.files.map { ($0.name, $0.contents) })
            switch delivery {
            case .kubectl:
                let script = try #require(files[Delivery.FileName.applyScript])
                // Every kubectl call passes the script's own arguments on.
                #expect(script.split(separator: "\n").filter { $0.hasPrefix("$kubectl ") }.allSatisfy { $0.hasSuffix(" \"$@\"") })
                for line in script.split(separator: "\n") where line.hasPrefix("$kubectl ") {
                    let words = line.split(separator: " ").map(String.init)
                    switch words[1] {
                    case "apply":
                        cluster.apply(HarvesterModel.parse(try #require(files[words[3]])))
                    case "patch":
                        #expect(words.contains("merge"))
                        let file = try #require(words.firstIndex(of: "--patch-file").map { words[$0 + 1] })
                        cluster.patchKubeVirt(HarvesterModel.parse(try #require(files[file])))
                    case "delete":
                        let selector = try #require(words.firstIndex(of: "-l").map { words[$0 + 1] })
                        cluster.deleteNADs(selector: String(selector.dropFirst().dropLast()))
                    default:
                        Issue.record("unexpected command in apply.sh: \(line)")
                    }
                }
            case .argocd:
                let kustomization = try #require(files[Delivery.FileName.kustomization])
                // A PreSync hook (waitForMigrations) runs before the sync and changes nothing the model holds.
                let resources = kustomization.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
                    .filter { $0 != Delivery.FileName.preSyncHook }
                let objects = try resources.map { HarvesterModel.parse(try #require(files[$0])) }
                let ordered = objects.enumerated().sorted {
                    (Int($0.element.annotations["argocd.argoproj.io/sync-wave"] ?? "0")!, $0.offset)
                        < (Int($1.element.annotations["argocd.argoproj.io/sync-wave"] ?? "0")!, $1.offset)
                }.map(\.element)
                for object in ordered { cluster.apply(object) }
                let protected = Set(cluster.nads.filter { ($0.value.annotations["argocd.argoproj.io/sync-options"] ?? "").contains("Prune=false") }.keys)
                prune(keeping: objects, in: &cluster, protected: protected)
            case .fleet:
                #expect(files[Delivery.FileName.fleet] != nil)
                // Helm applies kinds it does not know in alphabetical order of kind.
                let objects = folder.files.filter { $0.name != Delivery.FileName.fleet }.map { HarvesterModel.parse($0.contents) }
                #expect(!objects.contains { $0.kind == "KubeVirt" }, "Fleet must not take over KubeVirt")
                for object in objects.sorted(by: { $0.kind < $1.kind }) { cluster.apply(object) }
                prune(keeping: objects, in: &cluster, protected: [])
            }
        }

        /// The spec leaves the repository: the tool stops managing the cluster's objects, the way
        /// each engine does. kubectl: nothing runs. Argo CD: the Application is deleted; with the
        /// resources finalizer (a hand-made Application) Argo CD deletes what it deployed unless
        /// its sync options say `Delete=false` (argo-cd docs/operator-manual/applicationset/
        /// Application-Deletion.md; the ApplicationSet sets preserveResourcesOnDeletion and adds
        /// no finalizer at all). Fleet: the bundle is deleted; Helm uninstalls the release unless
        /// fleet.yaml says `keepResources: true`, and then only its history goes (rancher/fleet
        /// internal/helmdeployer/delete.go). Harvester's webhook refuses to delete the Setting.
        mutating func forget(_ folder: ClusterFolder, in cluster: inout HarvesterModel) {
            let files = Dictionary(uniqueKeysWithValues: folder.files.map { ($0.name, $0.contents) })
            let objects = folder.files.filter { $0.name.hasSuffix(".yaml") && $0.name != Delivery.FileName.fleet && $0.name != Delivery.FileName.kustomization }
                .map { HarvesterModel.parse($0.contents) }
            var deleted: [HarvesterModel.Object] = []
            switch delivery {
            case .kubectl:
                break
            case .argocd:
                deleted = objects.filter { !($0.annotations["argocd.argoproj.io/sync-options"] ?? "").contains("Delete=false") }
            case .fleet:
                let keep = (files[Delivery.FileName.fleet] ?? "").split(separator: "\n").contains { $0 == "keepResources: true" }
                deleted = keep ? [] : objects
            }
            for object in deleted {
                switch object.kind {
                case "NetworkAttachmentDefinition": cluster.nads[object.name] = nil
                case "KubeVirt": cluster.kubeVirtNetwork = nil
                default: break // the Setting cannot be deleted
                }
            }
            deployed = []
        }

        /// Deletes the NADs deployed last time and no longer in the folder.
        private mutating func prune(keeping objects: [HarvesterModel.Object], in cluster: inout HarvesterModel, protected: Set<String>) {
            let now = Set(objects.map { $0.kind + "/" + $0.name })
            for key in deployed.subtracting(now) where key.hasPrefix("NetworkAttachmentDefinition/") {
                let name = String(key.dropFirst("NetworkAttachmentDefinition/".count))
                if !protected.contains(name) { cluster.nads[name] = nil }
            }
            deployed = now
        }
    }

    func expectConverged(_ cluster: HarvesterModel, to expected: RenderedCluster, _ step: String) {
        let nad = expected.networkAttachmentDefinition
        #expect(cluster.kubeVirtNetwork == nad?.name, "\(step): KubeVirt network")
        #expect(cluster.nads.keys.sorted() == (nad.map { [$0.name] } ?? []), "\(step): NADs")
        if let nad { #expect(cluster.nads[nad.name]?.config == nad.config, "\(step): NAD config") }
        #expect(cluster.settingValue == expected.setting.value.text, "\(step): value")
        for (key, value) in expected.setting.controllerAnnotations {
            #expect(cluster.settingAnnotations[key] == value, "\(step): annotation \(key)")
        }
    }

    @Test(arguments: Delivery.allCases, HarvesterRelease.known)
    func everyProfileConverges(delivery: Delivery, release: HarvesterRelease) throws {
        var cluster = HarvesterModel(release: release)
        var tool = Tool(delivery: delivery)
        for (step, body) in [("enable", Self.enabled), ("change", Self.changed), ("disable", Self.disabled), ("enable again", Self.enabled)] {
            let expected = try rendered(body)
            try tool.deliver(delivery.folder(for: expected), to: &cluster)
            expectConverged(cluster, to: expected, "\(delivery) \(step)")
        }
    }

    @Test(arguments: Delivery.allCases, HarvesterRelease.known)
    func deletingTheSpecLeavesTheClusterAsItIs(delivery: Delivery, release: HarvesterRelease) throws {
        var cluster = HarvesterModel(release: release)
        var tool = Tool(delivery: delivery)
        let expected = try rendered(Self.enabled)
        let folder = delivery.folder(for: expected)
        try tool.deliver(folder, to: &cluster)
        tool.forget(folder, in: &cluster)
        expectConverged(cluster, to: expected, "\(delivery) spec deleted")
    }

    @Test func withoutItsProtectionsADeletedSpecWouldTakeTheNADAlong() throws {
        // The model can fail: strip the protections and the NAD goes with the spec.
        for delivery in [Delivery.argocd, .fleet] {
            var cluster = HarvesterModel()
            var tool = Tool(delivery: delivery)
            var folder = delivery.folder(for: try rendered(Self.enabled))
            try tool.deliver(folder, to: &cluster)
            for index in folder.files.indices {
                folder.files[index].contents = folder.files[index].contents.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasSuffix("argocd.argoproj.io/sync-options: Delete=false") && $0 != "keepResources: true" }
                    .joined(separator: "\n")
            }
            tool.forget(folder, in: &cluster)
            #expect(cluster.nads.isEmpty, "\(delivery)")
        }
    }

    @Test(arguments: Delivery.allCases)
    func reapplyingChangesNothing(delivery: Delivery) throws {
        var cluster = HarvesterModel()
        var tool = Tool(delivery: delivery)
        let folder = delivery.folder(for: try rendered(Self.enabled))
        try tool.deliver(folder, to: &cluster)
        let before = (cluster.nads, cluster.kubeVirtNetwork, cluster.settingAnnotations)
        try tool.deliver(folder, to: &cluster)
        #expect(cluster.nads == before.0 && cluster.kubeVirtNetwork == before.1 && cluster.settingAnnotations == before.2)
    }

    /// After a disable, Harvester's controller may write the Setting with its empty value
    /// dropped (`omitempty`). Every profile settles anyway: the tool's next run writes `value: ""`
    /// back at most once, the controller then finds the hash matching and writes nothing, and no
    /// run after that sees a difference (no endless re-sync). The kubectl profile renders the
    /// disable with the controller's annotations, so the controller never writes the Setting and
    /// nothing drifts; Argo CD's and Fleet's disable goes through the controller, which drops the
    /// value: Argo CD shows the Setting OutOfSync and Fleet the bundle Modified until one sync.
    @Test(arguments: Delivery.allCases)
    func aDisabledSettingSettles(delivery: Delivery) throws {
        var cluster = HarvesterModel()
        var tool = Tool(delivery: delivery)
        try tool.deliver(delivery.folder(for: try rendered(Self.enabled)), to: &cluster)
        let disabled = try rendered(Self.disabled)
        let folder = delivery.folder(for: disabled)
        try tool.deliver(folder, to: &cluster)
        let setting = HarvesterModel.parse(try #require(folder.files.first { $0.contents.contains("kind: Setting") }).contents)
        #expect(setting.value == "", "the rendering declares the empty value")
        var rounds = 0
        while cluster.settingDrifts(from: setting), rounds < 5 {
            try tool.deliver(folder, to: &cluster)
            rounds += 1
        }
        #expect(rounds <= 1, "\(delivery): \(rounds) re-syncs")
        #expect(!cluster.settingDrifts(from: setting))
        expectConverged(cluster, to: disabled, "\(delivery) disabled")
        let writes = cluster.controllerWrites
        for _ in 0..<3 { try tool.deliver(folder, to: &cluster) }
        #expect(cluster.controllerWrites == writes, "\(delivery): the controller keeps writing")
        #expect(rounds == (delivery == .kubectl ? 0 : 1), "\(delivery): \(rounds)")
    }

    /// Before v1.6 there is no controller: the assisted delivery would leave KubeVirt alone and
    /// the full one patch it behind Harvester's back, which is why mignet refuses such a release.
    @Test func beforeV16NothingConfiguresTheAssistedDelivery() throws {
        var cluster = HarvesterModel(release: HarvesterRelease(major: 1, minor: 5))
        var tool = Tool(delivery: .fleet)
        try tool.deliver(Delivery.fleet.folder(for: try rendered(Self.enabled)), to: &cluster)
        #expect(cluster.kubeVirtNetwork == nil)
        #expect(cluster.controllerWrites == 0)
    }

    @Test func applyingTheSettingBeforeTheNADMakesASecondNAD() throws {
        // Why every profile puts the NAD first: the model reproduces the facts page's warning.
        var cluster = HarvesterModel()
        let expected = try rendered(Self.enabled)
        let folder = Delivery.fleet.folder(for: expected)
        for file in folder.files.reversed() where file.name != Delivery.FileName.fleet {
            cluster.apply(HarvesterModel.parse(file.contents))
        }
        #expect(cluster.nads.count == 2)
    }
}
