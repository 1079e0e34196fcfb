import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit

@Suite struct SchemaTests {
    static let committed = Repository.root + "/schema/mignet-v1.schema.json"

    /// The committed schema is what the code generates; `RECORD_GOLDENS=1` rewrites it.
    @Test func committedSchemaIsCurrent() throws {
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try SpecSchema.jsonSchema.pretty.write(toFile: Self.committed, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: Self.committed, encoding: .utf8) == SpecSchema.jsonSchema.pretty)
    }

    /// The same for the repository file's schema, and the decoder reads exactly its keys.
    @Test func committedRepositorySchemaIsCurrent() throws {
        let committed = Repository.root + "/schema/mignet-repository-v1.schema.json"
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try RepositoryFile.jsonSchema.pretty.write(toFile: committed, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: committed, encoding: .utf8) == RepositoryFile.jsonSchema.pretty)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(RepositoryFile.jsonSchema.serialized.utf8)) as? [String: Any])
        #expect(Set(try #require(schema["properties"] as? [String: Any]).keys) == Set(RepositoryFile.keys))
    }

    @Test func schemaAndDecoderShareTheirKeys() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(SpecSchema.jsonSchema.serialized.utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(SpecSchema.topLevel))
        let spec = try #require(properties["spec"] as? [String: Any])
        #expect(Set(try #require(spec["properties"] as? [String: Any]).keys) == Set(SpecSchema.spec))
        // Every key of the table is one the decoder reads: a spec using all of them decodes
        // without an unknown-key diagnostic.
        let body = "  clusterNetwork: migration\n  vlan: 100\n  range: 10.1.2.0/24\n  exclude: [10.1.2.1]\n  mtu: 9000\n  nodes: 3\n  plannedNodes: 4\n  reserved: [192.168.0.0/24]\n  storageNetwork:\n    range: 10.2.0.0/24\n    exclude: [10.2.0.1]\n    vlan: 200\n    exclusiveVlan: true\n  enabled: true\n  harvesterVersion: v1.9\n  clusterPodCIDR: 10.60.0.0/16\n  clusterServiceCIDR: 10.61.0.0/16\n  rwxNetwork:\n    range: 10.3.0.0/24\n    exclude: [10.3.0.1]\n    shareStorageNetwork: false\n  waitForMigrations:\n    timeoutSeconds: 600\n    image: alpine/k8s:1.33.5\n  adoptedNAD:\n    name: vm-migration-network-x7k2p\n    hash: 53b3d885bff81415175bb1b9a97032ecfe7721a7\n  pinnedValue: '{\"clusterNetwork\":\"migration\",\"vlan\":100,\"range\":\"10.1.2.0/24\",\"exclude\":[\"10.1.2.1/32\"]}'\n"
        #expect(Set(SpecSchema.spec).isSubset(of: Set(body.split(separator: "\n").compactMap { $0.hasPrefix("  ") && !$0.hasPrefix("    ") ? String($0.dropFirst(2).prefix { $0 != ":" }) : nil })))
        let compilation = Compiler().compile(SourceFile(path: "all.yaml", text: specText(body)))
        #expect(!compilation.diagnostics.contains { $0.code == .unknownKey })
        #expect(!compilation.diagnostics.hasErrors, "\(compilation.diagnostics)")
    }
}
