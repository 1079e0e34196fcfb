/// Source text with position markers, so that a test names where a diagnostic must point
/// instead of counting lines and columns by hand:
///
/// ```swift
/// let source = MarkedSource("spec:\n  vlan: 1️⃣5000\n")
/// source.text            // "spec:\n  vlan: 5000\n"
/// source["1️⃣"]           // (line: 2, column: 9)
/// ```
///
/// Markers are the keycap digits 0️⃣ to 9️⃣; lines and columns are 1-based, columns in Unicode
/// scalars, as mignet's diagnostics count them.
package struct MarkedSource: Sendable {
    /// The text without its markers.
    package let text: String
    /// Where each marker stood.
    package let markers: [String: (line: Int, column: Int)]

    package init(_ marked: String) {
        let keycaps = (0...9).map { "\($0)\u{FE0F}\u{20E3}" }
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        while let scalar = rest.unicodeScalars.first {
            if let keycap = keycaps.first(where: { rest.hasPrefix($0) }) {
                precondition(markers[keycap] == nil, "marker \(keycap) used twice")
                markers[keycap] = (line, column)
                rest = rest.dropFirst(keycap.count)
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        self.text = text
        self.markers = markers
    }

    /// The position of a marker.
    package subscript(_ marker: String) -> (line: Int, column: Int) {
        guard let position = markers[marker] else { preconditionFailure("no marker \(marker) in the source") }
        return position
    }
}
