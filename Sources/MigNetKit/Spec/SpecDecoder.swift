import MigNetYAML

/// Turns a parsed YAML tree into a `MigrationNetworkSpec`, reporting every shape and type
/// problem with its position: unknown keys (with a did-you-mean), missing keys, wrong types.
/// Values that come from a defaults file are reported at their place in that file.
struct SpecDecoder {
    /// The file whose nodes are being decoded: the spec's, or its defaults file's while a
    /// default value is decoded.
    var file: String
    var diagnostics = DiagnosticCollector()
    /// The Harvester release the spec names, once decoded: messages that differ by release use it.
    var release: HarvesterRelease?

    init(file: String) {
        self.file = file
    }

    func location(_ mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// The file's first line and column, where a file with no document is reported.
    var start: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    /// The `defaults` reference of a parsed spec, if it has one that is a string, read before
    /// decoding so that the defaults file can be loaded.
    static func defaultsReference(in root: YAMLNode?, file: String) -> Located<String>? {
        // Only a string names a file; anything else is the decoder's one `expected-string`.
        guard let pair = root?.pairs?.first(where: { $0.key == "defaults" }), let scalar = pair.value.scalar,
              scalar.isString else { return nil }
        return Located(scalar.value, at: SourceLocation(file: file, line: pair.value.mark.line, column: pair.value.mark.column))
    }

    /// Decodes the document root; nil when the file is not a `mignet/v1` MigrationNetwork.
    mutating func decode(_ root: YAMLNode?, defaults: SpecDefaults? = nil) -> MigrationNetworkSpec? {
        guard let root else {
            diagnostics.append(.emptySpec(at: start))
            return nil
        }
        guard let top = mapping(root, keys: SpecSchema.topLevel, named: "the top level") else { return nil }
        let start = location(root.mark)
        guard identity(top, kind: MigrationNetworkSpec.kind, at: start) else { return nil }
        if let reference = top["defaults"] { _ = string(reference) }

        var metadataName: Located<String>?
        if let metadataPair = require("metadata", in: top, of: "the top level", at: start),
           let metadata = mapping(metadataPair.value, keys: SpecSchema.metadata, named: "metadata") {
            if let namePair = require("name", in: metadata, of: "metadata", at: location(metadataPair.keyMark)) {
                metadataName = string(namePair)
            }
            // Annotations and labels of the spec itself (a kustomize generator's config carries
            // some): checked to be strings, as the API server would, and not rendered.
            for field in SpecSchema.metadataFields {
                if case .stringMap = field.kind, let pair = metadata[field.name] { stringMap(pair) }
            }
        }
        guard let specPair = require("spec", in: top, of: "the top level", at: start) else { return nil }
        var spec = MigrationNetworkSpec(specLocation: location(specPair.keyMark))
        spec.name = metadataName
        guard let own = mapping(specPair.value, keys: SpecSchema.spec, named: "spec") else { return spec }
        let fields = Fields(own: own, ownFile: file, defaults: defaults)

        spec.enabled = field("enabled", in: fields) { $0.boolean($1) }
        spec.harvesterVersion = field("harvesterVersion", in: fields) { $0.version($1) }
        spec.release = spec.harvesterVersion.flatMap { HarvesterRelease(parsing: $0.value) }
        release = spec.release
        // A disable restarts virt-handler too, so the hook is wanted either way.
        spec.waitForMigrations = field("waitForMigrations", in: fields) { decoder, pair in
            guard let wait = decoder.mapping(pair.value, keys: SpecSchema.waitForMigrations, named: "waitForMigrations") else { return nil }
            let at = decoder.location(pair.keyMark)
            return WaitForMigrationsSpec(timeoutSeconds: decoder.require("timeoutSeconds", in: wait, of: "waitForMigrations", at: at).flatMap { decoder.integer($0) },
                                         image: decoder.require("image", in: wait, of: "waitForMigrations", at: at).flatMap { decoder.string($0) })
        }
        if !spec.isEnabled {
            for key in SpecSchema.spec where !["enabled", "harvesterVersion", "waitForMigrations"].contains(key) {
                if let pair = own[key] { diagnostics.append(.ignoredWhenDisabled(key, at: location(pair.keyMark))) }
            }
            return spec
        }
        for key in SpecSchema.requiredWhenEnabled where fields[key] == nil {
            diagnostics.append(.missingKey(key, in: "spec", at: spec.specLocation, defaults: defaults?.file))
        }
        spec.clusterNetwork = field("clusterNetwork", in: fields) { $0.string($1) }
        spec.vlan = field("vlan", in: fields) { $0.integer($1) }
        spec.range = field("range", in: fields) { $0.cidr($1) }
        spec.exclude = field("exclude", in: fields) { $0.blocks($1) } ?? []
        spec.mtu = field("mtu", in: fields) { $0.integer($1) }
        spec.nodes = field("nodes", in: fields) { $0.integer($1) }
        spec.plannedNodes = field("plannedNodes", in: fields) { $0.integer($1) }
        spec.reserved = field("reserved", in: fields) { $0.blocks($1) } ?? []
        spec.pinnedValue = field("pinnedValue", in: fields) { $0.string($1) }
        spec.adoptedNAD = field("adoptedNAD", in: fields) { decoder, pair in
            guard let nad = decoder.mapping(pair.value, keys: SpecSchema.adoptedNAD, named: "adoptedNAD") else { return nil }
            let at = decoder.location(pair.keyMark)
            guard let name = decoder.require("name", in: nad, of: "adoptedNAD", at: at).flatMap({ decoder.string($0) }),
                  let hash = decoder.require("hash", in: nad, of: "adoptedNAD", at: at).flatMap({ decoder.string($0) }) else { return nil }
            return AdoptedNAD(name: name, hash: hash)
        }
        spec.clusterPodCIDR = field("clusterPodCIDR", in: fields) { $0.cidr($1) }
        spec.clusterServiceCIDR = field("clusterServiceCIDR", in: fields) { $0.cidr($1) }
        spec.storageNetwork = field("storageNetwork", in: fields) { decoder, pair in
            guard let storage = decoder.mapping(pair.value, keys: SpecSchema.storageNetwork, named: "storageNetwork") else { return nil }
            let at = decoder.location(pair.keyMark)
            let range = decoder.require("range", in: storage, of: "storageNetwork", at: at).flatMap { decoder.cidr($0) }
            return StorageNetworkSpec(range: range, exclude: storage["exclude"].map { decoder.blocks($0) } ?? [],
                                      vlan: storage["vlan"].flatMap { decoder.integer($0) },
                                      exclusiveVlan: storage["exclusiveVlan"].flatMap { decoder.boolean($0) }, at: at)
        }
        spec.rwxNetwork = field("rwxNetwork", in: fields) { decoder, pair in
            guard let rwx = decoder.mapping(pair.value, keys: SpecSchema.rwxNetwork, named: "rwxNetwork") else { return nil }
            let at = decoder.location(pair.keyMark)
            let share = rwx["shareStorageNetwork"].flatMap { decoder.boolean($0) }
            var range: Located<IPv4CIDR>?
            if share?.value == true {
                // Harvester reads no network of an rwx-network that shares the storage network.
                for key in ["range", "exclude"] {
                    if let ignored = rwx[key] { decoder.diagnostics.append(.ignoredWhenSharing(key, at: decoder.location(ignored.keyMark))) }
                }
                return RWXNetworkSpec(shareStorageNetwork: share, range: nil, exclude: [], at: at)
            }
            range = decoder.require("range", in: rwx, of: "rwxNetwork", at: at).flatMap { decoder.cidr($0) }
            return RWXNetworkSpec(shareStorageNetwork: share, range: range, exclude: rwx["exclude"].map { decoder.blocks($0) } ?? [], at: at)
        }
        return spec
    }

    /// Decodes a defaults file's root: its `spec` pairs by key, nil when it is not a defaults file.
    mutating func decodeDefaults(_ root: YAMLNode?) -> [String: YAMLPair]? {
        guard let root else {
            diagnostics.append(.emptySpec(at: start))
            return nil
        }
        guard let top = mapping(root, keys: SpecSchema.defaultsTopLevel, named: "the top level"),
              identity(top, kind: SpecDefaults.kind, at: location(root.mark)),
              let specPair = require("spec", in: top, of: "the top level", at: location(root.mark)) else { return nil }
        return mapping(specPair.value, keys: SpecSchema.spec, named: "spec")
    }

    /// A spec's own `spec` pairs over its defaults' pairs, each with the file it was written in.
    struct Fields {
        var own: [String: YAMLPair]
        var ownFile: String
        var defaults: SpecDefaults?

        subscript(key: String) -> (pair: YAMLPair, file: String)? {
            if let pair = own[key] { return (pair, ownFile) }
            if let defaults, let pair = defaults.fields[key] { return (pair, defaults.file) }
            return nil
        }
    }

    /// Decodes one field with `body`, locating its diagnostics in the file it was written in.
    private mutating func field<Value>(_ key: String, in fields: Fields, _ body: (inout SpecDecoder, YAMLPair) -> Value?) -> Value? {
        guard let (pair, origin) = fields[key] else { return nil }
        let saved = file
        file = origin
        defer { file = saved }
        return body(&self, pair)
    }

    /// Checks `apiVersion` and `kind`; false when either is missing or not this format.
    mutating func identity(_ top: [String: YAMLPair], kind expectedKind: String, at start: SourceLocation) -> Bool {
        let apiVersion = require("apiVersion", in: top, of: "the top level", at: start).flatMap { string($0) }
        let kind = require("kind", in: top, of: "the top level", at: start).flatMap { string($0) }
        var known = apiVersion != nil && kind != nil
        if let apiVersion, apiVersion.value != MigrationNetworkSpec.apiVersion {
            diagnostics.append(.unsupportedAPIVersion(apiVersion.value, at: apiVersion.location))
            known = false
        }
        if let kind, kind.value != expectedKind {
            diagnostics.append(.unsupportedKind(kind.value, expected: expectedKind, at: kind.location))
            known = false
        }
        return known
    }

    /// The pairs of a mapping node by key, after reporting every key not in `keys`.
    mutating func mapping(_ node: YAMLNode, keys: [String], named name: String) -> [String: YAMLPair]? {
        guard let pairs = node.pairs else {
            diagnostics.append(.expectedMapping(name, found: node.kindDescription, at: location(node.mark)))
            return nil
        }
        var fields: [String: YAMLPair] = [:]
        for pair in pairs {
            if keys.contains(pair.key) {
                fields[pair.key] = pair
            } else {
                let at = location(pair.keyMark)
                diagnostics.append(.unknownKey, .error, file: file) { .unknownKey(pair.key, in: name, known: keys, at: at) }
            }
        }
        return fields
    }

    mutating func require(_ key: String, in fields: [String: YAMLPair], of name: String, at location: SourceLocation) -> YAMLPair? {
        guard let pair = fields[key] else {
            diagnostics.append(.missingKey(key, in: name, at: location))
            return nil
        }
        return pair
    }

    /// The items of a sequence of address blocks, each parsed; bad items are reported and left out.
    mutating func blocks(_ pair: YAMLPair) -> [Located<AddressBlock>] {
        guard let items = pair.value.items else {
            diagnostics.append(.expectedSequence(pair.key, found: pair.value.kindDescription, at: location(pair.value.mark)))
            return []
        }
        return items.compactMap { item in
            addressBlock(pair.key, item)
        }
    }
}
