@testable import MigNetCLI
import Testing

/// `check`'s diffs: the lines of a file from outside are shown escaped, whatever side they are on.
struct UnifiedDiffTests {
    @Test func aContextLineCannotIssueAWorkflowCommand() {
        let old = "a\n::error::pwned\n  ##[group]x\nb\n"
        let new = "a\n::error::pwned\n  ##[group]x\nc\n"
        let diff = UnifiedDiff.render(path: "f.yaml", old: old, new: new)
        #expect(diff == """
            --- a/f.yaml
            +++ b/f.yaml
            @@ -1,4 +1,4 @@
             a
             \\u{3A}:error::pwned
               #\\u{23}[group]x
            -b
            +c

            """)
    }

    @Test func tabsAndAFinalCarriageReturnStayOtherControlsAreEscaped() {
        let diff = UnifiedDiff.render(path: "f", old: "k:\tv\r\n", new: "k:\tw\u{1B}[31m\r\n")
        #expect(diff.contains("-k:\tv\r\n"))
        #expect(diff.contains("+k:\tw\\u{1B}[31m\r\n"))
    }
}
