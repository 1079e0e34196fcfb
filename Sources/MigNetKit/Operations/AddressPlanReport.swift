/// The IP plan of one valid spec, for `mignet explain`: the value and its hash, the range and
/// what its exclusions take away, the first and last address whereabouts will hand out (lowest
/// free first), capacity against the node counts, and every block the range was checked against.
package struct AddressPlanReport: Sendable {
    /// One exclusion as written and the CIDRs it stands for.
    struct Exclusion: Sendable, Equatable {
        var written: String
        var cidrs: [String]
    }

    /// A block the range was checked against, and the verdict.
    struct Check: Sendable, Equatable {
        var block: String
        var role: String
        var clear: Bool
    }

    var name: String
    var enabled: Bool
    var value: String
    var hash: String
    var pinned: Bool
    var nadName: String?
    /// The cluster network's MTU the NAD is rendered for (1500 when the spec gives none).
    var mtu: Int?
    /// The NAD's `spec.config`, byte for byte as Harvester builds it.
    var nadConfig: String?
    var range: IPv4CIDR?
    var exclusions: [Exclusion]
    var excluded: [String]
    var usableAddresses: UInt64
    var firstAddress: IPv4Address?
    var lastAddress: IPv4Address?
    var nodes: Int?
    var plannedNodes: Int?
    var checks: [Check]

    /// The report of a compiled spec; nil when the spec has errors.
    package init?(_ compilation: Compilation) {
        guard let cluster = compilation.cluster, let rendered = compilation.render() else { return nil }
        let network = cluster.network
        name = network.name
        enabled = network.configuration != nil
        value = rendered.setting.value.text
        hash = rendered.setting.value.hash
        pinned = network.configuration?.pinnedValue != nil
        nadName = rendered.networkAttachmentDefinition?.name
        nadConfig = rendered.networkAttachmentDefinition?.config
        mtu = network.configuration?.mtu
        guard let configuration = network.configuration else {
            range = nil
            exclusions = []
            excluded = []
            usableAddresses = 0
            checks = []
            return
        }
        let plan = cluster.addressPlan
        range = configuration.range
        exclusions = cluster.exclusions.map { Exclusion(written: $0.description, cidrs: $0.cidrs.map(\.description)) }
        excluded = configuration.exclude.map(\.description)
        usableAddresses = plan.usable.count
        firstAddress = plan.usable.first
        lastAddress = plan.usable.last
        nodes = cluster.nodes
        plannedNodes = cluster.plannedNodes
        let interval = configuration.range.interval
        checks = cluster.clusterNetworks().map { network in
            Check(block: network.cidr.description, role: network.declared == nil ? "Harvester's \(network.role)" : "the cluster's \(network.role) (\(network.key))",
                  clear: !interval.overlaps(network.cidr.interval))
        }
        checks += cluster.reserved.map { entry in
            Check(block: entry.value.description, role: "reserved", clear: !(entry.value.interval.map(interval.overlaps) ?? false))
        }
        for (peer, role) in [(cluster.storagePeer, "storage network"), (cluster.rwxPeer, "rwx network")] {
            guard let peer else { continue }
            checks.append(Check(block: peer.range.description, role: role, clear: plan.usable.intersection(peer.plan.usable).isEmpty))
        }
    }

    /// Usable addresses left over `nodes`.
    var headroom: Int64? { nodes.map { Int64(usableAddresses) - Int64($0) } }
    /// Usable addresses left over `plannedNodes` (negative when they do not fit).
    var plannedHeadroom: Int64? { plannedNodes.map { Int64(usableAddresses) - Int64($0) } }

    /// The JSON form; keys documented in the README.
    var json: JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
        func optional(_ number: Int64?) -> JSONValue { number.map { .integer(Int($0)) } ?? .null }
        return .object([
            JSONMember("format_version", .string("1")),
            JSONMember("name", .string(name)),
            JSONMember("enabled", .boolean(enabled)),
            JSONMember("value", .string(value)),
            JSONMember("hash", .string(hash)),
            JSONMember("pinned_value", .boolean(pinned)),
            JSONMember("nad_name", optional(nadName)),
            JSONMember("nad_config", optional(nadConfig)),
            JSONMember("mtu", optional(mtu.map(Int64.init))),
            JSONMember("range", optional(range?.description)),
            JSONMember("network", optional(range?.network.description)),
            JSONMember("broadcast", optional(range?.broadcast.description)),
            JSONMember("usable_addresses", .integer(Int(usableAddresses))),
            JSONMember("first_address", optional(firstAddress?.description)),
            JSONMember("last_address", optional(lastAddress?.description)),
            JSONMember("excluded", .array(excluded.map { .string($0) })),
            JSONMember("exclusions", .array(exclusions.map { exclusion in
                .object([JSONMember("written", .string(exclusion.written)), JSONMember("cidrs", .array(exclusion.cidrs.map { .string($0) }))])
            })),
            JSONMember("nodes", optional(nodes.map(Int64.init))),
            JSONMember("planned_nodes", optional(plannedNodes.map(Int64.init))),
            JSONMember("headroom", optional(headroom)),
            JSONMember("planned_headroom", optional(plannedHeadroom)),
            JSONMember("checked_against", .array(checks.map { check in
                .object([JSONMember("block", .string(check.block)), JSONMember("role", .string(check.role)), JSONMember("clear", .boolean(check.clear))])
            })),
        ])
    }

    /// The table for a person. Long exclusion lists are shown in full: a script wants `--format json`.
    var text: String {
        var rows: [(String, String)] = [("cluster", name)]
        guard let range else {
            rows += [("enabled", "no: migration traffic uses the management network"), ("value", "\"\""), ("hash", hash)]
            return Self.layout(rows)
        }
        rows += [
            ("value", value + (pinned ? "  (pinned)" : "")),
            ("hash", hash),
            ("NAD", Harvester.namespace + "/" + (nadName ?? "")),
            ("MTU", mtu.map { "\($0)" + ($0 == 1500 ? " (the default: no mtu in the NAD config)" : " (appended to the NAD config, as Harvester's webhook does)") } ?? ""),
            ("NAD config", nadConfig ?? ""),
            ("range", "\(range)  network \(range.network), broadcast \(range.broadcast), \(range.interval.count - 2) host addresses"),
        ]
        let width = exclusions.map(\.written.utf8.count).max() ?? 0
        let spaces = [UInt8](repeating: UInt8(ascii: " "), count: width + 2)
        for (index, exclusion) in exclusions.enumerated() {
            var line = Array(exclusion.written.utf8)
            line += spaces[..<(width - line.count + 2)]
            line += Array("->".utf8)
            for cidr in exclusion.cidrs {
                line.append(UInt8(ascii: " "))
                line += Array(cidr.utf8)
            }
            rows.append((index == 0 ? "exclude" : "", String(decoding: line, as: UTF8.self)))
        }
        if exclusions.isEmpty { rows.append(("exclude", "none")) }
        let span = firstAddress.map { first in "; whereabouts hands out \(first) first, \(lastAddress!) last" } ?? ""
        rows.append(("usable", "\(usableAddresses) address\(usableAddresses == 1 ? "" : "es")\(span)"))
        if let nodes, let headroom { rows.append(("nodes", "\(nodes), headroom \(headroom)")) }
        if let plannedNodes, let plannedHeadroom {
            rows.append(("planned nodes", "\(plannedNodes), headroom \(plannedHeadroom)" + (plannedHeadroom < 0 ? " (does not fit)" : "")))
        }
        for (index, check) in checks.enumerated() {
            rows.append((index == 0 ? "checked against" : "", "\(check.block) (\(check.role)): \(check.clear ? "clear" : "OVERLAPS")"))
        }
        return Self.layout(rows)
    }

    private static func layout(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        let spaces = [UInt8](repeating: UInt8(ascii: " "), count: width + 2)
        var output: [UInt8] = []
        for (label, text) in rows {
            output += Array(label.utf8)
            output += spaces[..<(width - label.count + 2)]
            output += Array(text.utf8)
            output.append(UInt8(ascii: "\n"))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
