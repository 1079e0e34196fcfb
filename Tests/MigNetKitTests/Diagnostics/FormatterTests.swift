import Testing
@testable import MigNetKit

@Suite struct FormatterTests {
    let source = SourceFile(path: "east.yaml", text: specText("  clusterNetwork: migration\n  vlan: 4095\n  range: 10.1.2.0/24\n  nodes: 3\n"))

    @Test func textShowsTheLineAndACaret() {
        let diagnostics = Compiler().compile(source).diagnostics
        let text = TextDiagnosticFormatter().format(diagnostics, sources: ["east.yaml": source])
        #expect(text == """
            east.yaml:7:9: error: vlan 4095 is outside 1...4094 [vlan-out-of-range]
                7 |   vlan: 4095
                  |         ^

            """)
        #expect(TextDiagnosticFormatter.summary(of: diagnostics) == "1 error")
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostics = Compiler().compile(source).diagnostics
        #expect(!TextDiagnosticFormatter(colour: false).format(diagnostics, sources: [:]).contains("\u{1B}"))
        #expect(TextDiagnosticFormatter(colour: true).format(diagnostics, sources: [:]).contains("\u{1B}[1;31merror:"))
    }

    @Test func textShowsNotesAndFixIts() {
        let text = specText("  clusterNetwork: migration\n  vlan: 100\n  vlan: 0x64\n  range: 10.1.2.0/24\n  nodes: 3\n")
        let source = SourceFile(path: "a.yaml", text: text)
        let output = TextDiagnosticFormatter().format(Compiler().compile(source).diagnostics, sources: ["a.yaml": source])
        #expect(output.contains("a.yaml:8:3: error: key 'vlan' is written twice in the same mapping; keep one [yaml-duplicate-key]\n"))
        #expect(output.contains("a.yaml:7:3: note: first written here\n    7 |   vlan: 100\n      |   ^\n"))
    }

    @Test func jsonReportHasTheDocumentedShape() {
        let diagnostics = Compiler().compile(source).diagnostics
        #expect(MachineDiagnosticFormatter.json(diagnostics) == #"""
            {"format_version":"1","valid":false,"error_count":1,"warning_count":0,"diagnostics":[{"severity":"error","code":"vlan-out-of-range","message":"vlan 4095 is outside 1...4094","file":"east.yaml","line":7,"column":9,"notes":[],"fix_it":null}],"omitted":[]}

            """#)
        #expect(MachineDiagnosticFormatter.json([]) == #"{"format_version":"1","valid":true,"error_count":0,"warning_count":0,"diagnostics":[],"omitted":[]}"# + "\n")
    }

    @Test func githubAnnotationsAreEscaped() {
        let diagnostic = Diagnostic(.warning, .rangeNotPrivate, "50% of it, a: b", at: SourceLocation(file: "x,y:z.yaml", line: 2, column: 3),
                                    notes: [Diagnostic.Note("see here", at: SourceLocation(file: "x.yaml", line: 1, column: 1))])
        #expect(MachineDiagnosticFormatter.github([diagnostic]) ==
                "::warning file=x%2Cy%3Az.yaml,line=2,col=3,title=mignet range-not-private::50%25 of it, a: b\n"
                + "::notice file=x.yaml,line=1,col=1,title=mignet range-not-private note::see here\n")
        // A note with no place of its own stays in the message.
        let unlocated = Diagnostic(.error, .vlanOutOfRange, "bad", at: SourceLocation(file: "a.yaml", line: 1, column: 1), notes: [Diagnostic.Note("why")])
        #expect(MachineDiagnosticFormatter.github([unlocated]) == "::error file=a.yaml,line=1,col=1,title=mignet vlan-out-of-range::bad%0Anote: why\n")
    }
}
