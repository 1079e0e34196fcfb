/// The JSON Schema (draft 2020-12) of the spec format, generated from `SpecSchema`'s tables.
///
/// It checks what a schema can: keys, types, patterns and bounds. Rules between fields (the
/// range and its exclusions, capacity, overlaps) are `mignet validate`'s.
extension SpecSchema {
    static let octet = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
    static let address = "\(octet)(\\.\(octet)){3}"
    static let prefix = "/(3[0-2]|[12]?[0-9])"

    /// The schema as a JSON value.
    /// The JSON Schema as the file `mignet schema` prints and `init` writes.
    package static var jsonSchemaText: String { jsonSchema.pretty }

    static var jsonSchema: JSONValue {
        let optionalWhenDefaults = JSONValue.object([JSONMember("required", .array([.string("defaults")]))])
        let disabled = JSONValue.object([
            JSONMember("required", .array([.string("spec")])),
            JSONMember("properties", .object([JSONMember("spec", .object([
                JSONMember("required", .array([.string("enabled")])),
                JSONMember("properties", .object([JSONMember("enabled", .object([JSONMember("const", .boolean(false))]))])),
            ]))])),
        ])
        var root = schema(forObject: topLevelFields)
        root.insert(contentsOf: [
            JSONMember("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            JSONMember("title", .string("mignet \(MigrationNetworkSpec.kind) spec (\(MigrationNetworkSpec.apiVersion))")),
            JSONMember("description", .string("One Harvester cluster's VM migration network, as mignet compiles it into the vm-migration-network Setting, its NetworkAttachmentDefinition and the KubeVirt patch.")),
        ], at: 0)
        root.append(JSONMember("allOf", .array([.object([
            JSONMember("if", .object([JSONMember("not", .object([JSONMember("anyOf", .array([optionalWhenDefaults, disabled]))]))])),
            JSONMember("then", .object([JSONMember("properties", .object([JSONMember("spec", .object([
                JSONMember("required", .array(requiredWhenEnabled.map { .string($0) })),
            ]))]))])),
        ])])))
        return .object(root)
    }

    /// The members of an object schema: type, closed properties, always-required keys.
    static func schema(forObject fields: [SpecField]) -> [JSONMember] {
        let required = fields.filter { if case .always = $0.requirement { return true } else { return false } }.map { JSONValue.string($0.name) }
        var members = [
            JSONMember("type", .string("object")),
            JSONMember("additionalProperties", .boolean(false)),
        ]
        if !required.isEmpty { members.append(JSONMember("required", .array(required))) }
        members.append(JSONMember("properties", .object(fields.map { JSONMember($0.name, schema(for: $0)) })))
        return members
    }

    static func schema(for field: SpecField) -> JSONValue {
        var members = [JSONMember("description", .string(field.description))]
        switch field.kind {
        case .constant(let value):
            members.append(JSONMember("const", .string(value)))
        case .string(let dnsLabel, let maximumLength):
            members.append(JSONMember("type", .string("string")))
            if dnsLabel { members.append(JSONMember("pattern", .string("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"))) }
            if let maximumLength { members.append(JSONMember("maxLength", .integer(maximumLength))) }
        case .integer(let range):
            members.append(JSONMember("type", .string("integer")))
            members.append(JSONMember("minimum", .integer(range.lowerBound)))
            if range.upperBound != Int.max { members.append(JSONMember("maximum", .integer(range.upperBound))) }
        case .boolean:
            members.append(JSONMember("type", .string("boolean")))
        case .cidr:
            members.append(JSONMember("type", .string("string")))
            members.append(JSONMember("pattern", .string("^\(address)\(prefix)$")))
        case .release:
            members.append(JSONMember("type", .array([.string("string"), .string("number")])))
            members.append(JSONMember("pattern", .string("^v?[0-9]+\\.[0-9]+(\\.[0-9]+([-+].+)?)?$")))
        case .addressBlocks:
            members.append(JSONMember("type", .string("array")))
            members.append(JSONMember("items", .object([
                JSONMember("type", .string("string")),
                JSONMember("pattern", .string("^\(address)(\(prefix)|-\(address))?$")),
            ])))
        case .object(let fields):
            members += schema(forObject: fields)
        case .stringMap:
            members.append(JSONMember("type", .string("object")))
            members.append(JSONMember("additionalProperties", .object([JSONMember("type", .string("string"))])))
        }
        return .object(members)
    }
}
