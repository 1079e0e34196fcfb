import MigNetYAML

/// Collects a file's diagnostics, keeping at most `budget` of them whole and only counting the
/// rest by file, code and severity: a hostile file with half a million problems costs half a
/// million counts, not half a million messages, spelling hints and source copies. The report
/// shows fewer than the budget anyway (`DiagnosticReport.defaultLimitPerFile`), and says how many
/// more there were.
struct DiagnosticCollector: Sendable {
    /// How many diagnostics are kept whole; the rest are counted.
    static let budget = 1_000

    /// The diagnostics kept whole, in the order they came.
    private(set) var kept: [Diagnostic] = []
    /// The diagnostics counted only.
    private(set) var tallies: [DiagnosticTally] = []
    private var tallyIndex: [DiagnosticTally.Key: Int] = [:]

    /// Creates an empty collector.
    init() {}

    /// Whether the budget is spent, so that a diagnostic is counted rather than kept.
    var isFull: Bool { kept.count >= Self.budget }

    /// Keeps or counts a diagnostic.
    mutating func append(_ diagnostic: Diagnostic) {
        if isFull { count(diagnostic.code, diagnostic.severity, file: diagnostic.location.file) } else { kept.append(diagnostic) }
    }

    /// Keeps or counts diagnostics.
    mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Keeps the diagnostic `make` builds, or, once the budget is spent, counts it without
    /// building it: for the diagnostics a file can hold one of per line.
    mutating func append(_ code: DiagnosticCode, _ severity: Diagnostic.Severity, file: String, _ make: () -> Diagnostic) {
        if isFull { count(code, severity, file: file) } else { kept.append(make()) }
    }

    /// Keeps or counts the diagnostics of YAML problems.
    mutating func append(yamlProblems problems: [YAMLProblem], file: String) {
        for problem in problems { append(Diagnostic.yamlCode(problem), .error, file: file) { .yaml(problem, file: file) } }
    }

    /// Adds another collector's diagnostics and counts.
    mutating func append(_ other: DiagnosticCollector) {
        append(contentsOf: other.kept)
        for tally in other.tallies { count(tally.code, tally.severity, file: tally.file, by: tally.count) }
    }

    private mutating func count(_ code: DiagnosticCode, _ severity: Diagnostic.Severity, file: String, by amount: Int = 1) {
        let key = DiagnosticTally.Key(file: file, code: code, severity: severity)
        if let index = tallyIndex[key] {
            tallies[index].count += amount
        } else {
            tallyIndex[key] = tallies.count
            tallies.append(DiagnosticTally(file: file, code: code, severity: severity, count: amount))
        }
    }
}

/// How many diagnostics of one code and severity a file had beyond those kept whole.
struct DiagnosticTally: Sendable, Hashable {
    struct Key: Hashable, Sendable {
        var file: String
        var code: DiagnosticCode
        var severity: Diagnostic.Severity
    }

    /// The file.
    var file: String
    /// The code.
    var code: DiagnosticCode
    /// The severity.
    var severity: Diagnostic.Severity
    /// How many.
    var count: Int
}

extension Array where Element == DiagnosticTally {
    /// Whether any counted diagnostic is an error.
    var hasErrors: Bool { contains { $0.severity == .error } }

    /// Every warning counted as an error, for `--warnings-as-errors`.
    func promotingWarnings() -> [DiagnosticTally] {
        map { tally in
            var tally = tally
            if tally.severity == .warning { tally.severity = .error }
            return tally
        }
    }
}
