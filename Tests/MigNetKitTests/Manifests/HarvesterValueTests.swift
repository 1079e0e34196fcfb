import Testing
@testable import MigNetKit

@Suite struct HarvesterValueTests {
    @Test func readsAsGoDoes() throws {
        let value = try HarvesterValue(parsing: #"{"VLAN":7,"clusternetwork":"x","Range":"10.0.0.0/24","exclude":null,"extra":[1,2],"exclusiveVlan":false}"#)
        #expect(value.vlan == 7)
        #expect(value.clusterNetwork == "x")
        #expect(value.range == "10.0.0.0/24")
        #expect(value.exclude == [])
        #expect(value.unknownKeys == ["extra"])
    }

    @Test(arguments: [
        "", "[]", "vlan=1", #"{"vlan":"100"}"#, #"{"vlan":70000}"#, #"{"vlan":-1}"#, #"{'range':'x'}"#, #"{range: x}"#,
        #"{"exclude":"10.0.0.1/32"}"#, #"{"vlan":1,"vlan":2}"#, #"{"clusterNetwork":5}"#,
    ])
    func refusesWhatHarvesterCannotRead(text: String) {
        #expect(throws: HarvesterValue.Failure.self) { try HarvesterValue(parsing: text) }
    }
}
