import MigNetYAML

/// `mignet.yaml` at a repository's top (format `mignet/v1`, kind `Repository`): the setup every
/// command shares, so that none has to be told it again and none contradicts another: the spec
/// folders, the output folder, the delivery profile and the oldest mignet the repository needs.
/// `mignet init` writes it; commands find it by walking up from the working folder.
package struct RepositoryFile: Sendable {
    /// The file's name.
    package static let fileName = "mignet.yaml"
    /// Its kind.
    static let kind = "Repository"
    /// The keys of the file.
    static let keys = ["apiVersion", "kind", "delivery", "specs", "output", "minimumVersion", "contexts"]
    /// The values `delivery` takes: a delivery profile, or the Argo CD plugin mode (no output).
    static let deliveries = Delivery.allCases.map(\.rawValue) + ["argocd-plugin"]

    /// The spec folders, relative to the file's folder.
    package var specs: [String]
    /// The output folder, relative to the file's folder; nil in the plugin mode.
    package var output: String?
    /// The delivery profile; nil in the Argo CD plugin mode (rendered at sync time).
    package var delivery: Delivery?
    /// The oldest mignet version the repository needs (`0.1.0`), when it names one.
    var minimumVersion: String?
    /// Where `delivery` is written (`mignet.yaml:5:11`), for messages that cite it.
    package var deliveryLocation: String
    /// The kubectl context of each cluster that live mode reads through another context than the
    /// one named after it, by cluster name.
    package var contexts: [String: String] = [:]

    /// Reads the file: the setup, or the located diagnostics of what is wrong with it.
    package static func read(_ source: SourceFile) -> Result<RepositoryFile, Diagnosed> {
        let parsed = YAMLDocument(parsing: source.bytes)
        if let problem = parsed.problems.first(where: \.isFatal) { return .failure(Diagnosed(diagnostics: [.yaml(problem, file: source.path)])) }
        var decoder = SpecDecoder(file: source.path)
        let file = decoder.decodeRepository(parsed.root)
        let found = decoder.diagnostics.kept
        guard !found.hasErrors, let file else { return .failure(Diagnosed(diagnostics: found.isEmpty ? [.emptySpec(at: decoder.start)] : found.sortedByLocation())) }
        return .success(file)
    }
}

extension SpecDecoder {
    /// Decodes a repository file's root; nil when something required is missing or wrong.
    mutating func decodeRepository(_ root: YAMLNode?) -> RepositoryFile? {
        guard let root else {
            diagnostics.append(.emptySpec(at: start))
            return nil
        }
        let start = location(root.mark)
        guard let top = mapping(root, keys: RepositoryFile.keys, named: "the top level"),
              identity(top, kind: RepositoryFile.kind, at: start),
              let deliveryPair = require("delivery", in: top, of: "the top level", at: start),
              let delivery = string(deliveryPair) else { return nil }
        guard RepositoryFile.deliveries.contains(delivery.value) else {
            diagnostics.append(Diagnostic(.error, .repositoryFileInvalid, "delivery '\(delivery.value)' is not a delivery profile; expected one of \(RepositoryFile.deliveries.joined(separator: ", "))", at: delivery.location))
            return nil
        }
        let profile = Delivery(rawValue: delivery.value)
        var specs = ["clusters"]
        if let pair = top["specs"] {
            guard let items = pair.value.items, !items.isEmpty else {
                diagnostics.append(.expectedSequence("specs", found: pair.value.kindDescription, at: location(pair.value.mark)))
                return nil
            }
            specs = items.compactMap { string("specs", $0)?.value }
            guard specs.count == items.count else { return nil }
        }
        var output: String? = profile == nil ? nil : "rendered"
        if let pair = top["output"] {
            guard profile != nil else {
                diagnostics.append(Diagnostic(.error, .repositoryFileInvalid, "output has no place with delivery 'argocd-plugin', which renders at sync time; remove it", at: location(pair.keyMark)))
                return nil
            }
            guard let folder = string(pair) else { return nil }
            output = folder.value
        }
        let minimum = top["minimumVersion"].flatMap { string($0) }
        if let minimum, !RepositoryFile.isVersion(minimum.value) {
            diagnostics.append(Diagnostic(.error, .repositoryFileInvalid, "minimumVersion '\(minimum.value)' is not a version such as 0.1.0", at: minimum.location))
            return nil
        }
        var contexts: [String: String] = [:]
        if let pair = top["contexts"] {
            guard let pairs = pair.value.pairs else {
                diagnostics.append(.expectedMapping("contexts", found: pair.value.kindDescription, at: location(pair.value.mark)))
                return nil
            }
            for entry in pairs {
                guard let context = string(entry) else { return nil }
                guard !context.value.isEmpty else {
                    diagnostics.append(Diagnostic(.error, .repositoryFileInvalid, "the context of cluster '\(entry.key)' is empty; give the kubectl context to read it through", at: context.location))
                    return nil
                }
                contexts[entry.key] = context.value
            }
        }
        return RepositoryFile(specs: specs, output: output, delivery: profile, minimumVersion: minimum?.value, deliveryLocation: delivery.location.description, contexts: contexts)
    }
}

extension RepositoryFile {
    /// Whether `text` is a version of numbers and dots (`0.1.0`).
    package static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isNumber) }
    }

    /// Why mignet `version` may not read this repository (`needs mignet 0.2.0 or later, and this
    /// is mignet 0.1.0`), nil when it is not older than the file's `minimumVersion`.
    package func refusal(running version: String) -> String? {
        needsNewer(than: version) ? "needs mignet \(minimumVersion ?? "") or later, and this is mignet \(version)" : nil
    }

    /// Whether mignet `version` is older than the file's `minimumVersion`.
    func needsNewer(than version: String) -> Bool {
        guard let minimumVersion else { return false }
        let need = minimumVersion.split(separator: ".").map { Int($0) ?? 0 }
        let have = version.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
        for index in 0..<3 {
            let (a, b) = (index < have.count ? have[index] : 0, index < need.count ? need[index] : 0)
            if a != b { return a < b }
        }
        return false
    }
}

extension RepositoryFile {
    /// The JSON Schema (draft 2020-12) of the file, from the keys and values the decoder reads.
    /// The JSON Schema as the file `mignet schema --repository` prints.
    package static var jsonSchemaText: String { jsonSchema.pretty }

    static var jsonSchema: JSONValue {
        let string = JSONValue.object([JSONMember("type", .string("string")), JSONMember("minLength", .integer(1))])
        let plugin = JSONValue.object([
            JSONMember("properties", .object([JSONMember("delivery", .object([JSONMember("const", .string("argocd-plugin"))]))])),
            JSONMember("required", .array([.string("delivery")])),
        ])
        return .object([
            JSONMember("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            JSONMember("title", .string("mignet \(kind) file (\(MigrationNetworkSpec.apiVersion))")),
            JSONMember("description", .string("A repository's mignet setup, at its top as \(fileName): what every mignet command there takes when it is not told otherwise.")),
            JSONMember("type", .string("object")),
            JSONMember("additionalProperties", .boolean(false)),
            JSONMember("required", .array([.string("apiVersion"), .string("kind"), .string("delivery")])),
            JSONMember("properties", .object([
                JSONMember("apiVersion", .object([JSONMember("const", .string(MigrationNetworkSpec.apiVersion))])),
                JSONMember("kind", .object([JSONMember("const", .string(kind))])),
                JSONMember("delivery", .object([
                    JSONMember("enum", .array(deliveries.map { .string($0) })),
                    JSONMember("description", .string("The delivery profile of the output folder, or argocd-plugin to render at sync time (no output folder).")),
                ])),
                JSONMember("specs", .object([
                    JSONMember("type", .string("array")), JSONMember("minItems", .integer(1)), JSONMember("items", string),
                    JSONMember("description", .string("The spec folders, from the file's folder (default: [clusters]).")),
                ])),
                JSONMember("output", .object([
                    JSONMember("type", .string("string")), JSONMember("minLength", .integer(1)),
                    JSONMember("description", .string("The output folder, from the file's folder (default: rendered; none with argocd-plugin).")),
                ])),
                JSONMember("minimumVersion", .object([
                    JSONMember("type", .string("string")), JSONMember("pattern", .string("^[0-9]{1,6}(\\.[0-9]{1,6}){0,2}$")),
                    JSONMember("description", .string("The oldest mignet the repository needs; an older one stops with a message.")),
                ])),
                JSONMember("contexts", .object([
                    JSONMember("type", .string("object")), JSONMember("additionalProperties", string),
                    JSONMember("description", .string("The kubectl context of each cluster, by cluster name, where it is not named after the cluster (live mode over several clusters).")),
                ])),
            ])),
            JSONMember("if", plugin),
            JSONMember("then", .object([JSONMember("not", .object([JSONMember("required", .array([.string("output")]))]))])),
        ])
    }
}
