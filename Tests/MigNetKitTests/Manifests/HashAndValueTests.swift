import Testing
@testable import MigNetKit

@Suite struct HashAndValueTests {
    func configuration(_ clusterNetwork: String = "migration", vlan: Int = 100, range: String = "10.1.2.0/24",
                       exclude: [String] = ["10.1.2.1/32"], mtu: Int = 1500) throws -> MigrationNetwork.Configuration {
        MigrationNetwork.Configuration(clusterNetwork: clusterNetwork, vlan: vlan, range: try AddressBlock.cidr(parsing: range),
                                       exclude: try exclude.map { try AddressBlock.cidr(parsing: $0) }, mtu: mtu)
    }

    // The vectors of the facts page: SHA-1 of the exact value strings.
    @Test(arguments: [
        (#"{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}"#, "53b3d885bff81415175bb1b9a97032ecfe7721a7"),
        (#"{"clusterNetwork":"X","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}"#, "181207646139f07b0477e7f7bb0f824e4a3008a5"),
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
    ])
    func hashesMatchHarvester(value: String, hash: String) {
        #expect(SettingValue(text: value).hash == hash)
    }

    @Test func valueIsSpeltAsTheUIWritesIt() throws {
        let value = SettingValue(try configuration())
        #expect(value.text == #"{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}"#)
        #expect(value.hash == "53b3d885bff81415175bb1b9a97032ecfe7721a7")
        #expect(value.nadName == "vm-migration-network-53b3d885")
        #expect(SettingValue(try configuration("X")).hash == "181207646139f07b0477e7f7bb0f824e4a3008a5")
    }

    @Test func emptyExcludeStaysInTheValue() throws {
        #expect(SettingValue(try configuration(exclude: [])).text == #"{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":[]}"#)
    }

    @Test func disabledValueIsEmpty() {
        #expect(SettingValue(nil).text == "")
        #expect(SettingValue(nil).hash == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }

    @Test func nadConfigMatchesHarvesterByteForByte() throws {
        #expect(NetworkAttachmentDefinition.config(for: try configuration()) ==
                #"{"cniVersion":"0.3.1","type":"bridge","bridge":"migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}}"#)
    }

    @Test func nadConfigLeavesOutAnEmptyExclude() throws {
        #expect(NetworkAttachmentDefinition.config(for: try configuration(exclude: [])) ==
                #"{"cniVersion":"0.3.1","type":"bridge","bridge":"migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"10.1.2.0/24"}}"#)
    }

    @Test func webhookAppendsTheMTUAtTheTopLevel() throws {
        #expect(NetworkAttachmentDefinition.config(for: try configuration(mtu: 9000)).hasSuffix(#""exclude":["10.1.2.1/32"]},"mtu":9000}"#))
        #expect(!NetworkAttachmentDefinition.config(for: try configuration(mtu: 1500)).contains("mtu"))
        #expect(!NetworkAttachmentDefinition.config(for: try configuration(mtu: 0)).contains("mtu"))
    }

    @Test func vlanZeroBecomesOneInTheNAD() throws {
        #expect(NetworkAttachmentDefinition.config(for: try configuration(vlan: 0)).contains(#""vlan":1,"#))
    }

    @Test func canonicalJSONEscapesAsJSONStringify() {
        let value = JSONValue.object([
            JSONMember("s", .string("a\"b\\c\n\t\u{01}é")),
            JSONMember("n", .integer(-3)), JSONMember("b", .boolean(false)), JSONMember("z", .null),
            JSONMember("a", .array([])),
        ])
        #expect(value.serialized == #"{"s":"a\"b\\c\n\t\u0001é","n":-3,"b":false,"z":null,"a":[]}"#)
    }
}
