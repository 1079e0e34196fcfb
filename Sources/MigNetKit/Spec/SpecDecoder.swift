import MigNetYAML

/// Turns a parsed YAML tree into a `MigrationNetworkSpec`, reporting every shape and type
/// problem with its position: unknown keys (with a did-you-mean), missing keys, wrong types.
struct SpecDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func location(_ mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// Decodes the document root; nil when the file is not a `mignet/v1` MigrationNetwork.
    mutating func decode(_ root: YAMLNode?) -> MigrationNetworkSpec? {
        guard let root else {
            diagnostics.append(.emptySpec(at: location(.start)))
            return nil
        }
        guard let top = mapping(root, keys: SpecSchema.topLevel, named: "the top level") else { return nil }
        let start = location(root.mark)
        guard identity(top, at: start) else { return nil }

        var metadataName: Located<String>?
        if let metadataPair = require("metadata", in: top, of: "the top level", at: start),
           let metadata = mapping(metadataPair.value, keys: SpecSchema.metadata, named: "metadata"),
           let namePair = require("name", in: metadata, of: "metadata", at: location(metadataPair.keyMark)) {
            metadataName = string(namePair)
        }
        guard let specPair = require("spec", in: top, of: "the top level", at: start) else { return nil }
        var spec = MigrationNetworkSpec(file: file, specLocation: location(specPair.keyMark))
        spec.name = metadataName
        guard let fields = mapping(specPair.value, keys: SpecSchema.spec, named: "spec") else { return spec }

        if let pair = fields["enabled"] { spec.enabled = boolean(pair) }
        if !spec.isEnabled {
            for key in SpecSchema.spec where key != "enabled" {
                if let pair = fields[key] { diagnostics.append(.ignoredWhenDisabled(key, at: location(pair.keyMark))) }
            }
            return spec
        }
        for key in SpecSchema.requiredWhenEnabled where fields[key] == nil {
            diagnostics.append(.missingKey(key, in: "spec", at: spec.specLocation))
        }
        spec.clusterNetwork = fields["clusterNetwork"].flatMap { string($0) }
        spec.vlan = fields["vlan"].flatMap { integer($0) }
        spec.range = fields["range"].flatMap { cidr($0) }
        spec.exclude = fields["exclude"].map { blocks($0) } ?? []
        spec.mtu = fields["mtu"].flatMap { integer($0) }
        spec.nodes = fields["nodes"].flatMap { integer($0) }
        spec.plannedNodes = fields["plannedNodes"].flatMap { integer($0) }
        spec.reserved = fields["reserved"].map { blocks($0) } ?? []
        if let pair = fields["storageNetwork"],
           let storage = mapping(pair.value, keys: SpecSchema.storageNetwork, named: "storageNetwork") {
            let range = require("range", in: storage, of: "storageNetwork", at: location(pair.keyMark)).flatMap { cidr($0) }
            spec.storageNetwork = StorageNetworkSpec(range: range, exclude: storage["exclude"].map { blocks($0) } ?? [])
        }
        return spec
    }

    /// Checks `apiVersion` and `kind`; false when either is missing or not this format.
    private mutating func identity(_ top: [String: YAMLPair], at start: SourceLocation) -> Bool {
        let apiVersion = require("apiVersion", in: top, of: "the top level", at: start).flatMap { string($0) }
        let kind = require("kind", in: top, of: "the top level", at: start).flatMap { string($0) }
        var known = apiVersion != nil && kind != nil
        if let apiVersion, apiVersion.value != MigrationNetworkSpec.apiVersion {
            diagnostics.append(.unsupportedAPIVersion(apiVersion.value, at: apiVersion.location))
            known = false
        }
        if let kind, kind.value != MigrationNetworkSpec.kind {
            diagnostics.append(.unsupportedKind(kind.value, at: kind.location))
            known = false
        }
        return known
    }

    /// The pairs of a mapping node by key, after reporting every key not in `keys`.
    private mutating func mapping(_ node: YAMLNode, keys: [String], named name: String) -> [String: YAMLPair]? {
        guard let pairs = node.pairs else {
            diagnostics.append(.expectedMapping(name, found: node.kindDescription, at: location(node.mark)))
            return nil
        }
        var fields: [String: YAMLPair] = [:]
        for pair in pairs {
            if keys.contains(pair.key) {
                fields[pair.key] = pair
            } else {
                diagnostics.append(.unknownKey(pair.key, in: name, known: keys, at: location(pair.keyMark)))
            }
        }
        return fields
    }

    private mutating func require(_ key: String, in fields: [String: YAMLPair], of name: String, at location: SourceLocation) -> YAMLPair? {
        guard let pair = fields[key] else {
            diagnostics.append(.missingKey(key, in: name, at: location))
            return nil
        }
        return pair
    }

    /// The items of a sequence of address blocks, each parsed; bad items are reported and left out.
    private mutating func blocks(_ pair: YAMLPair) -> [Located<AddressBlock>] {
        guard let items = pair.value.items else {
            diagnostics.append(.expectedSequence(pair.key, found: pair.value.kindDescription, at: location(pair.value.mark)))
            return []
        }
        return items.compactMap { item in
            addressBlock(YAMLPair(key: pair.key, keyMark: pair.keyMark, value: item))
        }
    }
}
