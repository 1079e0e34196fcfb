internal import CYAML

/// One YAML document as parsed: its root node and every problem found on the way, read as
/// strictly as `YAMLParser` says.
package struct YAMLDocument: Sendable {
    /// The root node of the single document, if there is one and parsing finished: nil for an
    /// empty stream or after a fatal problem.
    package var root: YAMLNode?
    /// Every problem found, in the order found.
    package var problems: [YAMLProblem]

    /// Creates a document.
    init(root: YAMLNode?, problems: [YAMLProblem]) {
        self.root = root
        self.problems = problems
    }

    /// Parses `bytes` (UTF-8, UTF-16 with a byte-order mark, or UTF-8 with one), with
    /// mappings and sequences nested at most `maximumDepth` deep.
    package init(parsing bytes: [UInt8], maximumDepth: Int = 64) {
        self = YAMLParser(maximumDepth: maximumDepth).parse(bytes)
    }
}

/// Parses YAML text into position-carrying nodes with libyaml's event API (see `YAMLDocument`).
///
/// Stricter than YAML: aliases end the parse (they are never expanded, which closes the
/// billion-laughs door), anchors, tags, duplicate keys and non-scalar keys are reported,
/// a stream may hold at most one document, and nesting is capped. The tree is built with
/// an explicit stack, so hostile nesting cannot overflow the call stack.
struct YAMLParser: Sendable {
    /// The deepest nesting of mappings and sequences accepted.
    var maximumDepth: Int

    /// Creates a parser.
    init(maximumDepth: Int = 64) {
        self.maximumDepth = maximumDepth
    }

    /// Parses `bytes` (UTF-8, UTF-16 with a byte-order mark, or UTF-8 with one).
    func parse(_ bytes: [UInt8]) -> YAMLDocument {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return YAMLDocument(root: nil, problems: [YAMLProblem(.syntax(problem: "libyaml could not allocate a parser", context: nil, contextMark: nil), at: .start)])
        }
        defer { yaml_parser_delete(parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var builder = TreeBuilder(maximumDepth: maximumDepth)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    builder.problems.append(Self.problem(of: parser.pointee, in: bytes))
                    return YAMLDocument(root: nil, problems: builder.problems)
                }
                let done = builder.consume(event)
                yaml_event_delete(&event)
                if done {
                    let fatal = builder.problems.contains(where: \.isFatal)
                    return YAMLDocument(root: fatal ? nil : builder.root, problems: builder.problems)
                }
            }
        }
    }

    /// Converts libyaml's error state into a located problem.
    private static func problem(of parser: yaml_parser_t, in bytes: [UInt8]) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            let mark = Self.mark(ofByteOffset: parser.problem_offset, in: bytes)
            return YAMLProblem(.encoding(problem: problem), at: mark)
        }
        let context = parser.context.map { String(cString: $0) }
        let contextMark = context == nil ? nil : YAMLMark(parser.context_mark)
        return YAMLProblem(.syntax(problem: problem, context: context, contextMark: contextMark), at: YAMLMark(parser.problem_mark))
    }

    /// The line and column of a byte offset, counting UTF-8 lead bytes as columns. An offset
    /// inside an unfinished multi-byte sequence (libyaml points at the bad trailing byte) is
    /// reported at the character that sequence starts.
    static func mark(ofByteOffset offset: Int, in bytes: [UInt8]) -> YAMLMark {
        var line = 1
        var column = 1
        var sequenceStart: (index: Int, length: Int)?
        for (index, byte) in bytes.prefix(offset).enumerated() {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
                sequenceStart = nil
            } else if byte & 0xC0 != 0x80 {
                column += 1
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                sequenceStart = (index, length)
            }
        }
        if let start = sequenceStart, offset - start.index < start.length, offset < bytes.count {
            column -= 1
        }
        return YAMLMark(line: line, column: column)
    }
}

extension YAMLMark {
    /// Converts libyaml's 0-based mark; the only place that does.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

/// Builds the node tree from parser events, one event at a time. Open collections are
/// frames on an explicit stack, mutated in place so that appending stays O(1).
private struct TreeBuilder {
    struct Frame {
        var isMapping: Bool
        var mark: YAMLMark
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        /// A mapping's key waiting for its value.
        var key: YAMLNode?
        /// A mapping's next value belongs to a refused (non-scalar) key.
        var skipValue = false
        var seen: [String: YAMLMark] = [:]
    }

    let maximumDepth: Int
    var stack: [Frame] = []
    var root: YAMLNode?
    var problems: [YAMLProblem] = []
    var documents = 0

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    /// Takes one event; returns true when parsing is over (stream end or a fatal problem).
    mutating func consume(_ event: yaml_event_t) -> Bool {
        let mark = YAMLMark(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                problems.append(YAMLProblem(.multipleDocuments, at: mark))
                return true
            }
        case YAML_ALIAS_EVENT:
            problems.append(YAMLProblem(.alias(name: Self.string(event.data.alias.anchor)), at: mark))
            return true
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            noteAnchorAndTag(anchor: scalar.anchor, tag: scalar.tag, at: mark)
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            attach(YAMLNode(.scalar(YAMLScalar(value, style: Self.style(scalar.style))), at: mark))
        case YAML_SEQUENCE_START_EVENT:
            noteAnchorAndTag(anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag, at: mark)
            return push(Frame(isMapping: false, mark: mark), at: mark)
        case YAML_MAPPING_START_EVENT:
            noteAnchorAndTag(anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag, at: mark)
            return push(Frame(isMapping: true, mark: mark), at: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            attach(YAMLNode(frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), at: frame.mark))
        case YAML_STREAM_END_EVENT:
            return true
        default:
            break
        }
        return false
    }

    private mutating func push(_ frame: Frame, at mark: YAMLMark) -> Bool {
        if stack.count >= maximumDepth {
            problems.append(YAMLProblem(.tooDeep(limit: maximumDepth), at: mark))
            return true
        }
        stack.append(frame)
        return false
    }

    private mutating func noteAnchorAndTag(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at mark: YAMLMark) {
        if let anchor {
            problems.append(YAMLProblem(.anchor(name: Self.string(anchor)), at: mark))
        }
        if let tag {
            problems.append(YAMLProblem(.tag(name: Self.string(tag)), at: mark))
        }
    }

    /// Hands a finished node to its parent, or makes it the root.
    private mutating func attach(_ node: YAMLNode) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].key, let keyScalar = key.scalar {
            if let first = stack[top].seen[keyScalar.value] {
                problems.append(YAMLProblem(.duplicateKey(key: keyScalar.value, first: first), at: key.mark))
            } else {
                stack[top].seen[keyScalar.value] = key.mark
                stack[top].pairs.append(YAMLPair(key: keyScalar.value, keyMark: key.mark, keyStyle: keyScalar.style, value: node))
            }
            stack[top].key = nil
        } else if stack[top].skipValue {
            stack[top].skipValue = false
        } else if node.scalar != nil {
            stack[top].key = node
        } else {
            problems.append(YAMLProblem(.nonScalarKey, at: node.mark))
            stack[top].skipValue = true
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
