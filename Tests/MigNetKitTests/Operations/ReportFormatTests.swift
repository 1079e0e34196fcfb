@testable import MigNetKit
import Testing

/// `--format` offers what a report has: Markdown only where a report writes it (plan's, for a
/// pull request), text first as the default.
struct ReportFormatTests {
    @Test func markdownIsOfferedOnlyByAReportThatWritesIt() {
        #expect(Plan.formats == [.text, .markdown, .json])
        #expect(Preflight.formats == [.text, .json])
        #expect(Verification.formats == [.text, .json])
        #expect(AddressPlanReport.formats == [.text, .json])
    }
}
