import Foundation
import Testing
@testable import MigNetKit

/// The rules, their messages and the JSON Schema read the same bounds: at each bound a spec is
/// accepted, one past it refused with a message naming the bounds, and the schema says the same.
@Suite struct FieldBoundsTests {
    static func spec(_ field: String, _ value: String, clusterNetwork: String = "migration") -> String {
        var fields = ["clusterNetwork": clusterNetwork, "vlan": "100", "range": "10.1.0.0/16", "nodes": "3"]
        fields[field] = value
        let body = ["clusterNetwork", "vlan", "range", "nodes", "mtu"].compactMap { key in fields[key].map { "  \(key): \($0)" } }
        return "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: a\nspec:\n" + body.joined(separator: "\n") + "\n"
    }

    static func codes(_ text: String) -> [Diagnostic] {
        Compiler().compile(SourceFile(path: "a.yaml", text: text)).diagnostics.filter { $0.severity == .error }
    }

    static func schemaProperty(_ name: String) throws -> [String: Any] {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(SpecSchema.jsonSchema.pretty.utf8)) as? [String: Any])
        let top = try #require(schema["properties"] as? [String: Any])
        let spec = try #require(top["spec"] as? [String: Any])
        let properties = try #require(spec["properties"] as? [String: Any])
        return try #require(properties[name] as? [String: Any])
    }

    @Test func integerBoundsAgree() throws {
        for (field, bounds, code) in [("vlan", FieldBounds.vlan, DiagnosticCode.vlanOutOfRange), ("mtu", FieldBounds.mtu, .mtuOutOfRange)] {
            #expect(Self.codes(Self.spec(field, "\(bounds.lowerBound)")).isEmpty, "\(field) \(bounds.lowerBound)")
            #expect(Self.codes(Self.spec(field, "\(bounds.upperBound)")).isEmpty, "\(field) \(bounds.upperBound)")
            for outside in [bounds.lowerBound - 1, bounds.upperBound + 1] {
                let found = Self.codes(Self.spec(field, "\(outside)"))
                #expect(found.map(\.code) == [code], "\(field) \(outside)")
                #expect(found.first?.message.contains("\(bounds.lowerBound)...\(bounds.upperBound)") == true)
            }
            let property = try Self.schemaProperty(field)
            #expect(property["minimum"] as? Int == bounds.lowerBound)
            #expect(property["maximum"] as? Int == bounds.upperBound)
        }
        // On mgmt the VLAN starts one later.
        #expect(Self.codes(Self.spec("vlan", "\(FieldBounds.vlanOnManagement.lowerBound - 1)", clusterNetwork: "mgmt")).map(\.code) == [.vlanOutOfRange])
        #expect(Self.codes(Self.spec("vlan", "\(FieldBounds.vlanOnManagement.lowerBound)", clusterNetwork: "mgmt")).isEmpty)
    }

    @Test func lengthAndPrefixBoundsAgree() throws {
        let longest = String(repeating: "a", count: FieldBounds.clusterNetworkLength)
        #expect(Self.codes(Self.spec("clusterNetwork", longest)).isEmpty)
        #expect(Self.codes(Self.spec("clusterNetwork", longest + "a")).map(\.code) == [.clusterNetworkInvalid])
        #expect(try Self.schemaProperty("clusterNetwork")["maxLength"] as? Int == FieldBounds.clusterNetworkLength)
        for prefix in [FieldBounds.rangePrefix.lowerBound, FieldBounds.rangePrefix.upperBound] {
            #expect(Self.codes(Self.spec("range", "10.0.0.0/\(prefix)")).filter { $0.code == .rangePrefixOutOfRange }.isEmpty, "/\(prefix)")
        }
        for prefix in [FieldBounds.rangePrefix.lowerBound - 1, FieldBounds.rangePrefix.upperBound + 1] {
            #expect(Self.codes(Self.spec("range", "10.0.0.0/\(prefix)")).contains { $0.code == .rangePrefixOutOfRange }, "/\(prefix)")
        }
        let name = Compiler().compile(SourceFile(path: "a.yaml", text: Self.spec("vlan", "100").replacingOccurrences(of: "name: a", with: "name: " + String(repeating: "n", count: FieldBounds.dnsLabelLength + 1)))).diagnostics
        #expect(name.first { $0.code == .nameInvalid }?.message.contains("at most \(FieldBounds.dnsLabelLength) characters") == true)
        #expect(Self.codes(Self.spec("nodes", "\(FieldBounds.minimumNodes - 1)")).map(\.code).contains(.nodesOutOfRange))
    }
}
