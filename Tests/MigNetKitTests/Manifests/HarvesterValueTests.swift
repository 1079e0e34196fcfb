import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit

/// A network setting's value read as Harvester reads it: Go's `encoding/json` into
/// `networkutil.Config` (harvester/harvester pkg/util/network/common.go lines 17-23 at
/// v1.9.0-rc6; lines 17-22 at v1.8.2, without `exclusiveVlan`). Each case holds the value's text
/// and what Go makes of it, as a line `ok|clusterNetwork|vlan|exclusiveVlan|range|count:exclude`
/// (bytes outside printable ASCII and the separators written %XX) or `refused|Go's error`.
/// The verdicts come from reading Go's `encoding/json` (`scanner.go` for the syntax, `decode.go`
/// for the struct, `fold.go` for key matching); `agreesWithGo` checks every one against Go.
@Suite struct HarvesterValueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        /// What v1.9's struct (and mignet without a release) makes of it.
        var v19: String
        /// What the struct of v1.6 to v1.8 makes of it, where that differs.
        var v18: String?
        var testDescription: String { text.count > 60 ? String(text.prefix(60)) + "…" : text }

        init(_ text: String, _ v19: String, v18: String? = nil) {
            self.text = text
            self.v19 = v19
            self.v18 = v18
        }
    }

    static let ui = #"{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":["10.1.2.1/32"]}"#
    static let deep = "{\"x\":" + String(repeating: "[", count: GoJSON.maximumDepth - 1) + String(repeating: "]", count: GoJSON.maximumDepth - 1) + "}"
    static let tooDeep = "{\"x\":" + String(repeating: "[", count: GoJSON.maximumDepth) + String(repeating: "]", count: GoJSON.maximumDepth) + "}"

    static let cases: [Case] = [
        // What the UI and the docs write.
        Case(ui, "ok|migration|100|false|10.1.2.0/24|1:10.1.2.1/32"),
        Case(#"{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24", "exclude":["192.168.1.100/32"]}"#, "ok|vm-migration|100|false|192.168.1.0/24|1:192.168.1.100/32"),
        Case(#"{"clusterNetwork":"m","vlan":100,"range":"10.1.2.0/24","exclude":[]}"#, "ok|m|100|false|10.1.2.0/24|0:"),
        Case("{\n\t\"clusterNetwork\" : \"m\" ,\r\n \"vlan\" : 5 }\n", "ok|m|5|false||0:"),
        Case("{}", "ok||0|false||0:"),
        Case(#"{"vlan":0}"#, "ok||0|false||0:"),
        Case(#"{"vlan":65535}"#, "ok||65535|false||0:"),
        // A top-level null decodes to the empty config; anything but an object is a type error.
        Case("null", "ok||0|false||0:"),
        Case("[]", "refused|json: cannot unmarshal array into Go value of type network.Config"),
        Case(#""x""#, "refused|json: cannot unmarshal string into Go value of type network.Config"),
        Case("100", "refused|json: cannot unmarshal number into Go value of type network.Config"),
        Case("true", "refused|json: cannot unmarshal bool into Go value of type network.Config"),
        // Strict RFC 8259: what mignet took before, Harvester refuses.
        Case(#"{"clusterNetwork":"m","vlan":1,"range":"10.1.2.0/24","exclude":[],}"#, "refused|invalid character '}' looking for beginning of object key string"),
        Case(#"{"exclude":["a",]}"#, "refused|invalid character ']' looking for beginning of value"),
        Case(#"{"vlan":0100}"#, "refused|invalid character '1' after object key:value pair"),
        Case(#"{"vlan":01}"#, "refused|invalid character '1' after object key:value pair"),
        Case(#"{"vlan":+100}"#, "refused|invalid character '+' looking for beginning of value"),
        Case(#"{"range":"\x61"}"#, "refused|invalid character 'x' in string escape code"),
        Case(#"{"x":yes}"#, "refused|invalid character 'y' looking for beginning of value"),
        Case(#"{'range':'x'}"#, "refused|invalid character '\\'' looking for beginning of object key string"),
        Case(#"{range: "x"}"#, "refused|invalid character 'r' looking for beginning of object key string"),
        Case(#"{"range" "x"}"#, "refused|invalid character '\"' after object key"),
        Case(#"{"a":1 "b":2}"#, "refused|invalid character '\"' after object key:value pair"),
        Case(#"{"clusterNetwork":"m"} {}"#, "refused|invalid character '{' after top-level value"),
        Case(#"{"clusterNetwork":"m"}x"#, "refused|invalid character 'x' after top-level value"),
        Case("{\"range\":\"a\tb\"}", "refused|invalid character '\\t' in string literal"),
        Case(#"{"range":"\u12G4"}"#, "refused|invalid character 'G' in \\u hexadecimal character escape"),
        Case(#"{"x":[1,{"y":nul}]}"#, "refused|invalid character '}' in literal null (expecting 'l')"),
        Case(#"{"vlan":1.}"#, "refused|invalid character '}' after decimal point in numeric literal"),
        Case(#"{"vlan":1e}"#, "refused|invalid character '}' in exponent of numeric literal"),
        Case(#"{"vlan":-}"#, "refused|invalid character '}' in numeric literal"),
        Case(#"{"range":"abc"#, "refused|unexpected end of JSON input"),
        Case(#"{"vlan":100"#, "refused|unexpected end of JSON input"),
        Case("", "refused|unexpected end of JSON input"),
        Case("   ", "refused|unexpected end of JSON input"),
        Case("\u{FEFF}{}", "refused|invalid character 'ï' looking for beginning of value"),
        Case(tooDeep, "refused|invalid character '[' exceeded max depth"),
        Case(deep, "ok||0|false||0:"),
        // A repeated key decodes again: the last one counts, whatever its case.
        Case(#"{"vlan":1,"vlan":2}"#, "ok||2|false||0:"),
        Case(#"{"vlan":1,"VLAN":2}"#, "ok||2|false||0:"),
        Case(#"{"VLAN":2,"vlan":1}"#, "ok||1|false||0:"),
        Case(#"{"clusterNetwork":"m","clusterNetwork":"n"}"#, "ok|n|0|false||0:"),
        Case(#"{"exclude":["a","b"],"exclude":["c"]}"#, "ok||0|false||1:c"),
        Case(#"{"exclude":["a","b"],"exclude":[]}"#, "ok||0|false||0:"),
        // null leaves a string, number or bool as it was, and empties a list.
        Case(#"{"vlan":100,"vlan":null}"#, "ok||100|false||0:"),
        Case(#"{"range":"10.1.2.0/24","range":null}"#, "ok||0|false|10.1.2.0/24|0:"),
        Case(#"{"exclude":["a","b"],"exclude":null}"#, "ok||0|false||0:"),
        Case(#"{"exclusiveVlan":null}"#, "ok||0|false||0:"),
        // A null item keeps what the list's backing array held (Go's d.array reuses it).
        Case(#"{"exclude":[null]}"#, "ok||0|false||1:"),
        Case(#"{"exclude":["a",null,"c"]}"#, "ok||0|false||3:a,,c"),
        Case(#"{"exclude":["a","b"],"exclude":[null]}"#, "ok||0|false||1:a"),
        Case(#"{"exclude":["a","b"],"exclude":[null,null,null]}"#, "ok||0|false||3:a,b,"),
        // Keys match without regard to case, by Unicode simple folding.
        Case(#"{"Exclude":["10.1.2.1/32"],"RANGE":"10.1.2.0/24","ClusterNetwork":"m","vLaN":7}"#, "ok|m|7|false|10.1.2.0/24|1:10.1.2.1/32"),
        Case(#"{"\u0076lan":7}"#, "ok||7|false||0:"),
        Case(#"{"clu\u017FterNetwork":"m"}"#, "ok|m|0|false||0:"),
        Case(#"{"clusterNetwor\u212A":"m"}"#, "ok|m|0|false||0:"),
        Case(#"{"clusterNetwork_":"m","cluster-network":"n","clusternetworks":"o"}"#, "ok||0|false||0:"),
        // Unknown keys are skipped, their values still valid JSON.
        Case(#"{"x":[1,{"y":null}],"vlan":3}"#, "ok||3|false||0:"),
        Case(#"{"x":{"vlan":9},"vlan":3}"#, "ok||3|false||0:"),
        // Numbers follow the field's type: strconv.ParseUint into 16 bits.
        Case(#"{"vlan":"100"}"#, "refused|json: cannot unmarshal string into Go struct field Config.vlan of type uint16"),
        Case(#"{"vlan":1e2}"#, "refused|json: cannot unmarshal number 1e2 into Go struct field Config.vlan of type uint16"),
        Case(#"{"vlan":100.0}"#, "refused|json: cannot unmarshal number 100.0 into Go struct field Config.vlan of type uint16"),
        Case(#"{"vlan":-0}"#, "refused|json: cannot unmarshal number -0 into Go struct field Config.vlan of type uint16"),
        Case(#"{"vlan":-1}"#, "refused|json: cannot unmarshal number -1 into Go struct field Config.vlan of type uint16"),
        Case(#"{"vlan":65536}"#, "refused|json: cannot unmarshal number 65536 into Go struct field Config.vlan of type uint16"),
        Case(#"{"vlan":18446744073709551616}"#, "refused|json: cannot unmarshal number 18446744073709551616 into Go struct field Config.vlan of type uint16"),
        Case(#"{"vlan":true}"#, "refused|json: cannot unmarshal bool into Go struct field Config.vlan of type uint16"),
        // Other type errors.
        Case(#"{"clusterNetwork":5}"#, "refused|json: cannot unmarshal number into Go struct field Config.clusterNetwork of type string"),
        Case(#"{"clusterNetwork":["a"]}"#, "refused|json: cannot unmarshal array into Go struct field Config.clusterNetwork of type string"),
        Case(#"{"range":{}}"#, "refused|json: cannot unmarshal object into Go struct field Config.range of type string"),
        Case(#"{"exclude":"10.1.2.1/32"}"#, "refused|json: cannot unmarshal string into Go struct field Config.exclude of type []string"),
        Case(#"{"exclude":[1]}"#, "refused|json: cannot unmarshal number into Go struct field Config.exclude of type string"),
        Case(#"{"exclude":{}}"#, "refused|json: cannot unmarshal object into Go struct field Config.exclude of type []string"),
        // Strings: escapes, surrogate pairs, a lone surrogate becomes U+FFFD.
        Case(#"{"clusterNetwork":"\u006d\u0069g"}"#, "ok|mig|0|false||0:"),
        Case(#"{"range":"a\u0000b\/c"}"#, "ok||0|false|a%00b/c|0:"),
        Case(#"{"clusterNetwork":"\ud83d\ude00"}"#, "ok|%F0%9F%98%80|0|false||0:"),
        Case(#"{"clusterNetwork":"\ud800"}"#, "ok|%EF%BF%BD|0|false||0:"),
        Case(#"{"clusterNetwork":"\ud800\u0041"}"#, "ok|%EF%BF%BDA|0|false||0:"),
        Case(#"{"clusterNetwork":"\udc00"}"#, "ok|%EF%BF%BD|0|false||0:"),
        Case(#"{"clusterNetwork":"é"}"#, "ok|%C3%A9|0|false||0:"),
        // exclusiveVlan is a field from v1.9 on; before, an unknown key whatever its value.
        Case(#"{"exclusiveVlan":true}"#, "ok||0|true||0:", v18: "ok||0|false||0:"),
        Case(#"{"exclu\u017FiveVLAN":true}"#, "ok||0|true||0:", v18: "ok||0|false||0:"),
        Case(#"{"exclusiveVlan":"yes"}"#, "refused|json: cannot unmarshal string into Go struct field Config.exclusiveVlan of type bool", v18: "ok||0|false||0:"),
    ]

    /// The line Go's reading would print for `text` read as `release` reads it.
    static func line(_ text: String, release: HarvesterRelease?) -> String {
        do {
            let value = try HarvesterValue(parsing: text, release: release)
            let exclude = "\(value.exclude.count):" + value.exclude.map(escape).joined(separator: ",")
            return "ok|\(escape(value.clusterNetwork))|\(value.vlan)|\(value.exclusiveVlan)|\(escape(value.range))|\(exclude)"
        } catch {
            return "refused|\(error.goError)"
        }
    }

    static func escape(_ text: String) -> String {
        text.utf8.map { byte in
            byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "%")
                ? "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                : String(UnicodeScalar(byte))
        }.joined()
    }

    @Test func theTableIsLargeEnough() {
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases)
    func readsAsHarvesterReads(_ entry: Case) {
        #expect(Self.line(entry.text, release: nil) == entry.v19)
        #expect(Self.line(entry.text, release: HarvesterRelease(major: 1, minor: 9)) == entry.v19)
        #expect(Self.line(entry.text, release: HarvesterRelease(major: 1, minor: 8)) == (entry.v18 ?? entry.v19))
        #expect(Self.line(entry.text, release: HarvesterRelease(major: 1, minor: 6)) == (entry.v18 ?? entry.v19))
    }

    /// Runs Go's own `encoding/json` over every case (Tests/GoReference, the struct shapes of
    /// v1.8 and v1.9) and compares its verdict, its error word for word, its syntax error
    /// offset and the fields with mignet's reading. Needs `go`; skipped without it, except under
    /// MIGNET_REQUIRE_INTEGRATION=1.
    @Test(.enabled(if: ProcessRunner.which("go") != nil || ProcessInfo.processInfo.environment["MIGNET_REQUIRE_INTEGRATION"] == "1"))
    func agreesWithGo() throws {
        let go = try #require(ProcessRunner.which("go"), "go is not on PATH")
        let directory = try ProcessRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/values.txt"
        let lines = Self.cases.map { JSONValue.string($0.text).serialized }
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["GOFLAGS"] = "-mod=mod"
        environment["GOCACHE"] = environment["GOCACHE"] ?? directory + "/go-cache"
        environment["GO111MODULE"] = "on"
        let outcome = try ProcessRunner.run(go, ["run", ".", input], environment: environment, in: Repository.root + "/Tests/GoReference")
        try #require(outcome.status == 0, "go run failed: \(outcome.stderr)")
        let output = outcome.stdout.split(separator: "\n").map(String.init)
        try #require(output.count == 2 * Self.cases.count)
        for (index, entry) in Self.cases.enumerated() {
            let fromGo18 = output[2 * index], fromGo19 = output[2 * index + 1]
            for (release, goLine) in [(HarvesterRelease(major: 1, minor: 8), fromGo18), (HarvesterRelease(major: 1, minor: 9), fromGo19)] {
                var ours = Self.line(entry.text, release: release)
                if ours.hasPrefix("refused|") {
                    // Go's line adds the syntax error's offset (0 for other errors).
                    let offset: Int
                    do { _ = try GoJSON.parse(entry.text); offset = 0 } catch { offset = error.offset }
                    ours = "refused|" + Self.escape(String(ours.dropFirst("refused|".count))) + "|\(offset)"
                }
                #expect("v\(release.major)\(release.minor)|" + ours == goLine, "\(entry.testDescription)")
            }
        }
    }
}
