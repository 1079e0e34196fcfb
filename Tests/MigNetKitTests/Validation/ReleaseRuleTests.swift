import Testing
@testable import MigNetKit

/// The rules that differ between Harvester releases, each with a spec accepted and a spec refused
/// per release. Sources, harvester/harvester pkg/webhook/resources/setting/validator.go:
/// - v1.6.0 line 1227 and v1.7.0 line 1231: `checkNetworkOverlap` against the storage network only;
/// - v1.8.0 line 1493: against the storage and rwx networks; v1.9.0-rc6 lines 1160-1200
///   (`getNetworkConfig`): none for an rwx network that shares the storage network;
/// - v1.9.0-rc6 lines 1806-1834 (`checkExclusiveVlan`) and pkg/util/nad.go line 68
///   (`IsVMNetworkVlan`, the VLAN id alone): the storage network's exclusive VLAN;
/// - v1.9.0-rc6 line 1928: "IPv6 ranges are not supported"; v1.6 to v1.8 have no such check;
/// - v1.9.0-rc6 pkg/util/network/common.go line 20: `exclusiveVlan` in the value's struct.
@Suite struct ReleaseRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var release: String?
        var body: String
        /// The error codes expected; empty: accepted.
        var errors: [DiagnosticCode]
        var testDescription: String { "\(release ?? "no release"): \(errors.isEmpty ? "accepted" : errors.map(\.rawValue).joined(separator: ","))" }

        init(_ release: String?, _ body: String, _ errors: [DiagnosticCode] = []) {
            self.release = release
            self.body = body
            self.errors = errors
        }

        var text: String {
            specText(validBody + (release.map { "  harvesterVersion: \($0)\n" } ?? "") + body)
        }
    }

    static let rwxOverlapping = "  rwxNetwork:\n    range: 10.1.2.0/25\n"
    static let rwxClear = "  rwxNetwork:\n    range: 10.1.3.0/24\n"
    static let rwxShared = "  rwxNetwork:\n    shareStorageNetwork: true\n"
    static let storageExclusive = "  storageNetwork:\n    range: 10.2.0.0/24\n    vlan: 100\n    exclusiveVlan: true\n"
    static let storageExclusiveOther = "  storageNetwork:\n    range: 10.2.0.0/24\n    vlan: 200\n    exclusiveVlan: true\n"
    static let storageSharedVLAN = "  storageNetwork:\n    range: 10.2.0.0/24\n    vlan: 100\n"
    static let pinnedExclusiveWord = "  pinnedValue: '{\"clusterNetwork\":\"migration\",\"vlan\":100,\"range\":\"10.1.2.0/24\",\"exclude\":[],\"exclusiveVlan\":\"yes\"}'\n"

    static let cases: [Case] = [
        // Releases.
        Case("v1.6", ""), Case("1.9", ""), Case("v1.8.2", ""), Case("v1.9.0-rc6", ""), Case("'1.7'", ""),
        Case("v1.5", "", [.harvesterVersionUnsupported]), Case("v1.4.3", "", [.harvesterVersionUnsupported]),
        Case("v1", "", [.harvesterVersionInvalid]), Case("v1.8.x", "", [.harvesterVersionInvalid]),
        // rwx-network: v1.8 and later.
        Case("v1.8", rwxClear), Case("v1.9", rwxClear),
        Case("v1.8", rwxOverlapping, [.rangeOverlapsRWXNetwork]), Case("v1.9", rwxOverlapping, [.rangeOverlapsRWXNetwork]),
        Case("v1.8", rwxShared), Case("v1.9", rwxShared),
        Case("v1.7", rwxClear, [.releaseFeatureUnavailable]), Case("v1.6", rwxShared, [.releaseFeatureUnavailable]),
        Case(nil, rwxClear, [.releaseFeatureUnavailable]),
        Case("v1.8", "  rwxNetwork:\n    exclude: [10.3.0.1]\n", [.missingKey]),
        // exclusiveVlan of the storage network: v1.9 and later.
        Case("v1.9", storageExclusiveOther), Case("v1.9", storageSharedVLAN),
        Case("v1.9", storageExclusive, [.vlanExclusiveToStorage]),
        Case("v1.8", storageExclusiveOther, [.releaseFeatureUnavailable]), Case(nil, storageExclusiveOther, [.releaseFeatureUnavailable]),
        Case("v1.8", storageSharedVLAN),
        Case("v1.9", "  storageNetwork:\n    range: 10.2.0.0/24\n    exclusiveVlan: true\n", [.missingKey]),
        // exclusiveVlan in a pinned value: a field from v1.9 on, an ignored key before.
        Case("v1.8", pinnedExclusiveWord), Case("v1.6", pinnedExclusiveWord),
        Case("v1.9", pinnedExclusiveWord, [.pinnedValueInvalid]), Case(nil, pinnedExclusiveWord, [.pinnedValueInvalid]),
    ]

    @Test(arguments: cases)
    func rulesFollowTheRelease(_ entry: Case) {
        let compilation = Compiler().compile(SourceFile(path: "spec.yaml", text: entry.text))
        let errors = compilation.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(errors == entry.errors, "\(compilation.diagnostics.map(\.message))")
        #expect((compilation.network != nil) == entry.errors.isEmpty)
    }

    /// IPv6: v1.9 refuses it, the webhooks of v1.6 to v1.8 can hang on it; the message says which.
    @Test(arguments: [
        (nil, "v1.9 refuses IPv6 and the webhooks of v1.6 to v1.8 can hang on it"),
        ("v1.6", "the webhook of Harvester v1.6 (as of v1.6 to v1.8) can hang on IPv6 instead of refusing it"),
        ("v1.8", "the webhook of Harvester v1.8 (as of v1.6 to v1.8) can hang on IPv6 instead of refusing it"),
        ("v1.9", "Harvester v1.9 refuses IPv6"),
    ] as [(String?, String)])
    func ipv6MessageNamesTheRelease(release: String?, reason: String) throws {
        let version = release.map { "  harvesterVersion: \($0)\n" } ?? ""
        let text = specText("  clusterNetwork: migration\n  vlan: 100\n  range: fd00::/64\n  nodes: 3\n" + version)
        let compilation = Compiler().compile(SourceFile(path: "spec.yaml", text: text))
        let diagnostic = try #require(compilation.diagnostics.first { $0.code == .addressIPv6Unsupported })
        #expect(diagnostic.location == SourceLocation(file: "spec.yaml", line: 8, column: 10))
        #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
    }

    /// The pod and service networks: the docs' defaults, or the cluster's own, each replacing the
    /// defaults of its role; the message says where the list came from.
    @Test func clusterNetworksReplaceTheDefaults() throws {
        func compile(_ body: String) -> Compilation {
            Compiler().compile(SourceFile(path: "spec.yaml", text: specText("  clusterNetwork: migration\n  vlan: 100\n  nodes: 3\n" + body)))
        }
        let defaulted = compile("  range: 10.42.7.0/24\n")
        let fromDefaults = try #require(defaulted.diagnostics.first { $0.code == .rangeOverlapsHarvesterNetwork })
        #expect(fromDefaults.message.contains("10.42.0.0/16, pod network, one of the defaults of Harvester's docs"))
        #expect(fromDefaults.notes.isEmpty)
        // The cluster was installed with its pod network elsewhere: 10.42/16 is free.
        #expect(compile("  range: 10.42.7.0/24\n  clusterPodCIDR: 10.100.0.0/16\n").network != nil)
        // ...but the service defaults still hold.
        #expect(compile("  range: 10.43.7.0/24\n  clusterPodCIDR: 10.100.0.0/16\n").network == nil)
        let declared = compile("  range: 10.100.7.0/24\n  clusterPodCIDR: 10.100.0.0/16\n")
        let fromSpec = try #require(declared.diagnostics.first { $0.code == .rangeOverlapsHarvesterNetwork })
        #expect(fromSpec.message.contains("10.100.0.0/16, the cluster's pod network, as the spec declares it"))
        #expect(fromSpec.location == SourceLocation(file: "spec.yaml", line: 9, column: 10))
        #expect(fromSpec.notes.map(\.location) == [SourceLocation(file: "spec.yaml", line: 10, column: 19)])
        let service = compile("  range: 10.61.7.0/24\n  clusterServiceCIDR: 10.61.0.0/16\n")
        #expect(service.diagnostics.first { $0.code == .rangeOverlapsHarvesterNetwork }?.message.contains("the cluster's service network") == true)
    }
}
