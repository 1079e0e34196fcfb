/// A value to emit as YAML: what manifests are built from.
///
/// Mappings keep their entries in the order given; nothing is sorted here, so the caller
/// decides every byte of the order.
package enum YAMLValue: Sendable, Equatable {
    /// A string, written plain when that reads back as the same string, else in the style given
    /// (`.automatic`: double quotes, as kubectl prints them).
    case string(String, YAMLScalarStyle = .automatic)
    /// A decimal integer.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`.
    case null
    /// A mapping with entries in order.
    case mapping([YAMLEntry])
    /// A sequence.
    case sequence([YAMLValue])
}

/// One key and value of a mapping to emit.
package struct YAMLEntry: Sendable, Equatable {
    /// The key.
    var key: String
    /// The value.
    var value: YAMLValue

    /// Creates an entry.
    package init(_ key: String, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }
}

extension YAMLNode {
    /// The node as a value to emit again: scalars keep their text and style (so a plain `80`
    /// stays a number and a quoted `"80"` a string), mappings their order.
    package var value: YAMLValue {
        switch content {
        case .scalar(let scalar): .string(scalar.value, scalar.style)
        case .mapping(let pairs): .mapping(pairs.map { YAMLEntry($0.key, $0.value.value) })
        case .sequence(let items): .sequence(items.map(\.value))
        }
    }
}
