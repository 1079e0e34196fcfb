/// The diagnostics a command reports, at most `limitPerFile` of them per file, the rest counted:
/// a hostile file with a million problems costs a bounded report, and the counts still say what
/// was left out. Every output format reads this one value.
package struct DiagnosticReport: Sendable {
    /// What was left out of one file's diagnostics.
    struct Omission: Sendable, Equatable {
        /// The file.
        var file: String
        /// How many diagnostics were left out.
        var count: Int
        /// How many of each code, sorted by code.
        var codes: [(code: DiagnosticCode, count: Int)]
        /// The gravest severity left out under each code.
        var severities: [DiagnosticCode: Diagnostic.Severity] = [:]

        static func == (lhs: Omission, rhs: Omission) -> Bool {
            lhs.file == rhs.file && lhs.count == rhs.count && lhs.codes.elementsEqual(rhs.codes) { $0 == $1 }
        }

        /// `and 63800 more diagnostics (unknown-key: 63800)`.
        var summary: String {
            let codes = codes.map { "\($0.code.rawValue): \($0.count)" }.joined(separator: ", ")
            return "and \(count) more diagnostic\(count == 1 ? "" : "s") in this file, not shown (\(codes))"
        }
    }

    /// The most diagnostics shown for one file.
    static let defaultLimitPerFile = 200

    /// The diagnostics shown, in the order given.
    var shown: [Diagnostic]
    /// What was left out, by file in order of first appearance.
    var omitted: [Omission]
    /// Errors in all, shown or not.
    var errorCount: Int
    /// Warnings in all, shown or not.
    var warningCount: Int
    /// The files whose lines the text format quotes, by path.
    var sources: [String: SourceFile]

    /// Keeps the first `limitPerFile` diagnostics of each file (they come sorted by location);
    /// `tallies`, the diagnostics that were only counted, count as omitted. `sources` are the
    /// files the text quotes; `warningsAsErrors` counts every warning as an error
    /// (`--warnings-as-errors`), the one place that promotion is decided.
    init(_ diagnostics: [Diagnostic], tallies: [DiagnosticTally] = [], sources: [String: SourceFile] = [:], warningsAsErrors: Bool = false,
         limitPerFile: Int = Self.defaultLimitPerFile) {
        let diagnostics = warningsAsErrors ? diagnostics.promotingWarnings() : diagnostics
        let tallies = warningsAsErrors ? tallies.promotingWarnings() : tallies
        self.sources = sources
        var perFile: [String: Int] = [:]
        var omittedCodes: [String: [DiagnosticCode: Int]] = [:]
        var omittedOrder: [String] = []
        var omittedSeverities: [String: [DiagnosticCode: Diagnostic.Severity]] = [:]
        func omit(_ file: String, _ code: DiagnosticCode, _ severity: Diagnostic.Severity, _ count: Int) {
            if omittedCodes[file] == nil { omittedOrder.append(file) }
            omittedCodes[file, default: [:]][code, default: 0] += count
            omittedSeverities[file, default: [:]][code] = min(severity, omittedSeverities[file]?[code] ?? severity)
        }
        shown = []
        errorCount = 0
        warningCount = 0
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errorCount += 1
            case .warning: warningCount += 1
            case .note: break
            }
            let file = diagnostic.location.file
            let seen = perFile[file, default: 0]
            perFile[file] = seen + 1
            if seen < limitPerFile {
                shown.append(diagnostic)
            } else {
                omit(file, diagnostic.code, diagnostic.severity, 1)
            }
        }
        for tally in tallies {
            switch tally.severity {
            case .error: errorCount += tally.count
            case .warning: warningCount += tally.count
            case .note: break
            }
            omit(tally.file, tally.code, tally.severity, tally.count)
        }
        omitted = omittedOrder.map { file in
            let codes = omittedCodes[file, default: [:]].map { (code: $0.key, count: $0.value) }
                .sorted { $0.code.rawValue.utf8.lexicographicallyPrecedes($1.code.rawValue.utf8) }
            return Omission(file: file, count: codes.reduce(0) { $0 + $1.count }, codes: codes, severities: omittedSeverities[file, default: [:]])
        }
    }

    /// A report of diagnostics that were all kept (none only counted): a command's own problems,
    /// such as files it could not read.
    package init(_ diagnostics: [Diagnostic], sources: [String: SourceFile] = [:], warningsAsErrors: Bool = false) {
        self.init(diagnostics, tallies: [], sources: sources, warningsAsErrors: warningsAsErrors)
    }

    /// Whether the report holds an error, shown or counted: whether it fails the run.
    package var failed: Bool { errorCount > 0 }

    /// `2 errors and 1 warning`, or nil when there are neither.
    var summary: String? {
        var parts: [String] = []
        if errorCount > 0 { parts.append("\(errorCount) error\(errorCount == 1 ? "" : "s")") }
        if warningCount > 0 { parts.append("\(warningCount) warning\(warningCount == 1 ? "" : "s")") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }
}
