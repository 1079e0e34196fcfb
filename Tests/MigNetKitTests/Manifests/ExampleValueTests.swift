import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit

/// The value and NAD config of every example, written out by hand from the facts page's rules,
/// so that a change in rendering cannot pass by re-recording the goldens alone.
@Suite struct ExampleValueTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var value: String
        var config: String?
        var testDescription: String { file }
    }

    static let cases: [Expected] = [
        Expected(file: "ui-equivalent.yaml",
                 value: #"{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}"#,
                 config: #"{"cniVersion":"0.3.1","type":"bridge","bridge":"migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}}"#),
        Expected(file: "dedicated.yaml",
                 value: #"{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32","10.1.2.240/28","10.1.2.10/31","10.1.2.12/30","10.1.2.16/30","10.1.2.20/32"]}"#,
                 config: #"{"cniVersion":"0.3.1","type":"bridge","bridge":"migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"10.1.2.0/24","exclude":["10.1.2.1/32","10.1.2.240/28","10.1.2.10/31","10.1.2.12/30","10.1.2.16/30","10.1.2.20/32"]}}"#),
        Expected(file: "jumbo-frames.yaml",
                 value: #"{"clusterNetwork":"migration","vlan":2012,"range":"172.20.0.0/22","exclude":["172.20.0.0/29"]}"#,
                 config: #"{"cniVersion":"0.3.1","type":"bridge","bridge":"migration-br","promiscMode":true,"vlan":2012,"ipam":{"type":"whereabouts","range":"172.20.0.0/22","exclude":["172.20.0.0/29"]},"mtu":9000}"#),
        Expected(file: "management-network.yaml",
                 value: #"{"clusterNetwork":"mgmt","vlan":30,"range":"192.168.30.0/27","exclude":[]}"#,
                 config: #"{"cniVersion":"0.3.1","type":"bridge","bridge":"mgmt-br","promiscMode":true,"vlan":30,"ipam":{"type":"whereabouts","range":"192.168.30.0/27"}}"#),
        Expected(file: "storage-peer.yaml",
                 value: #"{"clusterNetwork":"data","vlan":310,"range":"10.20.0.0/24","exclude":["10.20.0.1/32"]}"#,
                 config: #"{"cniVersion":"0.3.1","type":"bridge","bridge":"data-br","promiscMode":true,"vlan":310,"ipam":{"type":"whereabouts","range":"10.20.0.0/24","exclude":["10.20.0.1/32"]}}"#),
        // The release and the peer networks change what is checked, never what is rendered.
        Expected(file: "rwx-peer.yaml",
                 value: #"{"clusterNetwork":"data","vlan":320,"range":"10.42.10.0/24","exclude":["10.42.10.1/32"]}"#,
                 config: #"{"cniVersion":"0.3.1","type":"bridge","bridge":"data-br","promiscMode":true,"vlan":320,"ipam":{"type":"whereabouts","range":"10.42.10.0/24","exclude":["10.42.10.1/32"]}}"#),
        Expected(file: "exclusive-storage-vlan.yaml",
                 value: #"{"clusterNetwork":"data","vlan":331,"range":"10.30.0.0/24","exclude":[]}"#,
                 config: #"{"cniVersion":"0.3.1","type":"bridge","bridge":"data-br","promiscMode":true,"vlan":331,"ipam":{"type":"whereabouts","range":"10.30.0.0/24"}}"#),
        Expected(file: "disabled.yaml", value: "", config: nil),
    ]

    @Test(arguments: cases)
    func exampleRendersItsValueAndConfig(_ expected: Expected) throws {
        let path = Repository.root + "/examples/" + expected.file
        let source = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let rendered = try #require(Compiler().compile(source).render())
        #expect(rendered.setting.value.text == expected.value)
        #expect(rendered.networkAttachmentDefinition?.config == expected.config)
        #expect(rendered.networkAttachmentDefinition?.name == (expected.config == nil ? nil : "vm-migration-network-" + SettingValue(text: expected.value).hash.prefix(8)))
    }

    @Test func everyExampleHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.root + "/examples").filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }
}
