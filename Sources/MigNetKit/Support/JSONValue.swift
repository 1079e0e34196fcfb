/// A JSON value whose objects keep their members in the order given, written compactly.
///
/// Harvester hashes the exact bytes of the setting's value, so the writer fixes every byte:
/// no spaces, members in insertion order, integers in decimal, strings escaped as JavaScript's
/// `JSON.stringify` escapes them (the Harvester UI writes the value with it). The strings mignet
/// puts in a value are validated ASCII (names, CIDRs), where Go's `encoding/json` agrees too.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case null
    case array([JSONValue])
    case object([JSONMember])

    /// The compact text.
    var serialized: String {
        var output = JSONOutput()
        write(to: &output)
        return output.string
    }

    /// The compact text of a report for a terminal or a log: as `serialized`, and every scalar
    /// `TerminalText` escapes (DEL, C1, line separators, bidirectional overrides) written as a
    /// `\u` escape too, which JSON readers decode to the same string.
    var reportText: String {
        var output = JSONOutput(escapesTerminalScalars: true)
        write(to: &output)
        return output.string
    }

    /// The text indented by two spaces per level, `"key": value`, ending with a line break:
    /// for files people read, such as the JSON Schema.
    var pretty: String {
        var output = JSONOutput(escapesTerminalScalars: true)
        writePretty(to: &output, depth: 0)
        output.append("\n")
        return output.string
    }

    private func writePretty(to output: inout JSONOutput, depth: Int) {
        switch self {
        case .array(let items) where !items.isEmpty:
            output.append("[\n")
            for index in items.indices {
                output.indent(depth + 1)
                items[index].writePretty(to: &output, depth: depth + 1)
                output.append(index < items.count - 1 ? ",\n" : "\n")
            }
            output.indent(depth)
            output.append("]")
        case .object(let members) where !members.isEmpty:
            output.append("{\n")
            for (index, member) in members.enumerated() {
                output.indent(depth + 1)
                Self.writeString(member.key, to: &output)
                output.append(": ")
                member.value.writePretty(to: &output, depth: depth + 1)
                output.append(index < members.count - 1 ? ",\n" : "\n")
            }
            output.indent(depth)
            output.append("}")
        default:
            write(to: &output)
        }
    }

    private func write(to output: inout JSONOutput) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let number): output.append(String(number))
        case .boolean(let flag): output.append(flag ? "true" : "false")
        case .null: output.append("null")
        case .array(let items):
            output.append("[")
            for index in items.indices {
                if index > 0 { output.append(",") }
                items[index].write(to: &output)
            }
            output.append("]")
        case .object(let members):
            output.append("{")
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(",") }
                Self.writeString(member.key, to: &output)
                output.append(":")
                member.value.write(to: &output)
            }
            output.append("}")
        }
    }

    private static func writeString(_ text: String, to output: inout JSONOutput) {
        output.append("\"")
        // Names and CIDRs, nearly every string mignet writes, need no escape: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || (output.escapesTerminalScalars && ($0 >= 0x7F || $0 == UInt8(ascii: "#"))) }) {
            output.append(text)
            output.append("\"")
            return
        }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{00}"..."\u{1F}":
                output.appendEscape(scalar)
            case _ where output.escapesTerminalScalars && TerminalText.needsEscape(scalar):
                output.appendEscape(scalar)
            // The second `#` of `##[` or `##vso[` (CI runners' command markers), so that no
            // report line holds one; a JSON reader decodes the same string.
            case "#" where output.escapesTerminalScalars && previous == "#":
                output.appendEscape(scalar)
            default: output.append(String(scalar))
            }
        }
        output.append("\"")
    }
}

/// The bytes of JSON text being written: appending UTF-8 to an array is much cheaper than
/// growing a String piece by piece, and a value can hold tens of thousands of strings.
struct JSONOutput {
    private var bytes: [UInt8] = []
    /// Whether the scalars `TerminalText` escapes are written as `\u` escapes (reports), or
    /// only what JSON requires (the setting's value, whose bytes are hashed).
    var escapesTerminalScalars = false

    init(escapesTerminalScalars: Bool = false) {
        self.escapesTerminalScalars = escapesTerminalScalars
    }

    /// `\uXXXX` for a scalar of the Basic Multilingual Plane.
    mutating func appendEscape(_ scalar: Unicode.Scalar) {
        let hex = String(scalar.value, radix: 16)
        append("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func indent(_ depth: Int) {
        for _ in 0..<2 * depth { bytes.append(UInt8(ascii: " ")) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// One member of a JSON object.
struct JSONMember: Sendable, Equatable {
    /// The member's name.
    var key: String
    /// The member's value.
    var value: JSONValue

    /// Creates a member.
    init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// `text` as a JSON string literal (which YAML reads the same as a double-quoted scalar), so that
/// no character of it can end the value or start a key or a comment.
package func jsonStringLiteral(_ text: String) -> String {
    JSONValue.string(text).serialized
}
