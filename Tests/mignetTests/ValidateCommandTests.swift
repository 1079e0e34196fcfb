import Foundation
import Testing

@Suite struct ValidateCommandTests {
    static let badSpec = "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: east\nspec:\n  clusterNetwork: mgmt\n  vlan: 1\n  range: 10.1.2.0/24\n  nodes: 3\n"

    func writeBad() throws -> String {
        let path = try MignetProcess.temporaryDirectory() + "/east.yaml"
        try Self.badSpec.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func validSpecsExitZeroWithOneLine() throws {
        let arguments = ["validate", "examples/dedicated.yaml", "examples/disabled.yaml", "examples/ui-equivalent.yaml"]
        let outcome = try InProcess.run(arguments)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "mignet: 3 specs valid\n")
        let quiet = try InProcess.run(arguments + ["--quiet"])
        #expect(quiet.status == 0 && quiet.stdout == "" && quiet.stderr == "")
        let json = try InProcess.run(["validate", "--diagnostics-format", "json", "examples/dedicated.yaml"])
        #expect(json.stderr == "mignet: 1 spec valid\n")
        #expect(json.stdout.hasPrefix("{"))
    }

    @Test func textDiagnosticsGoToStderr() throws {
        let path = try writeBad()
        let outcome = try InProcess.run(["validate", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == """
            \(path):6:19: warning: clusterNetwork 'mgmt' puts migration traffic on the management network, where it competes with the control plane; a dedicated cluster network is recommended [cluster-network-mgmt]
                6 |   clusterNetwork: mgmt
                  |                   ^
            \(path):7:9: error: vlan 1 is outside 2...4094 on cluster network mgmt, where VLAN 1 is the untagged management VLAN [vlan-out-of-range]
                7 |   vlan: 1
                  |         ^
            mignet: 1 error and 1 warning

            """)
    }

    @Test func jsonReportGoesToStdout() throws {
        let path = try writeBad()
        let outcome = try InProcess.run(["validate", "--diagnostics-format", "json", path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["format_version"] as? String == "1")
        #expect(report["valid"] as? Bool == false)
        #expect(report["error_count"] as? Int == 1)
        #expect(report["warning_count"] as? Int == 1)
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["cluster-network-mgmt", "vlan-out-of-range"])
        #expect(diagnostics.map { $0["line"] as? Int } == [6, 7])
        #expect(diagnostics.map { $0["column"] as? Int } == [19, 9])
        #expect(diagnostics.allSatisfy { $0["file"] as? String == path && $0["notes"] is [Any] && $0["severity"] is String && $0["message"] is String })
    }

    @Test func githubAnnotationsGoToStdout() throws {
        let path = try writeBad()
        let outcome = try InProcess.run(["validate", "--diagnostics-format", "github", path])
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("::error file=\(path),line=7,col=9,title=mignet vlan-out-of-range::vlan 1 is outside 2...4094"))
    }

    @Test func warningsAsErrorsFails() throws {
        let plain = try InProcess.run(["validate", "examples/management-network.yaml"])
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("warning:"))
        let strict = try InProcess.run(["validate", "--warnings-as-errors", "examples/management-network.yaml"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: clusterNetwork 'mgmt'"))
        let render = try InProcess.run(["render", "--warnings-as-errors", "examples/management-network.yaml"])
        #expect(render.status == 1)
        #expect(render.stdout == "")
    }

    @Test(arguments: [["validate"], ["render"], ["validate", "--diagnostics-format", "xml", "examples/dedicated.yaml"],
                      ["render", "--bogus", "examples/dedicated.yaml"], ["frobnicate"], ["validate", "-", "-"]])
    func wrongArgumentsExit64(arguments: [String]) throws {
        let outcome = try InProcess.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stdout == "")
    }

    @Test func unreadableAndOversizedFilesAreDiagnosed() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let missing = try InProcess.run(["validate", directory + "/nope.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("\(directory)/nope.yaml:1:1: error: cannot read the file: No such file or directory [file-unreadable]"))
        let big = directory + "/big.yaml"
        #expect(FileManager.default.createFile(atPath: big, contents: Data(repeating: UInt8(ascii: "#"), count: 8 << 20)))
        let oversized = try InProcess.run(["validate", big])
        #expect(oversized.status == 1)
        #expect(oversized.stderr.hasPrefix("\(big):1:1: error: the file is 8388608 bytes; a spec file may be at most 4194304 bytes [input-too-large]"))
    }
}
