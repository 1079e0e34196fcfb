import Glibc
import MigNetKit
import Synchronization

/// The clusters a report command (explain, preflight, verify) judges in one run: the specs it was
/// given, or the repository file's spec folders. One spec file given alone is reported as it
/// always was; folders or several specs give one report per cluster, headed by its name (a list
/// in JSON), and the run exits with the worst status: 1 when any cluster could not be judged or
/// the specs have an error, else 2 when any check failed, else 0.
struct Fleet {
    /// Whether the run reports on a list of clusters: the command line named a folder, more than
    /// one spec, or none (the repository's folders). The shape of the output depends on the command
    /// line, never on how many specs a folder happens to hold.
    var isList: Bool
    /// The specs compiled, in the compiler's order.
    var specs: [Compilation]
    /// Whether the specs' diagnostics fail the run (an error in a spec or outside any, such as an
    /// argument that holds no spec), with `--warnings-as-errors` applied.
    var failed: Bool
    /// How the specs' diagnostics were reported.
    var reporter: DiagnosticReporter

    /// What judging one cluster gave.
    enum Verdict<Judged: Report & Sendable>: Sendable {
        /// The cluster's report, and the status it fails the run with (nil: none).
        case report(Judged, failing: CommandFailure.Status?)
        /// What was read from the cluster cannot be used: located diagnostics.
        case unusable([Diagnostic])
        /// The cluster could not be read (kubectl could not be run, failed or timed out).
        case unreachable(String)
    }

    /// Whether `inputs` (resolved: the repository's folders when none were given) make a list:
    /// a folder, or more than one spec.
    static func isList(_ inputs: SpecInputs) -> Bool {
        inputs.specs.count != 1 || (inputs.specs[0] != "-" && FileSystems.current.existing(DiskPath(inputs.specs[0]), followingLinks: true)?.kind == .folder)
    }

    /// Compiles `inputs` (resolved) and reports their diagnostics. One spec given alone that has
    /// an error stops the run here, as it always has.
    init(_ inputs: SpecInputs, diagnostics: DiagnosticOptions) throws {
        isList = Self.isList(inputs)
        let compiled = inputs.compile()
        reporter = diagnostics.reporter
        failed = try diagnostics.report(compiled)
        specs = compiled.result.compilations.filter(\.isSpec)
        if !isList && (failed || specs.isEmpty) { throw CommandFailure.reported() }
    }

    /// Whether `compilation` may be judged: its spec has no error (warnings promoted when asked).
    private func isValid(_ compilation: Compilation) -> Bool {
        !reporter.fails(compilation.diagnostics)
    }

    /// Judges every valid spec with `judge`, `concurrency` at a time on threads of their own
    /// (each with the command's seams), in the specs' order; nil for a spec with an error (`judge`
    /// too returns nil for a spec it finds no validated cluster in). With `progress`, a line on
    /// stderr counts the clusters done.
    func judge<Judged>(concurrency: Int = 1, progress: Bool = false, _ judge: @escaping @Sendable (Compilation) -> Verdict<Judged>?) -> [Verdict<Judged>?] {
        let valid = specs.filter(isValid)
        let seams = Seams.current
        let shown = progress && valid.count > 1 && Terminal.standardErrorIsTerminal
        let done = Atomic<Int>(0)
        let verdicts = Parallel.map(valid, jobs: concurrency) { compilation in
            let verdict = seams.bound { judge(compilation) }
            if shown {
                let count = done.wrappingAdd(1, ordering: .relaxed).newValue
                Terminal.writeProgress("mignet: \(count) of \(valid.count) clusters read")
            }
            return verdict
        }
        if shown { Terminal.writeProgress(nil) }
        var next = verdicts.makeIterator()
        return specs.map { isValid($0) ? next.next()! : nil }
    }

    /// Reports the verdicts in `options`' format and stops with the run's status: for one spec
    /// given alone, its report (or its problem) as the command has always printed it; otherwise
    /// the fleet's report, a summary on stderr, and the worst status.
    func finish<Judged>(_ verdicts: [Verdict<Judged>?], format: ReportFormat, diagnostics: DiagnosticOptions, summarised: Bool = true) throws {
        guard isList else {
            switch verdicts.first ?? nil {
            case nil: throw CommandFailure.reported()
            case .unusable(let problems)?:
                // kubectl's output is not a mignet file: its lines are not quoted.
                try diagnostics.report(problems, sources: [:])
                throw CommandFailure.reported()
            case .unreachable(let reason)?: throw CommandFailure(reason)
            case .report(let report, let failing)?:
                try Terminal.writeOutput(report.rendered(format))
                if let failing { throw CommandFailure.reported(failing) }
                return
            }
        }
        var problems: [Diagnostic] = []
        var clusters: [(cluster: String?, spec: String, exitStatus: Int32, report: Judged?, problem: String?)] = []
        var unjudged: [String] = []
        for (compilation, verdict) in zip(specs, verdicts) {
            let name = compilation.name
            switch verdict {
            case nil:
                clusters.append((name, compilation.file, 1, nil, "the spec has errors (see the diagnostics)"))
            case .unusable(let found)?:
                problems += found
                clusters.append((name, compilation.file, 1, nil, "what was read from the cluster cannot be used (see the diagnostics)"))
            case .unreachable(let reason)?:
                clusters.append((name, compilation.file, 1, nil, reason))
            case .report(let report, let failing)?:
                clusters.append((name, compilation.file, failing?.rawValue ?? 0, report, nil))
            }
            if clusters[clusters.count - 1].exitStatus == 1 { unjudged.append(name ?? compilation.file) }
        }
        if !problems.isEmpty { try diagnostics.report(problems, sources: [:]) }
        try Terminal.writeOutput(FleetReport(clusters).rendered(format))
        let statuses = clusters.map(\.exitStatus)
        let failedChecks = statuses.filter { $0 == CommandFailure.Status.difference.rawValue }.count
        if summarised || !unjudged.isEmpty {
            var parts = summarised ? ["\(statuses.filter { $0 == 0 }.count) passed", "\(failedChecks) failed"] : []
            if !unjudged.isEmpty { parts.append("\(unjudged.count) not checked (\(unjudged.map { TerminalText.escaped($0) }.joined(separator: ", ")))") }
            Terminal.writeError("mignet: \(clusters.count) cluster\(clusters.count == 1 ? "" : "s"): \(parts.joined(separator: ", "))\n")
        }
        if failed || !unjudged.isEmpty { throw CommandFailure.reported(.failure) }
        if failedChecks > 0 { throw CommandFailure.reported(.difference) }
    }
}
