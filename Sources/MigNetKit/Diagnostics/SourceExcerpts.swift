/// The source lines diagnostics point at, found in time linear in the file and shown at a
/// bounded width: each file's lines are indexed once, and a long line is cut to a window around
/// the column, so that thousands of diagnostics on one long line cost no more than the line.
final class SourceExcerpts {
    /// The widest part of a line an excerpt shows, in Unicode scalars.
    static let width = 120

    private struct IndexedFile {
        var source: SourceFile
        /// The byte offset of each line's start; line 1 starts after a byte-order mark.
        var lineStarts: [Int]
        /// The byte offset of each scalar of the lines excerpted so far, by line number; empty
        /// for a plain ASCII line (byte and scalar offsets agree), so no line is scanned twice.
        var scalarOffsets: [Int: [Int]] = [:]
    }

    private let sources: [String: SourceFile]
    private var files: [String: IndexedFile] = [:]

    init(_ sources: [String: SourceFile]) {
        self.sources = sources
    }

    /// The excerpt's line (with `…` where it was cut) and the caret's lead, or nil when the
    /// file or line is not there.
    func excerpt(at location: SourceLocation) -> (line: String, lead: String)? {
        guard var file = indexed(location.file), location.line >= 1, location.line <= file.lineStarts.count else { return nil }
        let bytes = file.source.bytes
        let start = file.lineStarts[location.line - 1]
        var end = location.line < file.lineStarts.count ? file.lineStarts[location.line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // Byte offsets of the line's scalars (plus its end), computed once per line.
        let offsets: [Int]
        if let known = file.scalarOffsets[location.line] {
            offsets = known
        } else if !bytes[start..<end].contains(where: { $0 >= 0x80 }) {
            offsets = []
            file.scalarOffsets[location.line] = []
            files[location.file] = file
        } else {
            var found: [Int] = []
            var index = start
            while index < end {
                found.append(index)
                index += Self.scalarLength(bytes[index])
            }
            found.append(end)
            offsets = found
            file.scalarOffsets[location.line] = found
            files[location.file] = file
        }
        let count = offsets.isEmpty ? end - start : offsets.count - 1
        func offset(_ scalar: Int) -> Int { offsets.isEmpty ? start + scalar : offsets[scalar] }
        let column = min(max(0, location.column - 1), count)
        let first = max(0, min(column - Self.width / 2, count - Self.width))
        let last = min(count, first + Self.width)
        let text = String(decoding: bytes[offset(first)..<offset(last)], as: UTF8.self)
        var line = first > 0 ? "…" : ""
        var lead = first > 0 ? " " : ""
        var position = first
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            // The second `#` of a CI runner's `##[` or `##vso[` marker is shown as an escape, as
            // `TerminalText` breaks it everywhere else.
            let marker = scalar == "#" && index > 0 && scalars[index - 1] == "#"
                && (scalars.dropFirst(index + 1).starts(with: "[".unicodeScalars) || scalars.dropFirst(index + 1).starts(with: "vso[".unicodeScalars))
            let shown = scalar == "\t" ? "\t" : TerminalText.needsEscape(scalar) || marker ? TerminalText.escape(scalar) : String(scalar)
            line += shown
            if position < column {
                lead += scalar == "\t" ? "\t" : String(repeating: " ", count: shown.unicodeScalars.count)
            }
            position += 1
        }
        if last < count { line += "…" }
        return (line, lead)
    }

    private func indexed(_ path: String) -> IndexedFile? {
        if let file = files[path] { return file }
        guard let source = sources[path] else { return nil }
        let bytes = source.bytes
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
        let file = IndexedFile(source: source, lineStarts: starts)
        files[path] = file
        return file
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for a stray byte).
    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }
}
