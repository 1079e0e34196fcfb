import MigNetTestSupport
import Testing
@testable import MigNetYAML

@Suite struct YAMLEmitterTests {
    @Test func writesKubectlStyleDocuments() throws {
        let document = YAMLValue.mapping([
            YAMLEntry("kind", .string("Thing")),
            YAMLEntry("items", .sequence([.string("a"), .mapping([YAMLEntry("k", .integer(1))])])),
            YAMLEntry("nested", .mapping([YAMLEntry("flag", .boolean(true)), YAMLEntry("gone", .null)])),
        ])
        let text = try YAMLEmitter.emit([document, .mapping([YAMLEntry("b", .string("c"))])])
        #expect(text == """
            ---
            kind: Thing
            items:
            - a
            - k: 1
            nested:
              flag: true
              gone: null
            ---
            b: c

            """)
    }

    @Test(arguments: [
        "", "true", "True", "yes", "no", "on", "OFF", "y", "n", "null", "~", "100", "-1", "0x64", "0o144", "0144",
        "1_000", "1e3", "1.5", ".inf", "-.Inf", ".nan", "1:30", "2001-12-14", "<<", "=",
    ])
    func quotesStringsReadersWouldTakeForSomethingElse(text: String) throws {
        let emitted = try YAMLEmitter.emit([.mapping([YAMLEntry("k", .string(text))])])
        #expect(emitted == "---\nk: \"\(text)\"\n")
        let read = YAMLDocument(parsing: Array(emitted.utf8))
        #expect(read.root?.pairs?.first?.value.scalar == YAMLScalar(text, style: .doubleQuoted))
    }

    @Test(arguments: ["migration", "10.1.2.0/24", "10.1.2.1", "harvester-system/vm-migration-network-53b3d885",
                      "53b3d885bff81415175bb1b9a97032ecfe7721a7", "vm-migration-network.settings.harvesterhci.io/hash"])
    func leavesOrdinaryStringsPlain(text: String) throws {
        #expect(try YAMLEmitter.emit([.mapping([YAMLEntry("k", .string(text))])]) == "---\nk: \(text)\n")
    }

    @Test func jsonStaysOnOneSingleQuotedLine() throws {
        let json = #"{"a":"b","list":["x","y"],"long":"\#(String(repeating: "z", count: 300))"}"#
        let emitted = try YAMLEmitter.emit([.mapping([YAMLEntry("value", .string(json, .singleQuoted))])])
        #expect(emitted == "---\nvalue: '\(json)'\n")
        let read = YAMLDocument(parsing: Array(emitted.utf8))
        #expect(read.root?.pairs?.first?.value.scalar?.value == json)
    }

    @Test func hexDigestsThatLookLikeNumbersAreQuoted() throws {
        // A digest of digits and one 'e' reads as a float in YAML 1.2 and go-yaml.
        let digest = "1234567e89012345678901234567890123456789"
        let emitted = try YAMLEmitter.emit([.mapping([YAMLEntry("hash", .string(digest))])])
        #expect(emitted == "---\nhash: \"\(digest)\"\n")
    }
}

@Suite struct YAMLResolverTests {
    @Test(arguments: [
        ("", YAMLScalar.Resolution.null), ("~", .null), ("null", .null), ("yes", .boolean), ("Off", .boolean),
        ("100", .integer), ("0x64", .integer), ("0o144", .integer), ("1_00", .integer), ("-7", .integer),
        ("1e2", .float), ("100.0", .float), (".inf", .float), (".NaN", .float),
        ("10.1.2.1", .string), ("10.1.2.0/24", .string), ("migration", .string), ("1.2.3", .string),
    ])
    func resolvesPlainScalars(text: String, expected: YAMLScalar.Resolution) {
        #expect(YAMLResolver.resolve(text) == expected)
    }
}

/// The hand-written matchers against the regular expressions they implement, on many strings
/// drawn from the characters that matter.
@Suite struct YAMLResolverMatcherTests {
    nonisolated(unsafe) static let integer = #/[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*|[1-9][0-9_]*(:[0-5]?[0-9])+)/#
    nonisolated(unsafe) static let float = #/[-+]?(([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|\.(inf|Inf|INF))|\.(nan|NaN|NAN)/#
    nonisolated(unsafe) static let timestamp = #/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?/#


    @Test(arguments: 0..<4)
    func matchersAgreeWithTheirRegularExpressions(batch: Int) {
        var generator = SeededGenerator(state: UInt64(batch) + 1)
        let alphabet = Array("0123456789159_.:-+eEoxbOXBafinIFNAT t/")
        let samples = ["1:60", "1:5", "1:59.5", "0o17", "0b", "0x_", ".inf", "-.Inf", ".nan", "+.nan", "2001-12-14", "2001-1-1t", "2001-12-144", "190:20:30", "1_000", "1e5", "1.e5", "."]
        var strings = samples
        for _ in 0..<5000 {
            strings.append(String((0..<Int.random(in: 1...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in strings {
            let bytes = Array(text.utf8)
            #expect(YAMLResolver.isInteger(bytes) == (text.wholeMatch(of: Self.integer) != nil), "integer: \(text)")
            #expect(YAMLResolver.isFloat(bytes) == (text.wholeMatch(of: Self.float) != nil), "float: \(text)")
            #expect(YAMLResolver.isTimestamp(bytes) == (text.wholeMatch(of: Self.timestamp) != nil), "timestamp: \(text)")
        }
    }
}

@Suite struct YAMLEmitterSeparationTests {
    @Test func separateDocumentsAreWhatSeparateEmittersWrite() throws {
        let documents: [YAMLValue] = [
            .mapping([YAMLEntry("a", .string("")), YAMLEntry("b", .sequence([.string("x"), .null]))]),
            .mapping([YAMLEntry("value", .string(#"{"k":"v"}"#, .singleQuoted))]),
            .mapping([YAMLEntry("n", .integer(-3)), YAMLEntry("t", .boolean(true))]),
        ]
        let together = YAMLEmitter.emitSeparately(documents)
        #expect(together == documents.map { YAMLEmitter.emit([$0]) })
        #expect(YAMLEmitter.emit(documents) == together.joined())
    }
}
