/// One finding about a spec: what, where, how bad, and how to fix it.
package struct Diagnostic: Sendable, Hashable {
    /// How bad a diagnostic is.
    enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }

        static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary message at another place, such as where a duplicate was first written.
    struct Note: Sendable, Hashable {
        /// The note's text.
        var message: String
        /// Where it points, if anywhere.
        var location: SourceLocation?

        /// Creates a note.
        init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// How bad it is.
    var severity: Severity
    /// The stable code, such as `vlan-out-of-range`.
    var code: DiagnosticCode
    /// Lowercase, no trailing period; quotes the user's value and says what would be accepted.
    package var message: String
    /// Where it was found.
    var location: SourceLocation
    /// Whether it says a file could not be read at all (missing, not a regular file, too large):
    /// plan stops there rather than plan without it.
    package var isUnreadableFile: Bool { code == .fileUnreadable || code == .inputTooLarge }

    /// The file it is about, as its reader named it; a command that read the file under another
    /// name (plan, the base's files) renames it here.
    package var file: String {
        get { location.file }
        set { location.file = newValue }
    }
    /// Further places and explanations.
    var notes: [Note]
    /// The replacement text that would fix the value at `location`, if there is one.
    var fixIt: String?

    /// Creates a diagnostic.
    init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Note] = [], fixIt: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
        self.fixIt = fixIt
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    package var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by location, then severity, then code: the order every output uses.
    package func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Every warning turned into an error, for `--warnings-as-errors`.
    func promotingWarnings() -> [Diagnostic] {
        map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.severity == .warning { diagnostic.severity = .error }
            return diagnostic
        }
    }
}

/// An input that cannot be used, with the located reasons why: kubectl's output without the
/// objects a command needs, a repository file that is not one. The one error type for inputs
/// that are not specs (a spec's problems come back in its compilation).
package struct Diagnosed: Error, Sendable {
    package var diagnostics: [Diagnostic]
}
