/// A position in YAML source text: 1-based line and 1-based column (in Unicode scalars).
///
/// libyaml counts both from zero; the conversion happens once, in `YAMLParser`.
package struct YAMLMark: Sendable, Hashable {
    /// The 1-based line number.
    package var line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    package var column: Int

    /// Creates a mark from 1-based coordinates.
    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a document.
    static let start = YAMLMark(line: 1, column: 1)
}
