/// A report a command prints on stdout: for a person (text), for a program (JSON), and where it
/// has one, for a pull request (Markdown). Every report escapes what it quotes from outside.
package protocol Report {
    /// The formats the report has, the default first.
    static var formats: [ReportFormat] { get }
    /// The report in `format`, one of `formats`.
    func rendered(_ format: ReportFormat) -> String
}

/// How a report is written.
package enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json
}

/// A report written from a text and a JSON value: every report of this folder, so that a fleet's
/// report can hold them.
protocol StructuredReport: Report {
    var text: String { get }
    var json: JSONValue { get }
}

/// A report that also has a Markdown form, for a pull request.
protocol MarkdownReport: StructuredReport {
    var markdown: String { get }
}

extension StructuredReport {
    /// Text and JSON, and Markdown between them for a report that has it.
    package static var formats: [ReportFormat] { Self.self is any MarkdownReport.Type ? [.text, .markdown, .json] : [.text, .json] }

    package func rendered(_ format: ReportFormat) -> String {
        switch format {
        case .text: text
        case .markdown: (self as? any MarkdownReport)?.markdown ?? text
        case .json: json.pretty
        }
    }
}

extension AddressPlanReport: StructuredReport {}
extension Preflight: StructuredReport {}
extension Verification: StructuredReport {}

extension Plan: MarkdownReport {}
