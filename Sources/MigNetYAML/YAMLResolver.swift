/// Decides what a plain (unquoted) scalar means to YAML readers.
///
/// Covers YAML 1.2's core schema and the YAML 1.1 forms that PyYAML, go-yaml (kubectl) and
/// libyaml-based readers still apply (`yes`, `on`, `0x64`, `0o144`, `1_000`, `1:30`, `.inf`,
/// dates). The emitter quotes every string this does not resolve as a string, and a scalar's
/// `resolution` is what it says. The number and date forms are matched
/// by hand on UTF-8 bytes (this runs for every scalar of every file); a test holds them equal to
/// the regular expressions written in their comments.
enum YAMLResolver {
    private static let booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    /// Whether `text`, written plain, reads as null.
    static func isNull(_ text: String) -> Bool {
        let count = text.utf8.count
        return count == 0 || (count == 1 && text == "~") || (count == 4 && (text == "null" || text == "Null" || text == "NULL"))
    }

    /// What `text`, written plain, reads as.
    static func resolve(_ text: String) -> YAMLScalar.Resolution {
        if isNull(text) { return .null }
        guard let first = text.utf8.first else { return .string }
        // Every boolean word starts with one of y, n, t, f, o; most strings need no lookup.
        if text.utf8.count <= 5, "yYnNtTfFoO".utf8.contains(first), booleans.contains(text) { return .boolean }
        guard mayBeNumber(first) else { return .string }
        // No number has a second dot or a slash: addresses and CIDRs stop here.
        var dots = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "/") { return .string }
            if byte == UInt8(ascii: ".") { dots += 1 }
        }
        if dots > 1 { return .string }
        let bytes = Array(text.utf8)
        if isInteger(bytes) { return .integer }
        if isFloat(bytes) { return .float }
        return .string
    }

    /// Whether `text` must be quoted so that a reader takes it back as the same string.
    static func needsQuotes(_ text: String) -> Bool {
        if resolve(text) != .string { return true }
        if text == "<<" || text == "=" { return true }
        return isTimestamp(Array(text.utf8))
    }

    private static func mayBeNumber(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    // MARK: Matchers

    /// A cursor over bytes: each step either consumes what it names or leaves the position alone.
    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: Character) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: byte.unicodeScalars.first!) else { return false }
            index += 1
            return true
        }

        mutating func takeSign() { _ = take("-") || take("+") }

        /// One or more bytes matching `test`; false (and nothing consumed) when there is none.
        mutating func takeSome(_ test: (UInt8) -> Bool) -> Bool {
            let start = index
            while index < bytes.count, test(bytes[index]) { index += 1 }
            return index > start
        }

        mutating func takeAny(_ test: (UInt8) -> Bool) { _ = takeSome(test) }

        /// Exactly one of the words.
        mutating func takeWord(_ words: [String]) -> Bool {
            for word in words {
                let utf8 = Array(word.utf8)
                if bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8 {
                    index += utf8.count
                    return true
                }
            }
            return false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "_") }
    private static func isOctalOrUnderscore(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x37) || byte == UInt8(ascii: "_") }
    private static func isBinaryOrUnderscore(_ byte: UInt8) -> Bool { byte == 0x30 || byte == 0x31 || byte == UInt8(ascii: "_") }
    private static func isHexOrUnderscore(_ byte: UInt8) -> Bool {
        isDigitOrUnderscore(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    /// Tries each alternative from the same start; true when one consumes everything.
    private static func matchesWhole(_ bytes: [UInt8], from start: Int, _ alternatives: [(inout Cursor) -> Bool]) -> Bool {
        alternatives.contains { alternative in
            var cursor = Cursor(bytes: bytes, index: start)
            return alternative(&cursor) && cursor.atEnd
        }
    }

    /// `(:[0-5]?[0-9])+`: the sexagesimal groups of YAML 1.1.
    private static func takeSexagesimal(_ cursor: inout Cursor) -> Bool {
        var groups = 0
        while true {
            var probe = cursor
            guard probe.take(":") else { break }
            let digits = probe.bytes[probe.index...].prefix(while: isDigit)
            if digits.count == 2, digits.first! <= UInt8(ascii: "5") {
                probe.index += 2
            } else if digits.count == 1 || digits.count == 2 {
                // One digit, or the second of two ([0-5]? is optional): a lone digit then.
                probe.index += 1
                if digits.count == 2 { return false }
            } else {
                break
            }
            cursor = probe
            groups += 1
        }
        return groups > 0
    }

    /// `[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*|[1-9][0-9_]*(:[0-5]?[0-9])+)`
    static func isInteger(_ bytes: [UInt8]) -> Bool {
        var sign = Cursor(bytes: bytes)
        sign.takeSign()
        return matchesWhole(bytes, from: sign.index, [
            { $0.take("0") && $0.take("b") && $0.takeSome(isBinaryOrUnderscore) },
            { $0.take("0") && ($0.take("o") || true) && $0.takeSome(isOctalOrUnderscore) },
            { $0.take("0") && $0.take("x") && $0.takeSome(isHexOrUnderscore) },
            { $0.takeSome(isDigit) && { $0.takeAny(isDigitOrUnderscore); return true }(&$0) },
            { cursor in
                guard cursor.index < cursor.bytes.count, isDigit(cursor.bytes[cursor.index]), cursor.bytes[cursor.index] != 0x30 else { return false }
                cursor.index += 1
                cursor.takeAny(isDigitOrUnderscore)
                return takeSexagesimal(&cursor)
            },
        ])
    }

    /// `[-+]?(([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|\.(inf|Inf|INF))|\.(nan|NaN|NAN)`
    static func isFloat(_ bytes: [UInt8]) -> Bool {
        if matchesWhole(bytes, from: 0, [{ $0.take(".") && $0.takeWord(["nan", "NaN", "NAN"]) }]) { return true }
        var sign = Cursor(bytes: bytes)
        sign.takeSign()
        func exponent(_ cursor: inout Cursor) -> Bool {
            guard cursor.take("e") || cursor.take("E") else { return false }
            cursor.takeSign()
            return cursor.takeSome(isDigit)
        }
        func leadingDigits(_ cursor: inout Cursor) -> Bool {
            guard cursor.index < cursor.bytes.count, isDigit(cursor.bytes[cursor.index]) else { return false }
            cursor.index += 1
            cursor.takeAny(isDigitOrUnderscore)
            return true
        }
        return matchesWhole(bytes, from: sign.index, [
            { cursor in
                _ = leadingDigits(&cursor)
                guard cursor.take(".") else { return false }
                cursor.takeAny(isDigitOrUnderscore)
                var probe = cursor
                if exponent(&probe) { cursor = probe }
                return true
            },
            { leadingDigits(&$0) && exponent(&$0) },
            { cursor in
                guard leadingDigits(&cursor), takeSexagesimal(&cursor), cursor.take(".") else { return false }
                cursor.takeAny(isDigitOrUnderscore)
                return true
            },
            { $0.take(".") && $0.takeWord(["inf", "Inf", "INF"]) },
        ])
    }

    /// `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?`
    static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits(_ least: Int, _ most: Int) -> Bool {
            var count = 0
            while index < bytes.count, count < most, isDigit(bytes[index]) {
                index += 1
                count += 1
            }
            return count >= least
        }
        func dash() -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return false }
            index += 1
            return true
        }
        guard digits(4, 4), dash(), digits(1, 2), dash(), digits(1, 2) else { return false }
        if index == bytes.count { return true }
        return bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") || bytes[index] == UInt8(ascii: " ")
    }
}
