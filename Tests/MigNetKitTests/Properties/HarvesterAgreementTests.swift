import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit

/// Properties over thousands of generated specs: whatever mignet accepts, Harvester's admission
/// webhook (harvester/harvester pkg/webhook/resources/setting/validator.go, modelled here
/// independently, by enumerating addresses as the webhook does) accepts too, and the NAD config
/// is the one pkg/util/network/common.go builds.
@Suite struct HarvesterAgreementTests {
    typealias Generator = SeededGenerator

    /// A spec drawn at random, mostly near the edges of what is valid.
    struct Drawn {
        var clusterNetwork: String
        var vlan: Int
        var range: String
        var exclude: [String]
        var nodes: Int
        var mtu: Int?
        var storage: String?
        /// The storage network's VLAN and whether it is exclusive (v1.9).
        var storageVLAN: (vlan: Int, exclusive: Bool)?
        var rwx: String?
        var release: HarvesterRelease?

        var text: String {
            var body = "  clusterNetwork: \(clusterNetwork)\n  vlan: \(vlan)\n  range: \(range)\n  nodes: \(nodes)\n"
            if let release { body += "  harvesterVersion: \(release)\n" }
            if let mtu { body += "  mtu: \(mtu)\n" }
            if !exclude.isEmpty { body += "  exclude:\n" + exclude.map { "    - \($0)\n" }.joined() }
            if let storage {
                body += "  storageNetwork:\n    range: \(storage)\n"
                if let storageVLAN { body += "    vlan: \(storageVLAN.vlan)\n    exclusiveVlan: \(storageVLAN.exclusive)\n" }
            }
            if let rwx { body += "  rwxNetwork:\n    range: \(rwx)\n" }
            return specText(body)
        }
    }

    static func draw(_ g: inout Generator) -> Drawn {
        let names = ["migration", "mgmt", "data", "a", "vlan-net", "abcdefghijkl"]
        let prefix = Int.random(in: 20...31, using: &g)
        let base = UInt32(10) << 24 | UInt32.random(in: 0...0xFFFF, using: &g) << 8
        let hostBits = UInt32(1) << (32 - prefix) - 1
        let network = Int.random(in: 0..<10, using: &g) == 0 ? base | UInt32.random(in: 0...0xFF, using: &g) : base & ~hostBits
        func address(_ value: UInt32) -> String { IPv4Address(value).description }
        let start = base & ~hostBits
        var exclude: [String] = []
        for _ in 0..<Int.random(in: 0...4, using: &g) {
            let offset = UInt32.random(in: 0...(hostBits + 3), using: &g)
            switch Int.random(in: 0..<3, using: &g) {
            case 0: exclude.append(address(start &+ offset))
            case 1:
                let length = Int.random(in: max(prefix, 24)...32, using: &g)
                let mask = length == 32 ? UInt32.max : ~(UInt32(1) << (32 - length) - 1)
                exclude.append("\(address((start &+ offset) & mask))/\(length)")
            default:
                let last = start &+ offset &+ UInt32.random(in: 0...6, using: &g)
                exclude.append("\(address(start &+ offset))-\(address(last))")
            }
        }
        let storage = Int.random(in: 0..<4, using: &g) == 0 ? "\(address(start &+ (hostBits + 1) * UInt32.random(in: 0...1, using: &g)))/\(prefix)" : nil
        let rwx = Int.random(in: 0..<4, using: &g) == 0 ? "\(address(start &+ (hostBits + 1) * UInt32.random(in: 0...1, using: &g)))/\(prefix)" : nil
        let vlan = Int.random(in: 0...4096, using: &g)
        let storageVLAN = Int.random(in: 0..<2, using: &g) == 0 ? (vlan + Int.random(in: 0...1, using: &g), Bool.random(using: &g)) : nil
        let releases: [HarvesterRelease?] = [nil] + HarvesterRelease.known
        return Drawn(clusterNetwork: names.randomElement(using: &g)!, vlan: vlan,
                     range: "\(address(network))/\(prefix)", exclude: exclude, nodes: Int.random(in: 1...20, using: &g),
                     mtu: Int.random(in: 0..<3, using: &g) == 0 ? [1500, 9000, 1450].randomElement(using: &g)! : nil, storage: storage,
                     storageVLAN: storageVLAN, rwx: rwx, release: releases.randomElement(using: &g)!)
    }

    /// Harvester's webhook for the `vm-migration-network` setting of `release`
    /// (pkg/webhook/resources/setting/validator.go at each release tag), on the value's JSON as Harvester would receive it, with the cluster's peer settings.
    /// nil when accepted, else why not. A release the spec does not name is any of them.
    static func webhookRefusal(value: String, nodes: Int, storage: String?, storageVLAN: (vlan: Int, exclusive: Bool)? = nil,
                               rwx: String? = nil, release: HarvesterRelease) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any],
              let clusterNetwork = object["clusterNetwork"] as? String, let vlan = object["vlan"] as? Int,
              let range = object["range"] as? String, let exclude = object["exclude"] as? [String] else { return "unreadable" }
        if !(0...4094).contains(vlan) { return "vlan" }
        if clusterNetwork == "mgmt" && vlan < 2 { return "vlan on mgmt" }
        if clusterNetwork.count > 12 { return "name" }
        guard let (network, length) = cidr(range), length >= 16 else { return "range" }
        if network & ~mask(length) != 0 { return "range host bits" }
        var blocks: [(UInt32, Int)] = []
        for entry in exclude {
            guard let (address, entryLength) = cidr(entry), entryLength >= 16, entryLength > length else { return "exclude \(entry)" }
            if !overlaps((address, entryLength), (network, length)) { return "exclude outside" }
            if let previous = blocks.last, overlaps(previous, (address, entryLength)) { return "consecutive overlap" }
            blocks.append((address, entryLength))
        }
        let usable = usableAddresses(network, length, blocks)
        if usable.count < nodes { return "capacity" }
        if let storage, let (storageNetwork, storageLength) = cidr(storage),
           !usable.isDisjoint(with: usableAddresses(storageNetwork & mask(storageLength), storageLength, [])) { return "storage" }
        // v1.8 adds the rwx-network setting to the overlap check.
        if release >= HarvesterRelease(major: 1, minor: 8), let rwx, let (rwxNetwork, rwxLength) = cidr(rwx),
           !usable.isDisjoint(with: usableAddresses(rwxNetwork & mask(rwxLength), rwxLength, [])) { return "rwx" }
        // v1.9: an exclusive storage VLAN is refused to every other NAD (VLAN ids compared alone).
        if release >= HarvesterRelease(major: 1, minor: 9), storage != nil, let storageVLAN, storageVLAN.exclusive,
           storageVLAN.vlan == (vlan == 0 ? 1 : vlan) || storageVLAN.vlan == vlan { return "exclusive storage vlan" }
        return nil
    }

    static func mask(_ length: Int) -> UInt32 { length == 0 ? 0 : UInt32.max << (32 - length) }

    static func cidr(_ text: String) -> (UInt32, Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let length = Int(parts[1]), (0...32).contains(length) else { return nil }
        let octets = parts[0].split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 <= 255 }) else { return nil }
        return (octets.reduce(0) { $0 << 8 | $1 }, length)
    }

    static func overlaps(_ a: (UInt32, Int), _ b: (UInt32, Int)) -> Bool {
        let shorter = min(a.1, b.1)
        return a.0 & mask(shorter) == b.0 & mask(shorter)
    }

    /// Every address of the block but its network and broadcast, less the excluded blocks:
    /// enumerated one by one, as Harvester's webhook counts.
    static func usableAddresses(_ network: UInt32, _ length: Int, _ excluded: [(UInt32, Int)]) -> Set<UInt32> {
        let first = network & mask(length)
        let last = first | ~mask(length)
        guard last > first + 1 else { return [] }
        return Set((first + 1...last - 1).filter { address in !excluded.contains { address & mask($0.1) == $0.0 & mask($0.1) } })
    }

    /// The NAD config of pkg/util/network/common.go, spelt out.
    static func expectedConfig(clusterNetwork: String, vlan: Int, range: String, exclude: [String], mtu: Int) -> String {
        let excluded = exclude.isEmpty ? "" : ",\"exclude\":[" + exclude.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let mtuSuffix = mtu == 1500 || mtu == 0 ? "" : ",\"mtu\":\(mtu)"
        return "{\"cniVersion\":\"0.3.1\",\"type\":\"bridge\",\"bridge\":\"\(clusterNetwork)-br\",\"promiscMode\":true,\"vlan\":\(vlan == 0 ? 1 : vlan),\"ipam\":{\"type\":\"whereabouts\",\"range\":\"\(range)\"\(excluded)}\(mtuSuffix)}"
    }

    @Test(arguments: 0..<8)
    func whatMignetAcceptsHarvesterAccepts(batch: Int) throws {
        var g = SeededGenerator(state: 0xA5A5 + UInt64(batch))
        var accepted = 0
        for _ in 0..<500 {
            let drawn = Self.draw(&g)
            let compilation = Compiler().compile(SourceFile(path: "drawn.yaml", text: drawn.text))
            guard let rendered = compilation.render(), let configuration = compilation.network?.configuration else { continue }
            accepted += 1
            let value = rendered.setting.value.text
            // A spec that names no release must be accepted by every release.
            for release in drawn.release.map({ [$0] }) ?? HarvesterRelease.known {
                #expect(Self.webhookRefusal(value: value, nodes: drawn.nodes, storage: drawn.storage, storageVLAN: drawn.storageVLAN,
                                            rwx: drawn.rwx, release: release) == nil, "\(release)\n\(drawn.text)\n\(value)")
            }
            let exclude = configuration.exclude.map(\.description)
            #expect(rendered.networkAttachmentDefinition?.config == Self.expectedConfig(
                clusterNetwork: drawn.clusterNetwork, vlan: drawn.vlan, range: drawn.range, exclude: exclude, mtu: drawn.mtu ?? 1500))
            // The usable count mignet computes by intervals is the webhook's enumeration.
            let (network, length) = Self.cidr(drawn.range)!
            let blocks = exclude.map { Self.cidr($0)! }
            let enumerated = Self.usableAddresses(network, length, blocks)
            let plan = try #require(compilation.cluster).addressPlan
            #expect(plan.usable.count == UInt64(enumerated.count))
            #expect(plan.usable.first?.value == enumerated.min())
            #expect(plan.usable.last?.value == enumerated.max())
        }
        #expect(accepted > 50, "the generator should draw valid specs often enough: \(accepted) of 500")
    }
}
