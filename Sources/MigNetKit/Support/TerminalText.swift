/// Text from outside (files, file names, clusters, kubectl, git) made safe for a terminal or a CI
/// log: control characters (C0, DEL, C1), line and paragraph separators and bidirectional
/// overrides are written as escapes, so a value cannot move the cursor, colour the screen, start
/// a line of its own or reorder what the reader sees; and the markers CI runners read as
/// commands are broken: `##[` and `##vso[` anywhere (GitHub's older commands and Azure
/// Pipelines' are found anywhere in a line) and `::` where the text begins (GitHub's workflow
/// commands, found at the start of a line after its leading spaces), so that text from outside
/// can never issue one, wherever mignet places it. Every report mignet prints applies it to
/// every string that came from outside; the one command mignet issues on purpose, a GitHub
/// annotation (`workflowCommand`), escapes its parts the same way and then as GitHub decodes them.
package enum TerminalText {
    /// Whether a scalar is written as an escape.
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The escape of one scalar: `\n`, `\r`, `\t`, or `\u{1B}`.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// `text` with every scalar that needs it escaped and every CI runner's command marker broken;
    /// with `keepingTabs`, tabs stay as they are (a line of a diff, where a tab is the file's own).
    package static func escaped(_ text: String, keepingTabs: Bool = false) -> String {
        let escapes = { (scalar: Unicode.Scalar) in needsEscape(scalar) && !(keepingTabs && scalar == "\t") }
        guard text.unicodeScalars.contains(where: escapes) || hasMarker(text) else { return text }
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if escapes(scalar) { output += escape(scalar) } else { output.unicodeScalars.append(scalar) }
        }
        return breakingMarkers(output)
    }

    /// Whether `text` holds a marker `breakingMarkers(_:)` breaks.
    private static func hasMarker(_ text: String) -> Bool {
        text.contains("##") || text.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("::")
    }

    /// `text` with `##[` and `##vso[` written `#\u{23}[` and `#\u{23}vso[`, and a `::` at its
    /// start (after spaces and tabs) written `\u{3A}:`: what CI runners read as commands, shown
    /// as what it is without being one. Used by every escaper of text from outside, the
    /// `github` diagnostics format's included.
    static func breakingMarkers(_ text: String) -> String {
        guard hasMarker(text) else { return text }
        var output = text.replacing("##[", with: "#\\u{23}[").replacing("##vso[", with: "#\\u{23}vso[")
        let indent = output.prefix(while: { $0 == " " || $0 == "\t" })
        if output.dropFirst(indent.count).hasPrefix("::") {
            output = indent + "\\u{3A}" + output.dropFirst(indent.count + 1)
        }
        return output
    }

    /// A file name given as the bytes the file system holds: valid UTF-8 is escaped as above,
    /// each byte that is not part of valid UTF-8 is written `\xNN`.
    package static func escaped(bytes: some Collection<UInt8>) -> String {
        var output = ""
        var rest = Array(bytes)[...]
        // Decode scalar by scalar with a fresh decoder, so that an invalid sequence is shown
        // byte for byte rather than as U+FFFD.
        while let first = rest.first {
            var decoder = UTF8()
            var iterator = rest.makeIterator()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if needsEscape(scalar) { output += escape(scalar) } else { output.unicodeScalars.append(scalar) }
                rest = rest.dropFirst(UTF8.width(scalar))
            } else {
                output += "\\x" + (first < 16 ? "0" : "") + String(first, radix: 16, uppercase: true)
                rest = rest.dropFirst()
            }
        }
        return breakingMarkers(output)
    }

    /// One workflow command: `::command file=…,line=…,col=…,title=…::message`, every part escaped.
    package static func workflowCommand(_ command: String, file: String, line: Int, column: Int, title: String, message: String) -> String {
        "::\(command) file=\(property(file)),line=\(line),col=\(column),title=\(property(title))::\(data(message))\n"
    }

    /// Escapes a workflow command's message: line breaks as the runner decodes them, other
    /// control characters and the runners' command markers as `escaped(_:)` writes them.
    private static func data(_ text: String) -> String {
        let text = breakingMarkers(text)
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default:
                if needsEscape(scalar) { output += escape(scalar) } else { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }

    /// Escapes a workflow command's property value.
    private static func property(_ text: String) -> String {
        var output = ""
        for scalar in data(text).unicodeScalars {
            switch scalar {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
