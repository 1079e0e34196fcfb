import Testing
@testable import MigNetKit

/// Bounded reporting: the collector keeps a budget of diagnostics whole and counts the rest,
/// the report shows the first of each file and counts what it leaves out, in every format.
@Suite struct DiagnosticReportTests {
    static func diagnostic(_ line: Int, file: String = "a.yaml", code: DiagnosticCode = .unknownKey, severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(severity, code, "problem \(line)", at: SourceLocation(file: file, line: line, column: 1))
    }

    @Test func theCollectorKeepsItsBudgetAndCountsTheRestUnbuilt() {
        var collector = DiagnosticCollector()
        var built = 0
        for line in 1...(DiagnosticCollector.budget + 500) {
            collector.append(.unknownKey, .error, file: "a.yaml") {
                built += 1
                return Self.diagnostic(line)
            }
        }
        collector.append(Self.diagnostic(1, code: .vlanOutOfRange, severity: .warning))
        #expect(built == DiagnosticCollector.budget)
        #expect(collector.kept.count == DiagnosticCollector.budget)
        #expect(collector.tallies == [
            DiagnosticTally(file: "a.yaml", code: .unknownKey, severity: .error, count: 500),
            DiagnosticTally(file: "a.yaml", code: .vlanOutOfRange, severity: .warning, count: 1),
        ])
        #expect(collector.tallies.promotingWarnings().allSatisfy { $0.severity == .error })
    }

    @Test func theReportShowsTheFirstOfEachFileAndCountsTheRest() {
        let diagnostics = (1...250).map { Self.diagnostic($0) } + (1...3).map { Self.diagnostic($0, file: "b.yaml", code: .missingKey) }
        let tallies = [DiagnosticTally(file: "a.yaml", code: .addressInvalid, severity: .error, count: 7)]
        let report = DiagnosticReport(diagnostics, tallies: tallies)
        #expect(report.shown.count == 203)
        #expect(report.errorCount == 260)
        #expect(report.omitted.map(\.summary) == ["and 57 more diagnostics in this file, not shown (address-invalid: 7, unknown-key: 50)"])
        let text = TextDiagnosticFormatter().format(report, sources: [:])
        #expect(text.hasSuffix("a.yaml: note: and 57 more diagnostics in this file, not shown (address-invalid: 7, unknown-key: 50)\n"))
        #expect(MachineDiagnosticFormatter.json(report).hasSuffix(#""omitted":[{"file":"a.yaml","count":57,"codes":[{"code":"address-invalid","count":7},{"code":"unknown-key","count":50}]}]}"# + "\n"))
        #expect(MachineDiagnosticFormatter.github(report).hasSuffix("::notice file=a.yaml,line=1,col=1,title=mignet::and 57 more diagnostics in this file, not shown (address-invalid: 7, unknown-key: 50)\n"))
    }

    @Test func excerptsOfALongLineAreAWindowAroundTheColumn() {
        let line = "  reserved: [" + (0..<5000).map { "x\($0)" }.joined(separator: ", ") + "]"
        let source = SourceFile(path: "a.yaml", text: "a: 1\n" + line + "\n")
        let column = line.utf8.count / 2
        let text = TextDiagnosticFormatter().format([Diagnostic(.error, .addressInvalid, "bad", at: SourceLocation(file: "a.yaml", line: 2, column: column))], sources: ["a.yaml": source])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].hasPrefix("    2 | …") && lines[1].hasSuffix("…"))
        #expect(lines[1].count < 140)
        // The caret stands under the character the column names.
        let caret = lines[2].firstIndex(of: "^")!
        let offset = lines[2].distance(from: lines[2].startIndex, to: caret)
        let shown = Array(lines[1])
        let expected = Array(line)[column - 1]
        #expect(shown[offset] == expected)
    }

    @Test func controlCharactersAreEscapedEverywhere() {
        #expect(TerminalText.escaped("a\u{1B}[31m\nb\r\u{202E}\u{85}") == "a\\u{1B}[31m\\nb\\r\\u{202E}\\u{85}")
        #expect(TerminalText.escaped(bytes: Array("ok-".utf8) + [0xFF, 0xC3] + Array("\n".utf8)) == "ok-\\xFF\\xC3\\n")
        let source = SourceFile(path: "x\u{1B}.yaml", text: "key: \"a\u{1B}b\"\n")
        let text = TextDiagnosticFormatter().format([Diagnostic(.error, .unknownKey, "unknown key 'a\u{1B}b'", at: SourceLocation(file: "x\u{1B}.yaml", line: 1, column: 6))], sources: ["x\u{1B}.yaml": source])
        #expect(!text.contains("\u{1B}"))
        #expect(text.hasPrefix("x\\u{1B}.yaml:1:6: error: unknown key 'a\\u{1B}b' [unknown-key]\n    1 | key: \"a\\u{1B}b\"\n      |      ^\n"))
    }
}
