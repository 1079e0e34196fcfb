import MigNetKit

/// Unified diffs (`diff -u` format) of two texts, line by line, with three lines of context.
///
/// Lines are split on LF alone, so a CRLF file keeps its CR at the end of each line, as
/// `git diff` shows it and `git apply` expects it. Any other control character in a line (and the
/// path) is written as an escape (`TerminalText`): a diff of a hostile file cannot drive the
/// terminal or a CI log.
enum UnifiedDiff {
    /// The diff from `old` (nil: `/dev/null`) to `new`, labelled `a/<path>` and `b/<path>`;
    /// "" when the texts are equal.
    static func render(path: String, old: String?, new: String?) -> String {
        guard old != new else { return "" }
        let before = lines(old ?? "")
        let after = lines(new ?? "")
        let path = TerminalText.escaped(path)
        var output = "--- " + (old == nil ? "/dev/null" : "a/" + path) + "\n"
        output += "+++ " + (new == nil ? "/dev/null" : "b/" + path) + "\n"
        for hunk in hunks(edits(before, after)) {
            output += hunk
        }
        return output
    }

    /// A line and whether it ended with a line break.
    struct Line: Equatable {
        var text: Substring
        var terminated: Bool
    }

    enum Edit {
        case same(Line, old: Int, new: Int)
        case removed(Line, old: Int)
        case added(Line, new: Int)
    }

    static func lines(_ text: String) -> [Line] {
        // Split on the LF byte: as Characters, CR LF is one and would never match "\n".
        var result = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Line(text: Substring($0), terminated: true) }
        if result.last?.text.isEmpty == true {
            result.removeLast()
        } else if !result.isEmpty {
            result[result.count - 1].terminated = false
        }
        return result
    }

    /// A shortest edit script by longest common subsequence; texts too large for the table fall
    /// back to removing all and adding all, which is still a correct diff.
    static func edits(_ a: [Line], _ b: [Line]) -> [Edit] {
        guard a.count * b.count <= 4_000_000 else {
            return a.indices.map { .removed(a[$0], old: $0) } + b.indices.map { .added(b[$0], new: $0) }
        }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(.same(a[i], old: i, new: j))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(.removed(a[i], old: i))
                i += 1
            } else {
                edits.append(.added(b[j], new: j))
                j += 1
            }
        }
        return edits
    }

    /// The hunks of an edit script: changes with up to three lines of context, changes closer
    /// than seven lines joined into one hunk.
    static func hunks(_ edits: [Edit], context: Int = 3) -> [String] {
        let changed = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return [] }
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = groups.last, range.lowerBound <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...range.upperBound
            } else {
                groups.append(range)
            }
        }
        return groups.map { group in
            var oldStart: Int?
            var newStart: Int?
            var oldCount = 0
            var newCount = 0
            var body = ""
            for edit in edits[group] {
                switch edit {
                case .same(let line, let old, let new):
                    oldStart = oldStart ?? old
                    newStart = newStart ?? new
                    oldCount += 1
                    newCount += 1
                    body += " " + shown(line.text) + "\n" + (line.terminated ? "" : "\\ No newline at end of file\n")
                case .removed(let line, let old):
                    oldStart = oldStart ?? old
                    oldCount += 1
                    body += "-" + shown(line.text) + "\n" + (line.terminated ? "" : "\\ No newline at end of file\n")
                case .added(let line, let new):
                    newStart = newStart ?? new
                    newCount += 1
                    body += "+" + shown(line.text) + "\n" + (line.terminated ? "" : "\\ No newline at end of file\n")
                }
            }
            return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
        }
    }

    /// A line as the diff shows it: tabs and a final CR as they are, other controls escaped, and
    /// no CI runner's command marker (a context line's ` ::error::` or a `##[` anywhere).
    static func shown(_ text: Substring) -> String {
        let finalCR = text.unicodeScalars.last == "\r"
        let body = finalCR ? String(text.unicodeScalars.dropLast()) : String(text)
        return TerminalText.escaped(body, keepingTabs: true) + (finalCR ? "\r" : "")
    }

    /// `start,count` with a 1-based start. A side with no line in the hunk happens only for an
    /// empty text (every hunk of a non-empty text has context), and `diff -u` writes it `0,0`.
    private static func range(_ start: Int?, _ count: Int) -> String {
        start.map { "\($0 + 1),\(count)" } ?? "0,0"
    }
}
