import MigNetYAML

extension SpecDecoder {
    /// A string value: any scalar that a YAML reader takes for a string. A plain `yes`, `100`
    /// or `null` is refused, since other tools would read it as something else.
    mutating func string(_ pair: YAMLPair) -> Located<String>? {
        string(pair.key, pair.value)
    }

    /// `node`, the value of `key` (or an item of its list), as a string value.
    mutating func string(_ key: String, _ node: YAMLNode) -> Located<String>? {
        guard let scalar = node.scalar, scalar.isString else {
            diagnostics.append(.expectedString(key, found: node.kindDescription, text: node.scalar?.value, at: location(node.mark)))
            return nil
        }
        return Located(scalar.value, at: location(node.mark))
    }

    /// A mapping whose values are all strings (annotations, labels); each other value is reported.
    mutating func stringMap(_ pair: YAMLPair) {
        guard let pairs = pair.value.pairs else {
            diagnostics.append(.expectedMapping(pair.key, found: pair.value.kindDescription, at: location(pair.value.mark)))
            return
        }
        for entry in pairs { _ = string(entry) }
    }

    /// A plain decimal integer: optional `-`, digits, no leading zeros, within 64 bits.
    mutating func integer(_ pair: YAMLPair) -> Located<Int>? {
        let node = pair.value
        // Resolved once: this runs for every integer field of every spec.
        guard let scalar = node.scalar, case let resolution = scalar.resolution, resolution != .null else {
            diagnostics.append(.expectedInteger(pair.key, found: node.kindDescription, text: nil, decimal: nil, at: location(node.mark)))
            return nil
        }
        let text = scalar.value
        if resolution != .quoted, Self.isDecimal(text) {
            guard let number = Int(text) else {
                diagnostics.append(.integerTooLarge(pair.key, text, at: location(node.mark)))
                return nil
            }
            return Located(number, at: location(node.mark))
        }
        let found = resolution == .quoted ? "a quoted string" : Self.numberForm(text, resolution)
        diagnostics.append(.expectedInteger(pair.key, found: found, text: text, decimal: Self.decimalEquivalent(text), at: location(node.mark)))
        return nil
    }

    /// `true` or `false`, plain; YAML 1.1's `yes`, `on`, `True` and friends are refused.
    mutating func boolean(_ pair: YAMLPair) -> Located<Bool>? {
        let node = pair.value
        if let scalar = node.scalar, scalar.resolution == .boolean, scalar.value == "true" || scalar.value == "false" {
            return Located(scalar.value == "true", at: location(node.mark))
        }
        diagnostics.append(.expectedBoolean(pair.key, text: node.scalar?.value, found: node.kindDescription, at: location(node.mark)))
        return nil
    }

    /// A Harvester release: any scalar but null, taken as written, so that a plain `1.10`
    /// (a YAML float) keeps its text; whether it names a release is `HarvesterVersionRule`'s.
    mutating func version(_ pair: YAMLPair) -> Located<String>? {
        let node = pair.value
        guard let scalar = node.scalar, scalar.resolution != .null else {
            diagnostics.append(.expectedString(pair.key, found: node.kindDescription, text: nil, at: location(node.mark)))
            return nil
        }
        return Located(scalar.value, at: location(node.mark))
    }

    /// A CIDR block (`range` fields).
    mutating func cidr(_ pair: YAMLPair) -> Located<IPv4CIDR>? {
        guard let text = string(pair) else { return nil }
        do {
            return Located(try AddressBlock.cidr(parsing: text.value), at: text.location)
        } catch {
            diagnostics.append(.addressSyntax(pair.key, text.value, error, expectingCIDR: true, release: release, at: text.location))
            return nil
        }
    }

    /// An address, CIDR or range (`exclude` and `reserved` entries).
    mutating func addressBlock(_ pair: YAMLPair) -> Located<AddressBlock>? {
        addressBlock(pair.key, pair.value)
    }

    /// `node`, the value of `key` or an item of its list, as an address block.
    mutating func addressBlock(_ key: String, _ node: YAMLNode) -> Located<AddressBlock>? {
        guard let text = string(key, node) else { return nil }
        do {
            return Located(try AddressBlock(parsing: text.value), at: text.location)
        } catch {
            diagnostics.append(error == .ipv6 && IPv4Mapped.ipv4(text.value) == nil ? .addressIPv6Unsupported : .addressInvalid, .error, file: text.location.file) {
                .addressSyntax(key, text.value, error, expectingCIDR: false, release: release, at: text.location)
            }
            return nil
        }
    }

    /// `0`, or an optional `-` then a digit 1-9 and more digits.
    static func isDecimal(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        guard let first = digits.first, first.isASCII, first.isNumber else { return false }
        if first == "0" && digits.count > 1 { return false }
        return digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// What a YAML reader makes of a plain scalar that is not a decimal integer: `text`, which
    /// resolves as `resolution`.
    static func numberForm(_ text: String, _ resolution: YAMLScalar.Resolution) -> String {
        let lower = text.lowercased()
        let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
        if unsigned.hasPrefix("0x") { return "a hexadecimal number" }
        if unsigned.hasPrefix("0o") || unsigned.hasPrefix("0b") { return "an octal or binary number" }
        if text.contains("_") { return "a number with underscores" }
        if unsigned.count > 1, unsigned.hasPrefix("0"), unsigned.allSatisfy(\.isNumber) { return "a number with a leading zero (octal in YAML 1.1)" }
        if lower.hasPrefix("+") { return "a number with a plus sign" }
        switch resolution {
        case .float: return "a floating-point number"
        case .boolean: return "a boolean"
        case .null: return "null"
        default: return "a string"
        }
    }

    /// The decimal integer a number-like text stands for, when it stands for one exactly.
    static func decimalEquivalent(_ text: String) -> String? {
        var body = Substring(text.filter { $0 != "_" })
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let lower = body.lowercased()
        var value: Int?
        if lower.hasPrefix("0x") {
            value = Int(lower.dropFirst(2), radix: 16)
        } else if lower.hasPrefix("0o") {
            value = Int(lower.dropFirst(2), radix: 8)
        } else if lower.hasPrefix("0b") {
            value = Int(lower.dropFirst(2), radix: 2)
        } else if let whole = Int(lower) {
            value = whole
        } else if let number = Double(lower), number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            value = Int(number)
        }
        return value.map { String(negative ? -$0 : $0) }
    }
}

extension YAMLScalar {
    /// Whether every YAML reader takes the scalar for a string: quoted, or plain and not null,
    /// a boolean or a number.
    var isString: Bool {
        switch resolution {
        case .string, .quoted: true
        case .null, .boolean, .integer, .float: false
        }
    }
}
