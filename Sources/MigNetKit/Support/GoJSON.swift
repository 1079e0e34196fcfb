/// JSON text read the way Go's `encoding/json` reads it, which is how Harvester's webhook and
/// controller read a setting's value: strict RFC 8259 (Go's `scanner.go`), members kept in the
/// order written and duplicates kept (the decoder on top decides what they mean), numbers kept
/// as written (Go parses a number by the type of the field it lands in), strings unquoted as
/// Go's `unquote` does it (a lone surrogate escape becomes U+FFFD; it is not an error).
///
/// Why not Foundation's `JSONSerialization`: it takes a trailing comma (`{"a":1,}`), refuses a
/// lone surrogate escape that Go takes, turns `1e2` into `100` and `-0` into `0` (Go refuses both
/// for a `uint16`), and keeps neither member order nor duplicates, which decide Go's result for
/// `{"vlan":1,"VLAN":2}`. No JSON package within reach keeps them either. The reader is checked
/// against Go itself over a table of values (Tests/GoReference).
enum GoJSON {
    /// A JSON value with its members in document order and numbers as written.
    indirect enum Value: Sendable, Equatable {
        case object([Member])
        case array([Value])
        case string(String)
        case number(String)
        case boolean(Bool)
        case null

        /// What Go's `UnmarshalTypeError` calls this kind of value.
        var kindName: String {
            switch self {
            case .object: "object"
            case .array: "array"
            case .string: "string"
            case .number: "number"
            case .boolean: "bool"
            case .null: "null"
            }
        }
    }

    /// One member of an object.
    struct Member: Sendable, Equatable {
        var key: String
        var value: Value
    }

    /// Text that is not JSON, with Go's description and its offset: the bytes read when the
    /// problem showed, which is the 1-based position of an invalid byte.
    struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        var message: String
        var offset: Int
        var description: String { "\(message) at byte \(offset)" }
    }

    /// Go's `maxNestingDepth`: deeper text is refused ("invalid character '[' exceeded max depth").
    static let maximumDepth = 10_000

    /// Reads `text`: exactly one JSON value, with only whitespace around it.
    static func parse(_ text: String) throws(SyntaxError) -> Value {
        var reader = Reader(bytes: Array(text.utf8))
        return try reader.document()
    }
}

extension GoJSON {
    /// An iterative reader: nesting is kept on an explicit stack, so no input can exhaust the
    /// thread's stack before the depth limit refuses it.
    fileprivate struct Reader {
        /// An open container. Its items are appended in place on the stack (`stack[last]`): a
        /// frame popped and pushed back, or bound to a variable, would share its buffer and copy
        /// it on every append, which made reading quadratic in the number of items.
        private struct Frame {
            var isObject: Bool
            var items: [Value] = []
            var members: [Member] = []
            var key = ""
        }

        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func document() throws(SyntaxError) -> Value {
            var stack: [Frame] = []
            skipWhitespace()
            while true {
                var value: Value
                guard index < bytes.count else { throw endOfInput() }
                switch bytes[index] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let opening = bytes[index]
                    guard stack.count < GoJSON.maximumDepth else { throw invalid("exceeded max depth") }
                    index += 1
                    skipWhitespace()
                    let isObject = opening == UInt8(ascii: "{")
                    let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if index < bytes.count, bytes[index] == closing {
                        index += 1
                        value = isObject ? .object([]) : .array([])
                    } else {
                        stack.append(Frame(isObject: isObject, key: isObject ? try key() : ""))
                        continue
                    }
                case UInt8(ascii: "\""):
                    value = .string(try string())
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    value = .number(try number())
                case UInt8(ascii: "t"):
                    try literal("true")
                    value = .boolean(true)
                case UInt8(ascii: "f"):
                    try literal("false")
                    value = .boolean(false)
                case UInt8(ascii: "n"):
                    try literal("null")
                    value = .null
                default:
                    throw invalid("looking for beginning of value")
                }
                // Hand the value to the containers it closes, until one wants another value.
                while true {
                    skipWhitespace()
                    guard let top = stack.indices.last else {
                        if index < bytes.count { throw invalid("after top-level value") }
                        return value
                    }
                    guard index < bytes.count else { throw endOfInput() }
                    let next = bytes[index]
                    if stack[top].isObject {
                        stack[top].members.append(Member(key: stack[top].key, value: value))
                        if next == UInt8(ascii: ",") {
                            index += 1
                            skipWhitespace()
                            stack[top].key = try key()
                        } else if next == UInt8(ascii: "}") {
                            index += 1
                            value = .object(stack.removeLast().members)
                            continue
                        } else {
                            throw invalid("after object key:value pair")
                        }
                    } else {
                        stack[top].items.append(value)
                        if next == UInt8(ascii: ",") {
                            index += 1
                            skipWhitespace()
                        } else if next == UInt8(ascii: "]") {
                            index += 1
                            value = .array(stack.removeLast().items)
                            continue
                        } else {
                            throw invalid("after array element")
                        }
                    }
                    break
                }
            }
        }

        /// A member's key and its colon, leaving the reader at the member's value.
        private mutating func key() throws(SyntaxError) -> String {
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == UInt8(ascii: "\"") else { throw invalid("looking for beginning of object key string") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == UInt8(ascii: ":") else { throw invalid("after object key") }
            index += 1
            skipWhitespace()
            return key
        }

        /// A string from its opening quote: Go's scanner checks it, Go's `unquote` decodes it.
        private mutating func string() throws(SyntaxError) -> String {
            index += 1
            var decoded: [UInt8] = []
            while true {
                guard index < bytes.count else { throw endOfInput() }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    // The input is a Swift string, so valid UTF-8; escapes produce valid UTF-8 too.
                    return String(decoding: decoded, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { throw endOfInput() }
                    switch bytes[index] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(bytes[index])
                    case UInt8(ascii: "b"): decoded.append(0x08)
                    case UInt8(ascii: "f"): decoded.append(0x0C)
                    case UInt8(ascii: "n"): decoded.append(0x0A)
                    case UInt8(ascii: "r"): decoded.append(0x0D)
                    case UInt8(ascii: "t"): decoded.append(0x09)
                    case UInt8(ascii: "u"):
                        index += 1
                        let unit = try hexQuad()
                        appendScalar(unit, to: &decoded)
                        continue
                    default:
                        throw invalid("in string escape code")
                    }
                    index += 1
                case 0..<0x20:
                    throw invalid("in string literal")
                default:
                    decoded.append(byte)
                    index += 1
                }
            }
        }

        /// The code unit of a `\u` escape's four hex digits, leaving the reader after them.
        private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
            var unit: UInt32 = 0
            for _ in 0..<4 {
                guard index < bytes.count else { throw endOfInput() }
                guard let digit = Self.hexValue(bytes[index]) else { throw invalid("in \\u hexadecimal character escape") }
                unit = unit << 4 | digit
                index += 1
            }
            return unit
        }

        /// Appends the character of a `\u` escape: a surrogate pair written as two escapes is one
        /// character; any other surrogate is U+FFFD (Go's `unquote`), and the escape after an
        /// unpaired high surrogate is read on its own.
        private mutating func appendScalar(_ unit: UInt32, to decoded: inout [UInt8]) {
            var scalar = Unicode.Scalar(unit)
            if (0xD800...0xDBFF).contains(unit), index + 6 <= bytes.count,
               bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
               let low = Self.hexValue(Array(bytes[(index + 2)..<(index + 6)])), (0xDC00...0xDFFF).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                index += 6
            }
            decoded.append(contentsOf: String(Character(scalar ?? "\u{FFFD}")).utf8)
        }

        /// `-`, then `0` or a digit 1-9 and digits, then optionally `.` and digits, then optionally
        /// `e` or `E`, a sign and digits. A digit after a leading `0` ends the number, so `0100`
        /// fails where Go's does, at the `1`, in the container's check.
        private mutating func number() throws(SyntaxError) -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw endOfInput() }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if Self.isDigit(bytes[index]) {
                while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            } else {
                throw invalid("in numeric literal")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                try digits(after: "after decimal point in numeric literal")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                try digits(after: "in exponent of numeric literal")
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        private mutating func digits(after context: String) throws(SyntaxError) {
            guard index < bytes.count else { throw endOfInput() }
            guard Self.isDigit(bytes[index]) else { throw invalid(context) }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }

        private mutating func literal(_ word: String) throws(SyntaxError) {
            for expected in word.utf8 {
                guard index < bytes.count else { throw endOfInput() }
                guard bytes[index] == expected else {
                    throw invalid("in literal \(word) (expecting '\(Character(Unicode.Scalar(expected)))')")
                }
                index += 1
            }
        }

        private mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        private func invalid(_ context: String) -> SyntaxError {
            SyntaxError(message: "invalid character \(Self.quote(bytes[index])) \(context)", offset: index + 1)
        }

        private func endOfInput() -> SyntaxError {
            SyntaxError(message: "unexpected end of JSON input", offset: bytes.count)
        }

        /// A byte as Go's `quoteChar` shows it: `'x'`, or an escape for what is not printable.
        private static func quote(_ byte: UInt8) -> String {
            switch byte {
            case UInt8(ascii: "'"): return "'\\''"
            case 0x09: return "'\\t'"
            case 0x0A: return "'\\n'"
            case 0x0D: return "'\\r'"
            case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
            // Go shows a byte above 0x7F as the character U+00XX, escaped where `strconv.Quote`
            // finds it unprintable.
            case 0x80...0xA0, 0xAD: return "'\\u00\(String(byte, radix: 16))'"
            case 0xA1...0xFF: return "'\(Character(Unicode.Scalar(byte)))'"
            default:
                let hex = String(byte, radix: 16)
                return "'\\x\(hex.count == 1 ? "0" : "")\(hex)'"
            }
        }

        private static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        private static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        private static func hexValue(_ quad: [UInt8]) -> UInt32? {
            var unit: UInt32 = 0
            for byte in quad {
                guard let digit = hexValue(byte) else { return nil }
                unit = unit << 4 | digit
            }
            return unit
        }
    }
}
