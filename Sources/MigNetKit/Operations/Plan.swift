/// What merging a change will do to each cluster, for reviewers: the specs as they stand against
/// the same specs at a base revision, cluster by cluster (by `metadata.name`, so a renamed file is
/// the same cluster), each with a class and its evidence.
package struct Plan: Sendable {
    /// How disruptive a cluster's change is.
    enum Change: String, Sendable, CaseIterable {
        case unchanged
        case metadataOnly = "metadata only"
        /// A new spec that adopts the NAD Harvester made for the live value (as `import`
        /// writes it): git takes over what the cluster runs, and nothing restarts.
        case adopt
        case capacity
        case newNAD = "new NAD"
        case enable
        case disable
        case orphan

        /// The word `--fail-on` and JSON use.
        var key: String { String(rawValue.lowercased().map { $0 == " " ? "-" : $0 }) }
    }

    /// One side of a cluster: what a spec renders, or that it did not compile.
    enum Side: Sendable {
        case rendered(Snapshot)
        case invalid
    }

    /// What a compiled spec means for its cluster.
    struct Snapshot: Sendable, Equatable {
        var enabled: Bool
        var value: String
        var hash: String
        var nadName: String?
        var nadConfig: String?
        var usable: UInt64?
        var nodes: Int?
        var plannedNodes: Int?
        /// The files of the cluster's folder, by name, for the delivery profile planned for.
        var files: [String: String]
        /// The configuration the value stands for (a pinned value means the same, validated), to
        /// name the fields that change.
        var configuration: MigrationNetwork.Configuration?

        /// The snapshot of a compilation without errors; `files: false` leaves the folder's files
        /// out (for a cluster whose spec is byte for byte the base's, nothing needs comparing).
        init?(_ compilation: Compilation, delivery: Delivery, files withFiles: Bool = true) {
            guard let rendered = compilation.render(), let cluster = compilation.cluster else { return nil }
            let folder = withFiles ? delivery.folder(for: rendered) : ClusterFolder(name: rendered.name, files: [])
            enabled = rendered.networkAttachmentDefinition != nil
            value = rendered.setting.value.text
            hash = rendered.setting.value.hash
            nadName = rendered.networkAttachmentDefinition?.name
            nadConfig = rendered.networkAttachmentDefinition?.config
            usable = enabled ? cluster.addressPlan.usable.count : nil
            nodes = cluster.nodes
            plannedNodes = cluster.plannedNodes
            files = Dictionary(uniqueKeysWithValues: folder.files.map { ($0.name, $0.contents) })
            configuration = cluster.network.configuration
        }
    }

    /// One cluster's plan.
    struct Cluster: Sendable {
        var name: String
        var change: Change
        /// One line for a table.
        var summary: String
        /// The evidence, a line each.
        var evidence: [String]
        /// Whether a reviewer must look twice (headroom shrinks below `plannedNodes`).
        var warning: Bool
        /// Whether the base spec did not compile (the change may be its fix).
        var baseInvalid: Bool
        var base: Snapshot?
        var current: Snapshot?
    }

    /// The revision or folder planned against, for the reports.
    var base: String
    /// The delivery profile the files were compared for.
    var delivery: Delivery
    /// Every cluster of either side, by name.
    private(set) var clusters: [Cluster] = []

    /// Plans the `current` compilations against the base named `baseName`, on up to `jobs`
    /// threads. The clusters named in `unchanged` are valid now and their specs (and defaults)
    /// are byte for byte the base's: each stands on both sides as it is now, without comparing
    /// its files. The rest of the base is `base`, its specs compiled as they were; a cluster of
    /// both is planned from `base`.
    package init(base baseName: String, delivery: Delivery, current: [Compilation], unchanged: Set<String>, base: [Compilation], jobs: Int = 1) {
        let snapshots = Parallel.map(current, jobs: jobs) { compilation in
            compilation.name.flatMap { name in Snapshot(compilation, delivery: delivery, files: !unchanged.contains(name)).map { (name, $0) } }
        }
        var now: [String: Snapshot] = [:]
        for case let (name, snapshot)? in snapshots { now[name] = snapshot }
        var then: [String: Side] = [:]
        for name in unchanged { then[name] = now[name].map(Side.rendered) }
        for compilation in base {
            guard let name = compilation.name else { continue }
            then[name] = Snapshot(compilation, delivery: delivery).map(Side.rendered) ?? .invalid
        }
        self.init(base: baseName, delivery: delivery, base: then, current: now)
    }

    /// Plans `current` against `base`, both by cluster name.
    init(base baseName: String, delivery: Delivery, base: [String: Side], current: [String: Snapshot]) {
        self.base = baseName
        self.delivery = delivery
        for name in Set(base.keys).union(current.keys).sorted() {
            clusters.append(Self.plan(name, base: base[name], current: current[name], delivery: delivery))
        }
    }

    static func plan(_ name: String, base: Side?, current: Snapshot?, delivery: Delivery) -> Cluster {
        var old: Snapshot?
        var baseInvalid = false
        switch base {
        case .rendered(let snapshot): old = snapshot
        case .invalid: baseInvalid = true
        case nil: break
        }
        var cluster = Cluster(name: name, change: .unchanged, summary: "", evidence: [], warning: false, baseInvalid: baseInvalid, base: old, current: current)
        if baseInvalid { cluster.evidence.append("the spec at the base did not compile: the change may be its fix") }
        guard let current else {
            cluster.change = .orphan
            cluster.summary = "spec deleted: the live objects stay as they are"
            cluster.evidence += orphanEvidence(old, delivery: delivery)
            return cluster
        }
        let capacity = capacityEvidence(old, current)
        switch (old?.enabled, current.enabled) {
        case (nil, true) where current.configuration?.adoptedNADName != nil:
            let nad = current.nadName ?? "?"
            cluster.change = .adopt
            cluster.summary = "adopts the live NAD \(nad) and value: KubeVirt and virt-handler are not touched"
            cluster.evidence += [
                "value: \(current.value)",
                "NAD: \(Harvester.namespace)/\(nad), adopted (adoptedNAD): the NAD Harvester made for this value is kept, so KubeVirt's migration network stays as it is",
                "holds only if the live Setting has this value byte for byte, as import reads it: mignet verify --live confirms it before the merge",
            ]
        case (nil, true), (false?, true):
            cluster.change = .enable
            cluster.summary = "starts using the migration network: NAD \(current.nadName ?? "?")"
            cluster.evidence += ["value: \(current.value)", "NAD: \(Harvester.namespace)/\(current.nadName ?? "?")"] + restartEvidence(name)
        case (true?, false):
            cluster.change = .disable
            cluster.summary = "goes back to the management network"
            cluster.evidence += ["value: \(old?.value ?? "") → \"\"", "KubeVirt's migration network is cleared and NAD \(old?.nadName ?? "?") deleted"] + restartEvidence(name)
        case (nil, false):
            cluster.change = .disable
            cluster.summary = "a new spec that disables the migration network"
            cluster.evidence += ["value: \"\": a migration network configured by hand on the cluster is removed"]
        case (true?, true) where old?.hash != current.hash || old?.nadName != current.nadName:
            cluster.change = .newNAD
            let fields = changedFields(old?.configuration, current.configuration)
            cluster.summary = (fields.isEmpty ? "the value's spelling changes" : fields.joined(separator: ", ")) + "; virt-handler restarts on every node"
            cluster.evidence += ["value: \(old?.value ?? "")", "    → \(current.value)"]
            if !fields.isEmpty { cluster.evidence.append("changed: " + fields.joined(separator: ", ")) }
            cluster.evidence.append("NAD: \(old?.nadName ?? "?") → \(current.nadName ?? "?") (a new NAD; the old one is deleted)")
            cluster.evidence += restartEvidence(name)
        default:
            let changedFiles = Set(old?.files.keys.map { $0 } ?? []).union(current.files.keys).sorted().filter { old?.files[$0] != current.files[$0] }
            if !changedFiles.isEmpty {
                cluster.change = .metadataOnly
                cluster.summary = "files change, the value and NAD do not: nothing restarts"
                cluster.evidence.append("files: " + changedFiles.joined(separator: ", "))
                if let before = old?.nadConfig, let after = current.nadConfig, before != after {
                    cluster.evidence += ["NAD config (updated in place, same name and hash): \(before)", "    → \(after)"]
                }
            } else if !capacity.lines.isEmpty {
                cluster.change = .capacity
                cluster.summary = capacity.changed.joined(separator: "; ")
            } else {
                cluster.summary = "nothing changes"
            }
        }
        cluster.evidence += capacity.lines
        cluster.warning = capacity.warning
        if capacity.warning { cluster.summary += " (headroom below plannedNodes)" }
        return cluster
    }

    static func restartEvidence(_ name: String) -> [String] {
        ["virt-handler restarts on every node of \(name) and in-flight migrations abort: merge when none runs (mignet preflight --live)"]
    }

    static func orphanEvidence(_ old: Snapshot?, delivery: Delivery) -> [String] {
        var lines = [
            "kubectl: nothing runs; render --prune removes the folder, the live objects stay",
            "argocd: the ApplicationSet deletes the Application without its resources (preserveResourcesOnDeletion, Delete=false); the live objects stay",
            "fleet: the bundle is deleted with keepResources: true; the live objects stay",
        ]
        if old?.enabled == true { lines.append("the cluster keeps its migration network (NAD \(old?.nadName ?? "?")); to go back to mgmt, disable the spec first and delete it later") }
        return lines
    }

    /// The capacity lines when usable addresses, `nodes` or `plannedNodes` change, and whether
    /// headroom shrinks below what `plannedNodes` needs.
    static func capacityEvidence(_ old: Snapshot?, _ current: Snapshot) -> (lines: [String], changed: [String], warning: Bool) {
        guard let old, old.enabled, current.enabled, let before = old.usable, let after = current.usable,
              before != after || old.nodes != current.nodes || old.plannedNodes != current.plannedNodes else { return ([], [], false) }
        var lines = ["usable addresses \(before) → \(after)"]
        if let oldNodes = old.nodes, let nodes = current.nodes {
            lines.append("headroom over nodes \(Int64(before) - Int64(oldNodes)) → \(Int64(after) - Int64(nodes))")
        }
        var warning = false
        if let planned = current.plannedNodes {
            let headroom = Int64(after) - Int64(planned)
            let earlier = old.plannedNodes.map { Int64(before) - Int64($0) }
            if let earlier {
                lines.append("headroom over plannedNodes \(earlier) → \(headroom)")
            } else {
                // No plannedNodes at the base: there is no earlier headroom to compare with.
                let short = headroom < 0 ? " (\(-headroom) address\(headroom == -1 ? "" : "es") short of it)" : ""
                lines.append("plannedNodes \(planned) is new: headroom over it \(headroom)\(short)")
            }
            // A warning when the headroom shrinks below what plannedNodes needs.
            warning = headroom < 0 && (earlier.map { headroom < $0 } ?? true)
        }
        // The lines whose two sides differ, for a summary.
        let changed = lines.filter { line in
            let sides = line.split(separator: " ").suffix(3)
            return sides.count == 3 && sides.first != sides.last
        }
        return (lines, changed, warning)
    }

    static func changedFields(_ old: MigrationNetwork.Configuration?, _ new: MigrationNetwork.Configuration?) -> [String] {
        guard let old, let new else { return [] }
        var fields: [String] = []
        if old.clusterNetwork != new.clusterNetwork { fields.append("clusterNetwork \(old.clusterNetwork) → \(new.clusterNetwork)") }
        if old.vlan != new.vlan { fields.append("vlan \(old.vlan) → \(new.vlan)") }
        if old.range != new.range { fields.append("range \(old.range) → \(new.range)") }
        if old.exclude != new.exclude {
            fields.append("exclude [\(old.exclude.map(\.description).joined(separator: ", "))] → [\(new.exclude.map(\.description).joined(separator: ", "))]")
        }
        return fields
    }

    /// Whether a cluster's change is one `--fail-on` names.
    static func fails(_ change: Change, on classes: Set<String>) -> Bool {
        classes.contains(change.key) || (classes.contains("any") && change != .unchanged)
    }

    /// What `--fail-on` accepts: every class of change but `unchanged`, and `any`, sorted.
    package static var failureClasses: [String] {
        (Change.allCases.map(\.key).filter { $0 != Change.unchanged.key } + ["any"]).sorted()
    }

    /// What `--fail-on classes` tripped on, each cluster with its class
    /// (`--fail-on new-nad: berlin (new NAD), paris (new NAD)`); nil when nothing did.
    package func failure(on classes: [String]) -> String? {
        let tripped = clusters.filter { Self.fails($0.change, on: Set(classes)) }
        guard !tripped.isEmpty else { return nil }
        let names = tripped.map { "\(TerminalText.escaped($0.name)) (\($0.change.rawValue))" }.joined(separator: ", ")
        return "--fail-on \(classes.joined(separator: ",")): \(names)"
    }

    // MARK: Reports

    var changed: [Cluster] { clusters.filter { $0.change != .unchanged } }
    var unchanged: [Cluster] { clusters.filter { $0.change == .unchanged } }

    /// The report for a terminal.
    var text: String {
        // The revision's name and the evidence (values, names) come from outside: escaped here, at output.
        var output = "plan against \(TerminalText.escaped(base)) (\(delivery.rawValue) profile): \(clusters.count) cluster\(clusters.count == 1 ? "" : "s"), \(changed.count) changed\n"
        for cluster in changed {
            output += "\n\(cluster.name): \(cluster.change.rawValue)\(cluster.warning ? " (warning)" : "") - \(TerminalText.escaped(cluster.summary))\n"
            for line in cluster.evidence { output += "  \(TerminalText.escaped(line))\n" }
        }
        if !unchanged.isEmpty { output += "\nunchanged: \(unchanged.map(\.name).joined(separator: ", "))\n" }
        return output
    }

    /// The report for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a table row per changed
    /// cluster, the evidence folded.
    var markdown: String {
        var output = "### mignet plan against `\(Self.code(base))`\n\n"
        if changed.isEmpty {
            output += "No cluster changes (\(clusters.count) planned, \(delivery.rawValue) profile).\n"
            return output
        }
        output += "| cluster | change | what happens |\n|---|---|---|\n"
        for cluster in changed {
            let change = [.newNAD, .disable, .orphan].contains(cluster.change) || cluster.warning ? "**\(cluster.change.rawValue)**" : cluster.change.rawValue
            output += "| \(cluster.name) | \(change)\(cluster.warning ? " ⚠" : "") | \(Self.cell(cluster.summary)) |\n"
        }
        output += "\n\(unchanged.count) of \(clusters.count) clusters unchanged (\(delivery.rawValue) profile).\n"
        for cluster in changed {
            output += "\n<details><summary>\(cluster.name): \(cluster.change.rawValue)</summary>\n\n```\n"
            output += cluster.evidence.map { TerminalText.escaped($0).replacing("```", with: "'''") }.joined(separator: "\n")
            output += "\n```\n\n</details>\n"
        }
        return output
    }

    static func cell(_ text: String) -> String {
        TerminalText.escaped(text).replacing("|", with: "\\|")
    }

    static func code(_ text: String) -> String { TerminalText.escaped(text).replacing("`", with: "'") }

    /// The report for a script.
    var json: JSONValue {
        func snapshot(_ side: Snapshot?) -> JSONValue {
            guard let side else { return .null }
            return .object([
                JSONMember("enabled", .boolean(side.enabled)),
                JSONMember("value", .string(side.value)),
                JSONMember("hash", .string(side.hash)),
                JSONMember("nad_name", side.nadName.map { .string($0) } ?? .null),
                JSONMember("usable_addresses", side.usable.map { .integer(Int($0)) } ?? .null),
                JSONMember("nodes", side.nodes.map { .integer($0) } ?? .null),
                JSONMember("planned_nodes", side.plannedNodes.map { .integer($0) } ?? .null),
            ])
        }
        var counts: [JSONMember] = []
        for change in Change.allCases {
            counts.append(JSONMember(change.key, .integer(clusters.filter { $0.change == change }.count)))
        }
        return .object([
            JSONMember("format_version", .string("1")),
            JSONMember("base", .string(base)),
            JSONMember("delivery", .string(delivery.rawValue)),
            JSONMember("counts", .object(counts)),
            JSONMember("clusters", .array(clusters.map { cluster in
                .object([
                    JSONMember("name", .string(cluster.name)),
                    JSONMember("change", .string(cluster.change.key)),
                    JSONMember("summary", .string(cluster.summary)),
                    JSONMember("warning", .boolean(cluster.warning)),
                    JSONMember("base_valid", .boolean(!cluster.baseInvalid)),
                    JSONMember("evidence", .array(cluster.evidence.map { .string($0) })),
                    JSONMember("base", snapshot(cluster.base)),
                    JSONMember("current", snapshot(cluster.current)),
                ])
            })),
        ])
    }
}
