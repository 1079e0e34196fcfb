internal import CYAML

/// Writes documents as YAML through libyaml's emitter, deterministically.
///
/// Unlimited line width (no folding), two-space indent, LF line breaks, `---` before every
/// document, block style throughout, sequences under a key not indented (as kubectl prints),
/// and every string that a reader would take for something else quoted.
///
/// libyaml's emitter fails only when it is misused (events out of order, which this type never
/// sends) or cannot allocate: it refuses no text, since a Swift string is always valid UTF-8.
/// Either failure is a bug or the process's end, so it stops the program with libyaml's words
/// (`preconditionFailure`), as Swift does when it cannot allocate, rather than reaching every
/// caller as an error no input can cause.
package enum YAMLEmitter {
    /// The YAML text of `documents`, one document each, as one stream.
    static func emit(_ documents: [YAMLValue]) -> String {
        emitSeparately(documents).joined()
    }

    /// The text of each of `documents` on its own, as `emit([document])` would give it, from a
    /// single emitter: the stream is flushed after every document and cut there.
    package static func emitSeparately(_ documents: [YAMLValue]) -> [String] {
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        defer { emitter.deallocate() }
        guard yaml_emitter_initialize(emitter) == 1 else {
            failed("could not allocate an emitter")
        }
        defer { yaml_emitter_delete(emitter) }
        let output = OutputBuffer()
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data, let buffer else { return 0 }
            let output = Unmanaged<OutputBuffer>.fromOpaque(data).takeUnretainedValue()
            output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)

        let session = EmitSession(emitter: emitter)
        var texts: [String] = []
        session.send { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        for document in documents {
            session.send { yaml_document_start_event_initialize(&$0, nil, nil, nil, 0) }
            session.emit(document)
            session.send { yaml_document_end_event_initialize(&$0, 1) }
            guard yaml_emitter_flush(emitter) == 1 else { session.failed() }
            texts.append(String(decoding: output.bytes, as: UTF8.self))
            output.bytes.removeAll(keepingCapacity: true)
        }
        session.send { yaml_stream_end_event_initialize(&$0) }
        guard yaml_emitter_flush(emitter) == 1 else { session.failed() }
        // The stream's end writes nothing after an implicitly ended document.
        guard output.bytes.isEmpty else {
            failed("unexpected text after the last document")
        }
        return withExtendedLifetime(output) { texts }
    }

    /// Stops the program: the emitter was misused or could not allocate (see the type's comment).
    static func failed(_ problem: String) -> Never {
        preconditionFailure("YAML emitter failed: \(problem)")
    }
}

/// Collects what libyaml writes; a class because libyaml holds a pointer to it.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}

/// Sends events to one emitter.
private struct EmitSession {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>

    func send(_ initialize: (inout yaml_event_t) -> Int32) {
        var event = yaml_event_t()
        guard initialize(&event) == 1 else {
            YAMLEmitter.failed("could not create an event")
        }
        // yaml_emitter_emit takes ownership of the event, also when it fails.
        guard yaml_emitter_emit(emitter, &event) == 1 else { failed() }
    }

    /// Stops the program with libyaml's own words for its failure.
    func failed() -> Never {
        YAMLEmitter.failed(emitter.pointee.problem.map { String(cString: $0) } ?? "unknown error")
    }

    func emit(_ value: YAMLValue) {
        switch value {
        case .string(let text, let style):
            scalar(text, style: style)
        case .integer(let number):
            scalar(String(number), style: .plain)
        case .boolean(let flag):
            scalar(flag ? "true" : "false", style: .plain)
        case .null:
            scalar("null", style: .plain)
        case .mapping(let entries):
            send { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
            for entry in entries {
                scalar(entry.key, style: .automatic)
                emit(entry.value)
            }
            send { yaml_mapping_end_event_initialize(&$0) }
        case .sequence(let items):
            send { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE) }
            for item in items {
                emit(item)
            }
            send { yaml_sequence_end_event_initialize(&$0) }
        }
    }

    /// Emits a scalar; `.automatic` strings go plain unless a reader would take them for
    /// something else, in which case they go in double quotes. libyaml itself still falls back
    /// to quotes where plain is not possible (leading `{`, `: ` inside, ...).
    private func scalar(_ text: String, style: YAMLScalarStyle) {
        let libyamlStyle: yaml_scalar_style_t
        switch style {
        case .automatic:
            libyamlStyle = YAMLResolver.needsQuotes(text) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE
        case .plain: libyamlStyle = YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: libyamlStyle = YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: libyamlStyle = YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: libyamlStyle = YAML_LITERAL_SCALAR_STYLE
        case .folded: libyamlStyle = YAML_FOLDED_SCALAR_STYLE
        }
        // libyaml copies the value; the string's own UTF-8 is lent, not copied.
        var text = text
        let count = Int32(text.utf8.count)
        var empty: UInt8 = 0
        text.withUTF8 { buffer in
            func initialize(_ start: UnsafeMutablePointer<UInt8>) {
                send { yaml_scalar_event_initialize(&$0, nil, nil, start, count, 1, 1, libyamlStyle) }
            }
            // libyaml insists on a pointer even for an empty value.
            if let base = buffer.baseAddress {
                initialize(UnsafeMutablePointer(mutating: base))
            } else {
                withUnsafeMutablePointer(to: &empty) { initialize($0) }
            }
        }
    }
}
