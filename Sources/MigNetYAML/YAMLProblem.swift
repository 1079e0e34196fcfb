/// Something wrong with YAML input, found while parsing, with where it was found.
///
/// The parser collects the problems it can continue past (duplicate keys, anchors, tags,
/// non-scalar keys) and stops at the first it cannot.
package struct YAMLProblem: Sendable, Equatable {
    /// What went wrong.
    package enum Kind: Sendable, Equatable {
        /// libyaml's scanner or parser refused the text: its problem and, when it has one,
        /// the context it was reading and where that context started.
        case syntax(problem: String, context: String?, contextMark: YAMLMark?)
        /// The bytes are not valid UTF-8 (or another encoding libyaml reads).
        case encoding(problem: String)
        /// An anchor (`&name`) was defined.
        case anchor(name: String)
        /// An alias (`*name`) was used.
        case alias(name: String)
        /// An explicit tag (`!!str`, `!custom`) was used.
        case tag(name: String)
        /// A key appears twice in one mapping; `first` is where it was first written.
        case duplicateKey(key: String, first: YAMLMark)
        /// A key is a mapping or a sequence.
        case nonScalarKey
        /// The stream holds more than one document.
        case multipleDocuments
        /// Collections are nested deeper than the limit.
        case tooDeep(limit: Int)
    }

    /// What went wrong.
    package var kind: Kind
    /// Where it went wrong.
    package var mark: YAMLMark

    /// Creates a problem.
    init(_ kind: Kind, at mark: YAMLMark) {
        self.kind = kind
        self.mark = mark
    }

    /// Whether parsing stopped at this problem.
    package var isFatal: Bool {
        switch kind {
        case .syntax, .encoding, .alias, .multipleDocuments, .tooDeep: return true
        case .anchor, .tag, .duplicateKey, .nonScalarKey: return false
        }
    }
}
