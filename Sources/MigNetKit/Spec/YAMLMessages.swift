import MigNetYAML

/// The catalogue of diagnostics about the file itself and its YAML.
extension Diagnostic {
    /// The file could not be read.
    static func fileUnreadable(_ reason: String, file: String) -> Diagnostic {
        Diagnostic(.error, .fileUnreadable, "cannot read the file: \(reason)", at: SourceLocation(file: file, line: 1, column: 1))
    }

    /// The diagnostic for a spec file that cannot be read, at its first line.
    package static func unreadable(_ error: SourceLoadError, file: String) -> Diagnostic {
        switch error {
        case .unreadable(let reason): return .fileUnreadable(reason, file: file)
        case .tooLarge(let size, let kind): return .inputTooLarge(size: size, kind: kind, file: file)
        case .outsideRoot(let root): return .fileUnreadable("it lies outside the spec repository \(root)", file: file)
        }
    }

    /// A file or folder argument under which no spec was found.
    package static func noSpecFound(in argument: String) -> Diagnostic {
        Diagnostic(.error, .noSpecFound, "no spec found here: no *.yaml or *.yml file declares kind: \(MigrationNetworkSpec.kind); expected a spec file or a folder holding specs", at: SourceLocation(file: argument, line: 1, column: 1))
    }

    /// A YAML file in a searched folder whose `kind` is nearly `MigrationNetwork`.
    static func kindNearMiss(_ kind: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .kindNearMiss, "kind '\(kind)' is not \(MigrationNetworkSpec.kind), so this file was not read as a spec; if it is one, write kind: \(MigrationNetworkSpec.kind)", at: location, fixIt: MigrationNetworkSpec.kind)
    }

    /// A `*.yaml` symbolic link in a searched folder, which mignet does not follow.
    package static func symbolicLinkSkipped(file: String) -> Diagnostic {
        Diagnostic(.warning, .symlinkSkipped, "this symbolic link was not followed, so if it leads to a spec, that spec was not read; name the file it leads to instead", at: SourceLocation(file: file, line: 1, column: 1))
    }

    /// The file is larger than its kind allows: `size` bytes, or (nil) more than it could tell,
    /// as for standard input, which is read only up to one byte past the limit.
    static func inputTooLarge(size: Int?, kind: SourceFile.Kind = .spec, file: String) -> Diagnostic {
        let what = size.map { "\($0) bytes" } ?? "more than \(kind.maximumSize >> 20) MiB"
        return Diagnostic(.error, .inputTooLarge, "the file is \(what); \(kind.description) may be at most \(kind.maximumSize) bytes", at: SourceLocation(file: file, line: 1, column: 1))
    }

    /// The code of the diagnostic for a YAML problem, known without building it.
    static func yamlCode(_ problem: YAMLProblem) -> DiagnosticCode {
        switch problem.kind {
        case .syntax: return .yamlSyntax
        case .encoding: return .yamlEncoding
        case .anchor: return .yamlAnchor
        case .alias: return .yamlAlias
        case .tag: return .yamlTag
        case .duplicateKey: return .yamlDuplicateKey
        case .nonScalarKey: return .yamlNonScalarKey
        case .multipleDocuments: return .yamlMultipleDocuments
        case .tooDeep: return .yamlTooDeep
        }
    }

    /// The diagnostic for a problem libyaml or the parser found.
    static func yaml(_ problem: YAMLProblem, file: String) -> Diagnostic {
        let at = SourceLocation(file: file, line: problem.mark.line, column: problem.mark.column)
        switch problem.kind {
        case .syntax(let text, let context, let contextMark):
            var notes: [Note] = []
            if let context {
                notes.append(Note(context, at: contextMark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }))
            }
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(text)", at: at, notes: notes)
        case .encoding(let text):
            return Diagnostic(.error, .yamlEncoding, "the file is not valid UTF-8 text: \(text)", at: at)
        case .anchor(let name):
            return Diagnostic(.error, .yamlAnchor, "anchor '&\(name)' is not allowed; write the value out in full", at: at)
        case .alias(let name):
            return Diagnostic(.error, .yamlAlias, "alias '*\(name)' is not allowed; write the value out in full", at: at)
        case .tag(let name):
            let shown = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
            return Diagnostic(.error, .yamlTag, "tag '\(shown)' is not allowed; remove it and write the value plainly", at: at)
        case .duplicateKey(let key, let first):
            return Diagnostic(.error, .yamlDuplicateKey, "key '\(key)' is written twice in the same mapping; keep one", at: at,
                              notes: [Note("first written here", at: SourceLocation(file: file, line: first.line, column: first.column))])
        case .nonScalarKey:
            return Diagnostic(.error, .yamlNonScalarKey, "a key must be a string, not a mapping or a sequence", at: at)
        case .multipleDocuments:
            return Diagnostic(.error, .yamlMultipleDocuments, "a second YAML document starts here; a spec file holds exactly one", at: at)
        case .tooDeep(let limit):
            return Diagnostic(.error, .yamlTooDeep, "the YAML is nested more than \(limit) levels deep; a spec needs at most 4", at: at)
        }
    }
}

/// The catalogue of diagnostics about the Kubernetes objects `import` and `verify` read.
extension Diagnostic {
    static func notKubernetesObjects(file: String, at mark: YAMLMark?) -> Diagnostic {
        Diagnostic(.error, .notKubernetesObjects, "the file holds no Kubernetes object; expected the output of kubectl get ... -o yaml or -o json",
                   at: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1))
    }

    static func objectMissing(_ what: String, file: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, .objectMissing, "no \(what) in the file; expected the output of the kubectl command that prints it", at: location ?? SourceLocation(file: file, line: 1, column: 1))
    }

    static func valueUnreadable(_ reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .valueUnreadable, "the setting's value cannot be read as Harvester reads it: \(reason); expected a JSON object such as {\"clusterNetwork\":\"migration\",\"vlan\":100,\"range\":\"10.1.2.0/24\",\"exclude\":[]}", at: location)
    }
}

extension YAMLNode {
    /// A short noun for what a YAML reader takes the node for, as the `expected-*` messages say
    /// what was found: "a mapping", "a sequence", "a quoted string", "an integer"...
    var kindDescription: String {
        if pairs != nil { return "a mapping" }
        if items != nil { return "a sequence" }
        switch scalar?.resolution ?? .quoted {
        case .null: return "null"
        case .boolean: return "a boolean"
        case .integer: return "an integer"
        case .float: return "a number"
        case .string: return "a string"
        case .quoted: return "a quoted string"
        }
    }
}
