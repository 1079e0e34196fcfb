/// Harvester's prerequisites for the migration network, and the cluster facts a spec types in by
/// hand, checked against what the cluster says of itself (`ClusterFacts`), before a change is
/// merged. A fact that was not read is a warning, never a pass.
package struct Preflight: Sendable {
    /// How a check came out.
    enum Status: String, Sendable {
        case pass, warn, fail
    }

    /// One check's result.
    struct Check: Sendable {
        var id: String
        var subject: String
        var status: Status
        var message: String
        var details: [String]
    }

    /// Every check, in the order run.
    private(set) var checks: [Check] = []

    /// Whether no check failed (warnings allowed).
    var passed: Bool { !checks.contains { $0.status == .fail } }

    /// Whether the run fails: a check failed, or with `strict` (`--strict`), one only warned.
    package func fails(strict: Bool) -> Bool {
        !passed || (strict && checks.contains { $0.status == .warn })
    }

    static let uplinkMTU = "network.harvesterhci.io/uplink-mtu"
    static let clusterNetworkLabel = "network.harvesterhci.io/clusternetwork"
    static let matchedNodes = "network.harvesterhci.io/matched-nodes"
    static let nodeArgs = "rke2.io/node-args"

    /// Runs every check of a validated cluster against `facts`.
    /// Runs every check of `compilation`'s cluster against `facts`; nil when it has no
    /// validated cluster (a spec with errors).
    package init?(_ compilation: Compilation, facts: ClusterFacts) {
        guard let cluster = compilation.cluster else { return nil }
        self.init(cluster: cluster, facts: facts)
    }

    init(cluster: ValidatedCluster, facts: ClusterFacts) {
        let network = cluster.network
        let release = cluster.release
        checkRelease(cluster, facts)
        checkMigrations(facts)
        guard let configuration = network.configuration else {
            record("configuration", "spec", .pass, "the spec disables the migration network: only the release and running migrations matter")
            return
        }
        checkClusterNetwork(configuration.clusterNetwork, facts)
        checkVlanConfigs(configuration.clusterNetwork, facts, release: release)
        checkMTU(configuration, facts)
        checkNodes(cluster, facts, release: release)
        checkPeers(cluster, facts, release: release)
        checkKubernetesNetworks(cluster, configuration.range, facts)
    }

    private mutating func record(_ id: String, _ subject: String, _ status: Status, _ message: String, _ details: [String] = []) {
        checks.append(Check(id: id, subject: subject, status: status, message: message, details: details))
    }

    private mutating func unread(_ id: String, _ subject: String, _ source: ClusterFacts.Source) {
        record(id, subject, .warn, "not checked: nothing was read from \(source.fileName) (kubectl \(source.arguments.joined(separator: " ")))")
    }

    // MARK: The checks

    private mutating func checkRelease(_ cluster: ValidatedCluster, _ facts: ClusterFacts) {
        guard facts[.settings] != nil else { return unread("release", "release", .settings) }
        guard let setting = facts.setting(SettingImport.serverVersionSetting) else {
            return record("release", "release", .warn, "not checked: the settings hold no server-version")
        }
        let live = ClusterFacts.effectiveValue(setting)
        guard let liveRelease = HarvesterRelease(parsing: live) else {
            return record("release", "release", .warn, "not checked: the server version '\(live)' names no release (a development build?)")
        }
        guard let version = cluster.harvesterVersion, let named = cluster.release else {
            return record("release", "release", .warn, "the cluster runs \(live) and the spec names no release, so it is held to every release's rules: add harvesterVersion: \(live)")
        }
        // A spec naming a minor release (v1.8) matches any of its patches; one naming a patch must match it.
        let parts = version.value.drop { $0 == "v" }.split(separator: ".").count
        let same = parts <= 2 ? named == liveRelease : version.value.drop { $0 == "v" } == live.drop { $0 == "v" }
        if same {
            record("release", "release", .pass, "the cluster runs \(live), as harvesterVersion says")
        } else {
            record("release", "release", .fail, "the cluster runs \(live), harvesterVersion says \(version.value): the spec is checked with another release's rules; correct harvesterVersion")
        }
    }

    private mutating func checkMigrations(_ facts: ClusterFacts) {
        guard let migrations = facts[.migrations] else { return unread("migrations", "VirtualMachineInstanceMigrations", .migrations) }
        // Succeeded and Failed are KubeVirt's final phases; Harvester's webhook also skips a
        // migration being deleted or marked completed.
        let running = migrations.filter { migration in
            let phase = migration.string("status", "phase") ?? ""
            return !["Succeeded", "Failed"].contains(phase) && migration.string("metadata", "deletionTimestamp") == nil
                && migration.string("status", "migrationState", "completed") != "true"
        }
        if running.isEmpty {
            record("migrations", "VirtualMachineInstanceMigrations", .pass, "no migration is running (\(migrations.count) listed, all finished)")
        } else {
            record("migrations", "VirtualMachineInstanceMigrations", .fail,
                   "\(running.count) migration\(running.count == 1 ? " is" : "s are") running: changing the setting restarts every virt-handler pod and aborts them, and Harvester's webhook refuses it meanwhile",
                   running.map { migration in
                       "\(migration.string("metadata", "namespace") ?? "default")/\(migration.name ?? "?"): VM \(migration.string("spec", "vmiName") ?? "?"), phase \(migration.string("status", "phase").map { $0.isEmpty ? "(none yet)" : $0 } ?? "(none yet)")"
                   })
        }
    }

    private mutating func checkClusterNetwork(_ name: String, _ facts: ClusterFacts) {
        guard let networks = facts[.clusterNetworks] else { return unread("cluster-network", "ClusterNetwork \(name)", .clusterNetworks) }
        guard let network = networks.first(where: { $0.name == name }) else {
            return record("cluster-network", "ClusterNetwork \(name)", .fail, "the cluster network does not exist (there are: \(networks.compactMap(\.name).sorted().joined(separator: ", ")))")
        }
        let ready = Self.condition(network, "ready")
        if name != ClusterNetworkRule.management, ready?.string("status") != "True" {
            let reason = [ready?.string("reason"), ready?.string("message")].compactMap { $0 }.joined(separator: ": ")
            return record("cluster-network", "ClusterNetwork \(name)", .fail, "the cluster network is not ready\(reason.isEmpty ? "" : " (\(reason))")")
        }
        guard name != ClusterNetworkRule.management, let statuses = facts[.vlanStatuses] else {
            return record("cluster-network", "ClusterNetwork \(name)", .pass, "the cluster network exists and is ready")
        }
        // Harvester's webhook (`checkVlanStatusReady`) needs a VlanStatus of the network, none not ready.
        let own = statuses.filter { $0.labels[Self.clusterNetworkLabel] == name || $0.string("status", "clusterNetwork") == name }
        let notReady = own.filter { Self.condition($0, "ready")?.string("status") == "False" }
        if own.isEmpty {
            record("cluster-network", "ClusterNetwork \(name)", .fail, "the cluster network has no VLAN status: no node has set up its uplink, and Harvester's webhook refuses the setting")
        } else if !notReady.isEmpty {
            record("cluster-network", "ClusterNetwork \(name)", .fail, "the VLAN status of \(notReady.count) node\(notReady.count == 1 ? "" : "s") is not ready, and Harvester's webhook refuses the setting",
                   notReady.map { "\($0.string("status", "node") ?? $0.name ?? "?"): \(Self.condition($0, "ready")?.string("message") ?? "no message")" })
        } else {
            record("cluster-network", "ClusterNetwork \(name)", .pass, "the cluster network exists and is ready, and its VLAN status is ready on \(own.count) node\(own.count == 1 ? "" : "s")")
        }
    }

    private mutating func checkVlanConfigs(_ name: String, _ facts: ClusterFacts, release: HarvesterRelease?) {
        if name == ClusterNetworkRule.management {
            return record("vlan-configs", "VlanConfigs of \(name)", .pass, "mgmt spans every node by construction (Harvester does not check it either)")
        }
        guard let configs = facts[.vlanConfigs] else { return unread("vlan-configs", "VlanConfigs of \(name)", .vlanConfigs) }
        guard let nodes = facts[.nodes] else { return unread("vlan-configs", "VlanConfigs of \(name)", .nodes) }
        let own = configs.filter { $0.labels[Self.clusterNetworkLabel] == name || $0.string("spec", "clusterNetwork") == name }
        guard !own.isEmpty else {
            return record("vlan-configs", "VlanConfigs of \(name)", .fail, "no VLAN config belongs to the cluster network, so no node carries its VLAN")
        }
        var covered: Set<String> = []
        var unmatched: [String] = []
        for config in own {
            let annotation = config.annotations[Self.matchedNodes] ?? ""
            let names = Self.jsonStrings(annotation) ?? []
            // v1.9 skips a VLAN config that matches no node; v1.6 to v1.8 refuse the setting.
            if annotation.isEmpty && !(release?.skipsIdleVlanConfigs ?? false) { unmatched.append(config.name ?? "?") }
            covered.formUnion(names)
        }
        if !unmatched.isEmpty {
            return record("vlan-configs", "VlanConfigs of \(name)", .fail, "VLAN config \(unmatched.joined(separator: ", ")) matches no node yet (no matched-nodes annotation), which Harvester \(release.map(\.description) ?? "before v1.9") refuses: fix its node selector or remove it")
        }
        let needed = HarvesterNodes.virtHandlerNodes(nodes, release: release)
        let missing = needed.filter { !covered.contains($0) }
        let witnesses = nodes.count - needed.count
        let counted = witnesses == 0 ? "" : " (\(witnesses) witness node\(witnesses == 1 ? "" : "s") skipped, as Harvester \(release.map(\.description) ?? "of every release") does)"
        if missing.isEmpty {
            record("vlan-configs", "VlanConfigs of \(name)", .pass, "the VLAN configs cover all \(needed.count) nodes that run virt-handler\(counted)")
        } else {
            record("vlan-configs", "VlanConfigs of \(name)", .fail, "the VLAN configs miss \(missing.count) of \(needed.count) nodes that run virt-handler\(counted): their virt-handler pods cannot reach the VLAN, and Harvester's webhook refuses the setting",
                   missing.map { "not covered: \($0)" })
        }
    }

    private mutating func checkMTU(_ configuration: MigrationNetwork.Configuration, _ facts: ClusterFacts) {
        let name = configuration.clusterNetwork
        guard let networks = facts[.clusterNetworks] else { return unread("mtu", "MTU of \(name)", .clusterNetworks) }
        guard let network = networks.first(where: { $0.name == name }) else {
            return record("mtu", "MTU of \(name)", .warn, "not checked: the cluster network does not exist")
        }
        guard let found = Self.clusterNetworkMTU(network, facts) else {
            if network.annotations[Self.uplinkMTU] != nil {
                return record("mtu", "MTU of \(name)", .warn, "not checked: the MTU annotation '\(network.annotations[Self.uplinkMTU] ?? "")' is not a number")
            }
            return unread("mtu", "MTU of \(name)", .vlanConfigs)
        }
        let (live, from) = found
        if live == configuration.mtu {
            record("mtu", "MTU of \(name)", .pass, "the cluster network's MTU is \(live) (\(from)), as the spec says")
        } else {
            record("mtu", "MTU of \(name)", .fail, "the cluster network's MTU is \(live) (\(from)), the spec's is \(configuration.mtu): Harvester's NAD webhook would rewrite the rendered NAD and refuse every later update of it; set spec.mtu: \(live)")
        }
    }

    private mutating func checkNodes(_ cluster: ValidatedCluster, _ facts: ClusterFacts, release: HarvesterRelease?) {
        guard let nodes = facts[.nodes] else { return unread("nodes", "nodes", .nodes) }
        let live = HarvesterNodes.virtHandlerNodes(nodes, release: release).count
        let usable = cluster.addressPlan.usable.count
        let declared = cluster.nodes ?? 0
        let room = "\(usable) usable address\(usable == 1 ? "" : "es")"
        if live > declared {
            record("nodes", "nodes", .fail, "\(live) nodes run virt-handler, the spec says nodes: \(declared): set nodes: \(live)\(UInt64(live) > usable ? "; the range has only \(room), so the extra virt-handler pods would hang in ContainerCreating" : "")")
        } else if let planned = cluster.plannedNodes, live > planned {
            record("nodes", "nodes", .warn, "\(live) nodes run virt-handler, more than plannedNodes: \(planned); the range has \(room)")
        } else if UInt64(live) >= usable {
            record("nodes", "nodes", .warn, "\(live) nodes run virt-handler and the range has \(room): no headroom for one more node, whose virt-handler pod would hang in ContainerCreating")
        } else {
            record("nodes", "nodes", .pass, "\(live) nodes run virt-handler (spec: \(declared)); the range has \(room), headroom \(usable - UInt64(live))")
        }
    }

    private mutating func checkPeers(_ cluster: ValidatedCluster, _ facts: ClusterFacts, release: HarvesterRelease?) {
        guard facts[.settings] != nil else { return unread("peers", "storage-network", .settings) }
        // storage-network: networkutil.Config, as the migration value.
        let storageSetting = facts.setting("storage-network")
        let storageText = storageSetting.map(ClusterFacts.effectiveValue) ?? ""
        if storageText.isEmpty {
            if let storage = cluster.storageNetwork {
                record("peers", "storage-network", .fail, "the cluster has no storage network, the spec declares one (\(storage.range?.value.description ?? "?")): remove storageNetwork")
            } else {
                record("peers", "storage-network", .pass, "no storage network, as the spec says")
            }
        } else {
            do {
                let live = try HarvesterValue(parsing: storageText, release: release)
                let differences = Self.differences(live: live, range: cluster.storageNetwork?.range?.value, exclude: cluster.storageNetwork?.exclude ?? [],
                                                   vlan: cluster.storageNetwork?.vlan?.value, exclusiveVlan: cluster.storageNetwork?.exclusiveVlan?.value)
                if cluster.storageNetwork == nil {
                    record("peers", "storage-network", .fail, "the cluster has a storage network (\(live.range)) the spec does not declare, so overlap with it was not checked: add storageNetwork", ["live: \(storageText)"])
                } else if differences.isEmpty {
                    record("peers", "storage-network", .pass, "the storage network is \(live.range), as the spec says")
                } else {
                    record("peers", "storage-network", .fail, "the storage network differs from the spec's: \(differences.joined(separator: "; "))", ["live: \(storageText)"])
                }
            } catch {
                record("peers", "storage-network", .warn, "not checked: the storage-network value cannot be read: \(error.description)")
            }
        }
        // rwx-network: from v1.8.
        guard release?.hasRWXNetwork ?? true else { return }
        guard let rwxSetting = facts.setting("rwx-network") else {
            if cluster.rwxNetwork != nil { record("peers", "rwx-network", .fail, "the cluster has no rwx-network setting, the spec declares one: remove rwxNetwork") }
            return
        }
        let rwxText = ClusterFacts.effectiveValue(rwxSetting)
        do {
            // The default, {"share-storage-network":false}, is no rwx network at all.
            let parsed: RWXNetworkValue? = rwxText.isEmpty ? nil : try RWXNetworkValue(parsing: rwxText, release: release)
            let live = parsed.flatMap { $0.shareStorageNetwork || !($0.network?.range.isEmpty ?? true) ? $0 : nil }
            let own = live.flatMap { $0.shareStorageNetwork ? nil : $0.network }
            switch (cluster.rwxNetwork, live, own) {
            case (nil, nil, _):
                record("peers", "rwx-network", .pass, "no rwx network, as the spec says")
            case (nil, _?, _):
                record("peers", "rwx-network", .fail, "the cluster has an rwx network the spec does not declare: add rwxNetwork", ["live: \(rwxText)"])
            case (_?, nil, _):
                record("peers", "rwx-network", .fail, "the cluster has no rwx network, the spec declares one: remove rwxNetwork")
            case (let declared?, let live?, _) where declared.sharesStorageNetwork != live.shareStorageNetwork:
                record("peers", "rwx-network", .fail, "the rwx network \(live.shareStorageNetwork ? "shares" : "does not share") the storage network, the spec says otherwise", ["live: \(rwxText)"])
            case (let declared?, _, let network?):
                let differences = Self.differences(live: network, range: declared.range?.value, exclude: declared.exclude, vlan: nil, exclusiveVlan: nil)
                record("peers", "rwx-network", differences.isEmpty ? .pass : .fail,
                       differences.isEmpty ? "the rwx network is \(network.range), as the spec says" : "the rwx network differs from the spec's: \(differences.joined(separator: "; "))",
                       differences.isEmpty ? [] : ["live: \(rwxText)"])
            default:
                record("peers", "rwx-network", .pass, "the rwx network shares the storage network, as the spec says")
            }
        } catch {
            record("peers", "rwx-network", .warn, "not checked: the rwx-network value cannot be read: \(error.description)")
        }
    }

    private mutating func checkKubernetesNetworks(_ cluster: ValidatedCluster, _ range: IPv4CIDR, _ facts: ClusterFacts) {
        // The service network: ServiceCIDR objects (Kubernetes 1.33 and later).
        if let cidrs = facts[.serviceCIDRs] {
            let blocks = cidrs.flatMap { ($0.value("spec", "cidrs")?.items ?? []).compactMap { $0.scalar?.value } }
                .compactMap { try? AddressBlock.cidr(parsing: $0).canonical }
            compare("service network", blocks, declared: cluster.clusterServiceCIDR, key: "clusterServiceCIDR", range: range, source: "ServiceCIDR objects")
        } else {
            unread("kubernetes-networks", "service network", .serviceCIDRs)
        }
        // The pod network: RKE2's node-args annotation (`--cluster-cidr`) of any node.
        guard let nodes = facts[.nodes] else { return unread("kubernetes-networks", "pod network", .nodes) }
        let fromArgs = nodes.lazy.compactMap { node -> [IPv4CIDR]? in
            guard let args = node.annotations[Self.nodeArgs],
                  let items = Self.jsonStrings(args),
                  let index = items.firstIndex(of: "--cluster-cidr"), index + 1 < items.count else { return nil }
            return items[index + 1].split(separator: ",").compactMap { try? AddressBlock.cidr(parsing: String($0)).canonical }
        }.first
        if let fromArgs {
            compare("pod network", fromArgs, declared: cluster.clusterPodCIDR, key: "clusterPodCIDR", range: range, source: "RKE2's --cluster-cidr")
            return
        }
        // Without it, only the nodes' own pod blocks are known: a warning even when clear.
        let podCIDRs = nodes.flatMap { ($0.value("spec", "podCIDRs")?.items ?? []).compactMap { $0.scalar?.value } }
            .compactMap { try? AddressBlock.cidr(parsing: $0).canonical }
        let overlapping = podCIDRs.filter { $0.interval.overlaps(range.interval) }
        if !overlapping.isEmpty {
            record("kubernetes-networks", "pod network", .fail, "range \(range) overlaps the pod blocks of the nodes: \(overlapping.map(\.description).joined(separator: ", "))")
        } else {
            record("kubernetes-networks", "pod network", .warn, "the cluster's pod CIDR could not be read (no \(Self.nodeArgs) annotation with --cluster-cidr); range \(range) is clear of the \(podCIDRs.count) pod blocks the nodes have now")
        }
    }

    private mutating func compare(_ role: String, _ live: [IPv4CIDR], declared: Located<IPv4CIDR>?, key: String, range: IPv4CIDR, source: String) {
        guard !live.isEmpty else { return record("kubernetes-networks", role, .warn, "not checked: the \(source) name no IPv4 \(role)") }
        let names = live.map(\.description).joined(separator: ", ")
        if let overlap = live.first(where: { $0.interval.overlaps(range.interval) }) {
            return record("kubernetes-networks", role, .fail, "range \(range) overlaps the cluster's \(role) \(overlap) (\(source)): pods would lose their routes")
        }
        if let declared, !live.contains(declared.value.canonical) {
            return record("kubernetes-networks", role, .fail, "the cluster's \(role) is \(names) (\(source)), the spec's \(key) is \(declared.value): correct \(key)")
        }
        if declared == nil, live.contains(where: { network in !ReservedNetworksRule.defaultNetworks.contains { $0.cidr == network } }) {
            return record("kubernetes-networks", role, .warn, "the cluster's \(role) is \(names) (\(source)), not a default of Harvester's docs: set \(key): \(live[0]) so that validate checks it offline; the range is clear of it")
        }
        record("kubernetes-networks", role, .pass, "range \(range) is clear of the cluster's \(role) \(names) (\(source))")
    }

    // MARK: Helpers

    /// The strings of an annotation holding a JSON array of strings (the matched-nodes and
    /// node-args annotations), read as the Go controllers that wrote them read them.
    static func jsonStrings(_ text: String) -> [String]? {
        guard case .array(let items)? = try? GoJSON.parse(text) else { return nil }
        return items.compactMap { if case .string(let item) = $0 { item } else { nil } }
    }

    /// A cluster network's MTU as Harvester's NAD webhook finds it (network-controller
    /// pkg/webhook/nad/mutator.go, `patchMTU`): its uplink-mtu annotation, else its first VLAN
    /// config's MTU, else 1500 (0 counts as 1500); with where it came from. nil when it cannot
    /// be told (no annotation and no VLAN configs read, or an annotation that is not a number).
    static func clusterNetworkMTU(_ network: KubeObject, _ facts: ClusterFacts) -> (mtu: Int, from: String)? {
        if let text = network.annotations[uplinkMTU] {
            return Int(text).map { ($0 == 0 ? FieldBounds.defaultMTU : $0, "the cluster network's \(uplinkMTU) annotation") }
        }
        guard let configs = facts[.vlanConfigs] else { return nil }
        let own = configs.filter { $0.labels[clusterNetworkLabel] == network.name }
        let mtu = own.first?.string("spec", "uplink", "linkAttributes", "mtu").flatMap { Int($0) } ?? 0
        return (mtu == 0 ? FieldBounds.defaultMTU : mtu, own.isEmpty ? "the default, no VLAN config having one" : "VLAN config \(own.first?.name ?? "?")")
    }

    static func condition(_ object: KubeObject, _ type: String) -> KubeObject? {
        object.value("status", "conditions")?.items?.map(KubeObject.init).first { $0.string("type")?.lowercased() == type }
    }

    static func differences(live: HarvesterValue, range: IPv4CIDR?, exclude: [Located<AddressBlock>], vlan: Int?, exclusiveVlan: Bool?) -> [String] {
        var differences: [String] = []
        if let range, live.range != range.description { differences.append("range \(live.range) where the spec has \(range)") }
        let declared = exclude.flatMap(\.value.cidrs).map(\.description)
        if live.exclude != declared { differences.append("exclude [\(live.exclude.joined(separator: ", "))] where the spec has [\(declared.joined(separator: ", "))]") }
        if let vlan, live.vlan != vlan { differences.append("vlan \(live.vlan) where the spec has \(vlan)") }
        if let exclusiveVlan, live.exclusiveVlan != exclusiveVlan { differences.append("exclusiveVlan \(live.exclusiveVlan) where the spec has \(exclusiveVlan)") }
        if exclusiveVlan == nil, live.exclusiveVlan { differences.append("exclusiveVlan true, which the spec does not declare") }
        return differences
    }

    // MARK: Reports

    /// The report for a person: one line per check, details indented.
    var text: String {
        var output = ""
        for check in checks {
            // Subjects, messages and details quote the cluster's objects: escaped here, at output.
            output += "\(check.status.rawValue.uppercased())  \(TerminalText.escaped(check.subject)): \(TerminalText.escaped(check.message))\n"
            for detail in check.details { output += "      \(TerminalText.escaped(detail))\n" }
        }
        let failed = checks.filter { $0.status == .fail }.count
        let warned = checks.filter { $0.status == .warn }.count
        let warnings = warned == 0 ? "" : ", \(warned) warning\(warned == 1 ? "" : "s")"
        if failed == 0 && warned == 0 {
            output += "all \(checks.count) checks passed\n"
        } else {
            // Passed with warnings: none failed, and the warnings are counted, not hidden.
            output += failed == 0 ? "\(checks.count - warned) of \(checks.count) checks passed\(warnings), none failed\n" : "\(failed) of \(checks.count) checks failed\(warnings)\n"
        }
        return output
    }

    /// The report for a script.
    var json: JSONValue {
        .object([
            JSONMember("format_version", .string("1")),
            JSONMember("passed", .boolean(passed)),
            JSONMember("failed_count", .integer(checks.filter { $0.status == .fail }.count)),
            JSONMember("warning_count", .integer(checks.filter { $0.status == .warn }.count)),
            JSONMember("checks", .array(checks.map { check in
                .object([
                    JSONMember("check", .string(check.id)),
                    JSONMember("subject", .string(check.subject)),
                    JSONMember("status", .string(check.status.rawValue)),
                    JSONMember("message", .string(check.message)),
                    JSONMember("details", .array(check.details.map { .string($0) })),
                ])
            })),
        ])
    }
}
