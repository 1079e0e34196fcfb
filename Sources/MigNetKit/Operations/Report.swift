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

extension AddressPlanReport: Report {
    package static let formats: [ReportFormat] = [.text, .json]
    package func rendered(_ format: ReportFormat) -> String { format == .json ? json.pretty : text }
}

extension Plan: Report {
    package static let formats: [ReportFormat] = [.text, .markdown, .json]
    package func rendered(_ format: ReportFormat) -> String {
        switch format {
        case .text: text
        case .markdown: markdown
        case .json: json.pretty
        }
    }
}

extension Preflight: Report {
    package static let formats: [ReportFormat] = [.text, .json]
    package func rendered(_ format: ReportFormat) -> String { format == .json ? json.pretty : text }
}

extension Verification: Report {
    package static let formats: [ReportFormat] = [.text, .json]
    package func rendered(_ format: ReportFormat) -> String { format == .json ? json.pretty : text }
}
