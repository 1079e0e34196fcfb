/// A parsed YAML node with the position where it starts.
///
/// Aliases never appear: the parser refuses them. Mapping keys are always scalars.
package struct YAMLNode: Sendable {
    /// What a node holds.
    enum Content: Sendable {
        /// A scalar with its text and how it was written.
        case scalar(YAMLScalar)
        /// A mapping, its pairs in source order, without duplicate keys.
        case mapping([YAMLPair])
        /// A sequence, its items in source order.
        case sequence([YAMLNode])
    }

    /// The node's content.
    var content: Content
    /// Where the node starts.
    package var mark: YAMLMark

    /// Creates a node.
    init(_ content: Content, at mark: YAMLMark) {
        self.content = content
        self.mark = mark
    }

    /// The scalar, when this node is one.
    package var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The pairs, when this node is a mapping.
    package var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items, when this node is a sequence.
    package var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }
}

/// A scalar's text and the style it was written in.
package struct YAMLScalar: Sendable, Equatable {
    /// The scalar's text after YAML unescaping and folding.
    package var value: String
    /// How the scalar was written.
    var style: YAMLScalarStyle

    /// Creates a scalar.
    init(_ value: String, style: YAMLScalarStyle) {
        self.value = value
        self.style = style
    }

    /// What a YAML reader takes a scalar for.
    package enum Resolution: Sendable, Equatable {
        /// Written plain: empty, `~` or `null`.
        case null
        /// Written plain: `true`, `false`, or YAML 1.1's `yes`, `on`, `Off` and friends.
        case boolean
        /// Written plain: `100`, `0x64`, `0o144`, `1_000`, `1:30`...
        case integer
        /// Written plain: `1.5`, `.inf`, `1e3`...
        case float
        /// Written plain and none of the above (a timestamp-like value included).
        case string
        /// Written in quotes or as a block (`|`, `>`): a string, whatever its text.
        case quoted
    }

    /// What a YAML reader takes the scalar for, by YAML 1.2's core schema and the YAML 1.1 forms
    /// readers still apply (`YAMLResolver`).
    package var resolution: Resolution {
        isPlain ? YAMLResolver.resolve(value) : .quoted
    }

    /// Whether the scalar was written without quotes or block indicators.
    var isPlain: Bool { style == .plain }

    /// Whether a plain scalar reads as YAML's null (empty, `~` or `null`).
    var isNull: Bool { isPlain && YAMLResolver.isNull(value) }
}

/// How a scalar was written in the source, or is to be written by the emitter.
package enum YAMLScalarStyle: Sendable, Equatable {
    /// Chosen by the emitter: plain where that reads back as the same string, else quoted.
    case automatic
    /// Without quotes.
    case plain
    /// In single quotes.
    case singleQuoted
    /// In double quotes.
    case doubleQuoted
    /// A `|` block.
    case literal
    /// A `>` block.
    case folded
}

/// One key and value of a mapping.
package struct YAMLPair: Sendable {
    /// The key's text.
    package var key: String
    /// Where the key starts.
    package var keyMark: YAMLMark
    /// How the key was written.
    var keyStyle: YAMLScalarStyle
    /// The value.
    package var value: YAMLNode

    /// Creates a pair.
    init(key: String, keyMark: YAMLMark, keyStyle: YAMLScalarStyle = .plain, value: YAMLNode) {
        self.key = key
        self.keyMark = keyMark
        self.keyStyle = keyStyle
        self.value = value
    }
}
