/// A place in a spec file: the file's path and a 1-based line and column.
struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as the user gave it.
    var file: String
    /// The 1-based line.
    var line: Int
    /// The 1-based column, in Unicode scalars.
    var column: Int

    /// Creates a location.
    init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Orders by file (by UTF-8 bytes), then line, then column.
    static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8) }
        return (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `file:line:column`.
    var description: String { "\(file):\(line):\(column)" }
}
