/// Decides what a plain (unquoted) scalar means to YAML readers.
///
/// Covers YAML 1.2's core schema and the YAML 1.1 forms that PyYAML, go-yaml (kubectl) and
/// libyaml-based readers still apply (`yes`, `on`, `0x64`, `0o144`, `1_000`, `1:30`, `.inf`,
/// dates). The emitter quotes every string this does not resolve as a string, and the spec
/// decoder uses it to explain what a value was taken for.
public enum YAMLResolver {
    /// What a plain scalar resolves to.
    public enum Resolution: Sendable, Equatable {
        case null
        case boolean
        case integer
        case float
        /// A string, or a timestamp-like value readers treat specially: anything that is not
        /// one of the above.
        case other
    }

    private nonisolated(unsafe) static let integerPattern = #/[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*|[1-9][0-9_]*(:[0-5]?[0-9])+)/#
    private nonisolated(unsafe) static let floatPattern = #/[-+]?(([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|\.(inf|Inf|INF))|\.(nan|NaN|NAN)/#
    private nonisolated(unsafe) static let timestampPattern = #/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?/#

    private static let booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    /// Whether `text`, written plain, reads as null.
    public static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// What `text`, written plain, reads as.
    public static func resolve(_ text: String) -> Resolution {
        if isNull(text) { return .null }
        if booleans.contains(text) { return .boolean }
        guard let first = text.utf8.first, Self.mayBeNumber(first) else { return .other }
        if text.wholeMatch(of: integerPattern) != nil { return .integer }
        if text.wholeMatch(of: floatPattern) != nil { return .float }
        return .other
    }

    /// Whether `text` must be quoted so that a reader takes it back as the same string.
    public static func needsQuotes(_ text: String) -> Bool {
        if resolve(text) != .other { return true }
        if text == "<<" || text == "=" { return true }
        if let first = text.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
           text.wholeMatch(of: timestampPattern) != nil {
            return true
        }
        return false
    }

    private static func mayBeNumber(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }
}
