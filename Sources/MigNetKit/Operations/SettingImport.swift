import MigNetYAML

/// Adopts a cluster configured by hand: turns the live `vm-migration-network` Setting (as
/// `kubectl get settings.harvesterhci.io vm-migration-network -o yaml|json` prints it) into a
/// spec whose rendering reproduces the live value byte for byte, so that moving the cluster to
/// GitOps changes nothing and restarts nothing.
///
/// A value spelled otherwise than the UI writes it is kept with `pinnedValue`; the NAD Harvester's
/// controller made for it is kept with `adoptedNAD` when the Setting's annotations show the
/// controller configured this very value.
package struct SettingImport: Sendable {
    /// The spec's text.
    package var text: String
    /// Whether the live value is empty (the spec is disabled).
    var disabled: Bool
    /// Whether the value's spelling had to be pinned.
    var pinned: Bool
    /// The adopted NAD's name, if one was adopted.
    var adoptedNAD: String?
    /// Why no NAD was adopted, when the live annotations did not allow it.
    var adoptionSkipped: String?

    /// The Harvester release the spec names (`harvesterVersion`), when the server version was given.
    var harvesterVersion: String?
    /// Why the server version given names no release, when it does not.
    var serverVersionIgnored: String?
    /// Whether the live value has no VLAN (0), which Harvester's NAD builder makes VLAN 1.
    var vlanZero = false
    /// What the user is told about the spec written, one note each (`importing`).
    package private(set) var notes: [String] = []

    /// Imports the Setting in `source` as a spec named `name`: the release from `serverVersion`,
    /// else from `serverVersionFile` (what `kubectl get settings.harvesterhci.io server-version`
    /// printed), else from a `server-version` Setting beside it; with `live` facts (`--live`), the
    /// nodes that run virt-handler and the cluster network's MTU as the cluster says, `nodes`
    /// given winning over the live count. Throws the located reasons a file cannot be used.
    package static func importing(_ source: SourceFile, name: String, nodes: Int?, serverVersion: String?, serverVersionFile: SourceFile?,
                                  live facts: ClusterFacts?) throws -> SettingImport {
        var version = serverVersion
        if let serverVersionFile { version = try Self.serverVersion(in: serverVersionFile) }
        let live = facts.map { Self.live($0, serverVersion: serverVersion) }
        var imported = try SettingImport(source, name: name, nodes: nodes ?? live?.nodes, serverVersion: version, mtu: live?.mtu)
        imported.notes = imported.notes(nodesGiven: nodes != nil, liveNodes: live?.nodes)
        return imported
    }

    /// The name of Harvester's Setting holding the release it runs.
    static let serverVersionSetting = "server-version"

    /// The release text of the `server-version` Setting among `objects`: its value, else its
    /// default (the value Harvester's `Setting.Get` reads), nil when there is no such Setting.
    static func serverVersion(in objects: [KubeObject]) -> String? {
        objects.first { $0.kind == "Setting" && $0.name == serverVersionSetting }.map(ClusterFacts.effectiveValue)
    }

    /// The release text of the `server-version` Setting in a file of kubectl output
    /// (`kubectl get settings.harvesterhci.io server-version -o yaml`).
    static func serverVersion(in source: SourceFile) throws(Diagnosed) -> String {
        guard let version = serverVersion(in: try KubeObject.objects(in: source)) else {
            throw Diagnosed(diagnostics: [.objectMissing("Setting named \(serverVersionSetting)", file: source.path)])
        }
        return version
    }

    /// What the cluster itself says, read with `--live`: the nodes that run virt-handler (as
    /// the release given, else the cluster's `server-version` Setting, counts them) and the MTU
    /// of the cluster network the live value names.
    static func live(_ facts: ClusterFacts, serverVersion: String?) -> (nodes: Int?, mtu: Int?) {
        let release = (serverVersion ?? facts.setting(serverVersionSetting).map(ClusterFacts.effectiveValue)).flatMap(HarvesterRelease.init(parsing:))
        let nodes = facts[.nodes].map { HarvesterNodes.virtHandlerNodes($0, release: release).count }
        guard let value = facts.setting(Harvester.settingName).map(ClusterFacts.effectiveValue),
              let parsed = try? HarvesterValue(parsing: value, release: release),
              let network = facts[.clusterNetworks]?.first(where: { $0.name == parsed.clusterNetwork }) else { return (nodes, nil) }
        return (nodes, Preflight.clusterNetworkMTU(network, facts)?.mtu)
    }

    /// What the user is told about the spec written, one note each: what was kept and why, and
    /// what is left to fill in. `nodesGiven` says whether `--nodes` was; `liveNodes` is the count
    /// the cluster gave.
    func notes(nodesGiven: Bool, liveNodes: Int?) -> [String] {
        var notes: [String] = []
        if pinned { notes.append("the live value is spelled otherwise than the Harvester UI writes it; pinnedValue keeps its exact bytes") }
        if let adoptedNAD { notes.append("adoptedNAD keeps the live NAD \(adoptedNAD), so KubeVirt's migration network stays as it is") }
        if let adoptionSkipped { notes.append(adoptionSkipped) }
        if let serverVersionIgnored { notes.append(serverVersionIgnored) }
        if vlanZero { notes.append("the live value has no VLAN (0), which Harvester's NAD builder makes VLAN 1, its default PVID: the spec says vlan: 1, and pinnedValue keeps the live bytes") }
        guard !disabled else { return notes }
        if harvesterVersion == nil && serverVersionIgnored == nil {
            notes.append("no server version was given, so the spec names no Harvester release and is held to every release's rules: add --server-version")
        }
        if !nodesGiven && liveNodes == nil { notes.append("set spec.nodes (or rerun with --nodes N)") }
        if let liveNodes, !nodesGiven { notes.append("nodes: \(liveNodes), the nodes that run virt-handler now (witness nodes not counted)") }
        return notes
    }

    /// Imports the Setting in `source` as a spec named `name`, with `nodes` when given. The
    /// server version (`serverVersion`, else a `server-version` Setting in the same file) becomes
    /// `harvesterVersion`, and the live value is read as that release reads it. Throws
    /// `Diagnosed` (located diagnostics) when the file holds no readable Setting.
    init(_ source: SourceFile, name: String, nodes: Int?, serverVersion: String? = nil, mtu: Int? = nil) throws {
        let objects = try KubeObject.objects(in: source)
        guard let setting = objects.first(where: { $0.kind == "Setting" && $0.name == Harvester.settingName }) else {
            throw Diagnosed(diagnostics: [.objectMissing("Setting named \(Harvester.settingName)", file: source.path)])
        }
        var release: HarvesterRelease?
        if let version = serverVersion ?? Self.serverVersion(in: objects) {
            release = HarvesterRelease(parsing: version)
            if release != nil {
                harvesterVersion = version
            } else {
                serverVersionIgnored = "the server version '\(version)' names no Harvester release (a development build?), so the spec names none: set spec.harvesterVersion"
            }
        }
        let value = setting.string("value") ?? ""
        let valueNode = setting.value("value")
        let at = valueNode.map { SourceLocation(file: source.path, line: $0.mark.line, column: $0.mark.column) } ?? setting.location(in: source.path)

        var specEntries: [YAMLEntry] = []
        disabled = value.isEmpty
        pinned = false
        if let harvesterVersion { specEntries.append(YAMLEntry("harvesterVersion", .string(harvesterVersion))) }
        if disabled {
            specEntries.append(YAMLEntry("enabled", .boolean(false)))
        } else {
            let live: HarvesterValue
            do {
                live = try HarvesterValue(parsing: value, release: release)
            } catch {
                throw Diagnosed(diagnostics: [.valueUnreadable(error.description, at: at)])
            }
            specEntries += [
                YAMLEntry("clusterNetwork", .string(live.clusterNetwork)),
                YAMLEntry("vlan", .integer(live.effectiveVLAN)),
                YAMLEntry("range", .string(live.range)),
            ]
            if !live.exclude.isEmpty { specEntries.append(YAMLEntry("exclude", .sequence(live.exclude.map { .string($0) }))) }
            if let mtu, mtu != FieldBounds.defaultMTU { specEntries.append(YAMLEntry("mtu", .integer(mtu))) }
            if let nodes { specEntries.append(YAMLEntry("nodes", .integer(nodes))) }
            let hash = SettingValue(text: value).hash
            let annotations = setting.annotations
            let derived = SettingValue(text: value).nadName
            if annotations[Harvester.hashKey] != hash {
                adoptionSkipped = "the Setting's hash annotation is not the value's SHA-1 (Harvester's controller has not configured this value), so no live NAD was adopted"
            } else if let attached = annotations[Harvester.netAttachDefKey], attached.hasPrefix(Harvester.namespace + "/") {
                let nad = String(attached.dropFirst(Harvester.namespace.count + 1))
                if nad != derived {
                    adoptedNAD = nad
                    specEntries.append(YAMLEntry("adoptedNAD", .mapping([YAMLEntry("name", .string(nad)), YAMLEntry("hash", .string(hash))])))
                }
            }
            vlanZero = live.vlan == 0
            if SettingValue.uiSpelling(clusterNetwork: live.clusterNetwork, vlan: live.vlan, range: live.range, exclude: live.exclude) != value {
                pinned = true
                specEntries.append(YAMLEntry("pinnedValue", .string(value, .singleQuoted)))
            }
        }
        let document = YAMLValue.mapping([
            YAMLEntry("apiVersion", .string(MigrationNetworkSpec.apiVersion)),
            YAMLEntry("kind", .string(MigrationNetworkSpec.kind)),
            YAMLEntry("metadata", .mapping([YAMLEntry("name", .string(name))])),
            YAMLEntry("spec", .mapping(specEntries)),
        ])
        var lines = YAMLEmitter.emitSeparately([document]).joined().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first == "---" { lines.removeFirst() }
        if !disabled && nodes == nil {
            // Where `nodes` would stand: before the adoption and pinning keys, if any.
            let index = lines.firstIndex { $0.hasPrefix("  adoptedNAD:") || $0.hasPrefix("  pinnedValue:") } ?? lines.count - 1
            lines.insert("  # nodes: the number of nodes that run virt-handler today (witness nodes do not); required", at: index)
        }
        var header = ["# Imported by mignet from the live vm-migration-network setting: rendering this spec gives the live value byte for byte."]
        if pinned { header.append("# The live value is spelled otherwise than the Harvester UI writes it, so pinnedValue keeps its exact bytes (and hash).") }
        if adoptedNAD != nil { header.append("# adoptedNAD keeps the NAD Harvester made for this value, so KubeVirt and virt-handler are not touched.") }
        text = (header + lines).joined(separator: "\n")
    }
}
