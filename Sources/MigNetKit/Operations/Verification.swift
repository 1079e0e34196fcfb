import MigNetYAML

/// The post-configuration checks of Harvester's docs, offline: compares what `kubectl get`
/// printed for the Setting, the virt-handler pods, and optionally KubeVirt and the NADs, with
/// what a spec renders.
package struct Verification: Sendable {
    /// One check and its verdict.
    struct Check: Sendable, Equatable {
        /// A stable identifier: `setting-value`, `setting-annotations`, `setting-configured`,
        /// `pod-network`, `pod-addresses-unique`, `kubevirt-network`, `nad-config`.
        var id: String
        /// What was checked (a pod's name, the Setting, ...).
        var subject: String
        var passed: Bool
        var message: String
        /// Further lines: a remedy, the live and expected values.
        var details: [String]
    }

    /// Every check, in the order run.
    private(set) var checks: [Check] = []

    /// Whether every check passed.
    package var passed: Bool { checks.allSatisfy(\.passed) }

    static let networkStatusKey = "k8s.v1.cni.cncf.io/network-status"
    static let migrationInterface = "migration0"

    /// Verifies `compilation` against kubectl's outputs by file name (`KubectlGet.verify`'s:
    /// `setting.yaml` and `pods.yaml`, and where given `kubevirt.yaml` and `nads.yaml`), with the
    /// `problems` met reading them: the verification (nil when the spec renders nothing), or every
    /// located reason no check can be run.
    package static func verify(_ compilation: Compilation, outputs: [String: SourceFile], problems: [Diagnostic]) -> Result<Verification?, Diagnosed> {
        var problems = problems
        func objects(_ get: KubectlGet) -> [KubeObject]? {
            guard let source = outputs[get.fileName] else { return nil }
            do { return try KubeObject.objects(in: source) } catch {
                problems += error.diagnostics
                return nil
            }
        }
        let settingObjects = objects(.migrationSetting)
        let podObjects = objects(.virtHandlerPods)
        let kubeVirtObjects = objects(.kubeVirt)
        let nadObjects = objects(.migrationNADs)
        if problems.isEmpty, let settingObjects, let podObjects,
           let settingSource = outputs[KubectlGet.migrationSetting.fileName], let podsSource = outputs[KubectlGet.virtHandlerPods.fileName] {
            do { try requireUsable(setting: settingObjects, in: settingSource, pods: podObjects, in: podsSource, for: compilation) } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty, let settingObjects, let podObjects else { return .failure(Diagnosed(diagnostics: problems)) }
        return .success(Verification(compilation, setting: settingObjects, pods: podObjects, kubeVirt: kubeVirtObjects, nads: nadObjects))
    }

    /// Refuses input no check can be run on, with located diagnostics: a `--setting` file without
    /// the Setting, a value Harvester could not read either (read as `release` reads it), a
    /// `--pods` file without a pod.
    static func requireUsable(setting: [KubeObject], in settingSource: SourceFile, pods: [KubeObject], in podsSource: SourceFile,
                              for compilation: Compilation) throws(Diagnosed) {
        try requireUsable(setting: setting, in: settingSource, pods: pods, in: podsSource, release: compilation.cluster?.release)
    }

    static func requireUsable(setting: [KubeObject], in settingSource: SourceFile, pods: [KubeObject], in podsSource: SourceFile,
                              release: HarvesterRelease? = nil) throws(Diagnosed) {
        var problems: [Diagnostic] = []
        if let object = setting.first(where: { $0.kind == "Setting" && $0.name == Harvester.settingName }) {
            let value = object.string("value") ?? ""
            if !value.isEmpty {
                do { _ = try HarvesterValue(parsing: value, release: release) } catch {
                    let at = object.value("value").map { SourceLocation(file: settingSource.path, line: $0.mark.line, column: $0.mark.column) }
                    problems.append(.valueUnreadable(error.description, at: at ?? object.location(in: settingSource.path)))
                }
            }
        } else {
            problems.append(.objectMissing("Setting named \(Harvester.settingName)", file: settingSource.path))
        }
        if !pods.contains(where: { $0.kind == nil || $0.kind == "Pod" }) {
            problems.append(.objectMissing("virt-handler pod", file: podsSource.path))
        }
        if !problems.isEmpty { throw Diagnosed(diagnostics: problems) }
    }

    /// Runs every check for which objects were given against what `compilation` renders; nil
    /// when it renders nothing (a spec with errors).
    init?(_ compilation: Compilation, setting: [KubeObject], pods: [KubeObject], kubeVirt: [KubeObject]?, nads: [KubeObject]?) {
        guard let cluster = compilation.cluster, let expected = compilation.render() else { return nil }
        self.init(expected: expected, plan: cluster.addressPlan, setting: setting, pods: pods, kubeVirt: kubeVirt, nads: nads)
    }

    /// Runs every check for which objects were given.
    init(expected: RenderedCluster, plan: AddressPlan, setting: [KubeObject], pods: [KubeObject], kubeVirt: [KubeObject]?, nads: [KubeObject]?) {
        checkSetting(expected, setting.first { $0.kind == "Setting" && $0.name == Harvester.settingName })
        checkPods(expected, plan, pods.filter { $0.kind == nil || $0.kind == "Pod" })
        if let kubeVirt { checkKubeVirt(expected, kubeVirt.first { $0.kind == "KubeVirt" }) }
        if let nads { checkNADs(expected, nads.filter { $0.kind == "NetworkAttachmentDefinition" }) }
    }

    private mutating func record(_ id: String, _ subject: String, _ passed: Bool, _ message: String, _ details: [String] = []) {
        checks.append(Check(id: id, subject: subject, passed: passed, message: message, details: details))
    }

    private mutating func checkSetting(_ expected: RenderedCluster, _ setting: KubeObject?) {
        guard let setting else {
            record("setting-value", "Setting", false, "no Setting named \(Harvester.settingName) in the --setting file")
            return
        }
        let value = setting.string("value") ?? ""
        let want = expected.setting.value
        if value == want.text {
            record("setting-value", "Setting", true, "value is the rendered value (hash \(want.hash))")
        } else {
            record("setting-value", "Setting", false, "value differs from the rendering", ["live:     \(value)", "rendered: \(want.text)"])
        }
        let annotations = setting.annotations
        let liveHash = annotations[Harvester.hashKey]
        let attached = annotations[Harvester.netAttachDefKey]
        let annotated = liveHash == want.hash && attached == expected.setting.netAttachDef
        if annotated {
            record("setting-annotations", "Setting", true, "annotations name hash \(want.hash) and NAD \(expected.setting.netAttachDef.isEmpty ? "none" : expected.setting.netAttachDef)")
        } else {
            record("setting-annotations", "Setting", false, "Harvester's annotations differ from the rendering", [
                "live:     hash \(liveHash ?? "(none)"), net-attach-def \(attached ?? "(none)")",
                "rendered: hash \(want.hash), net-attach-def \(expected.setting.netAttachDef)",
            ])
        }
        let condition = setting.value("status", "conditions")?.items?.map(KubeObject.init).first { $0.string("type") == "configured" }
        switch condition?.string("status") {
        case "True":
            record("setting-configured", "Setting", true, "condition configured is True")
        case let status?:
            let reason = condition?.string("reason").map { "reason \($0)" } ?? "no reason given"
            let message = condition?.string("message") ?? "no message"
            record("setting-configured", "Setting", false, "condition configured is \(status): \(reason): \(message)", [
                "Harvester writes the hash even when configuring failed, and never retries until the value changes;",
                "after fixing the cause, make it retry: kubectl annotate settings.harvesterhci.io \(Harvester.settingName) \(Harvester.hashKey)-",
                "under the full delivery (kubectl, argocd) the controller never writes this condition, so it can be left over from an earlier configuration;",
                "then the value, annotation, pod, KubeVirt and NAD checks are the evidence, and the annotate command above lets the controller write it anew",
            ])
        case nil where annotated:
            // The full delivery writes the annotations itself: the controller finds them matching
            // the value and returns before writing any status (harvester/harvester
            // pkg/controller/master/kubevirt/vm_migration_network.go), so no condition is the
            // healthy state there, and the other checks are the evidence.
            record("setting-configured", "Setting", true, "no configured condition, as under the full delivery (the controller had nothing to do); the pods, KubeVirt and NAD checks are the evidence")
        case nil:
            record("setting-configured", "Setting", false, "no configured condition yet: Harvester's controller has not finished")
        }
    }

    private mutating func checkPods(_ expected: RenderedCluster, _ plan: AddressPlan, _ pods: [KubeObject]) {
        let handlers = pods.filter { $0.labels.isEmpty || $0.labels["kubevirt.io"] == "virt-handler" }
        guard let nad = expected.networkAttachmentDefinition else {
            for pod in handlers {
                let entry = Self.migrationEntries(pod).first
                record("pod-network", pod.name ?? "pod", entry == nil,
                       entry == nil ? "no migration network, as a disabled spec wants" : "still attached to \(entry!.name) on \(Self.migrationInterface)")
            }
            return
        }
        guard !handlers.isEmpty else {
            record("pod-network", "virt-handler", false, "no virt-handler pod in the --pods file; expected kubectl get pods -n \(Harvester.namespace) -l kubevirt.io=virt-handler")
            return
        }
        let network = Harvester.namespace + "/" + nad.name
        var owners: [String: [String]] = [:]
        for pod in handlers {
            let name = pod.name ?? "pod"
            let entries = Self.migrationEntries(pod)
            guard let entry = entries.first(where: { $0.name == network }) else {
                let other = entries.first.map { "attached to \($0.name) instead of \(network)" }
                record("pod-network", name, false, other ?? "no address on the migration network (\(Self.state(of: pod)))")
                continue
            }
            guard let address = entry.ips.lazy.compactMap({ try? IPv4Address(parsing: Substring($0)) }).first else {
                record("pod-network", name, false, "no IPv4 address on \(Self.migrationInterface) (\(entry.ips.joined(separator: ", ")))")
                continue
            }
            owners[address.description, default: []].append(name)
            if plan.usable.contains(address) {
                record("pod-network", name, true, "\(address) on \(Self.migrationInterface) (\(network))")
            } else {
                let why = plan.range.map { $0.interval.contains(address) } == true ? "an excluded address of \(plan.range!)" : "outside \(plan.range.map(\.description) ?? "the range")"
                record("pod-network", name, false, "\(address) on \(Self.migrationInterface) is \(why)")
            }
        }
        let shared = owners.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        record("pod-addresses-unique", "virt-handler", shared.isEmpty,
               shared.isEmpty ? "no two pods share an address" : "addresses shared by more than one pod",
               shared.map { "\($0.key): \($0.value.joined(separator: ", "))" })
    }

    private mutating func checkKubeVirt(_ expected: RenderedCluster, _ kubeVirt: KubeObject?) {
        guard let kubeVirt else {
            record("kubevirt-network", "KubeVirt", false, "no KubeVirt object in the --kubevirt file")
            return
        }
        let live = kubeVirt.string("spec", "configuration", "migrations", "network")
        let want = expected.kubeVirtPatch.network
        record("kubevirt-network", "KubeVirt", live == want,
               live == want ? "migrations.network is \(want ?? "unset")" : "migrations.network is \(live ?? "unset"), the rendering says \(want ?? "unset")")
    }

    private mutating func checkNADs(_ expected: RenderedCluster, _ nads: [KubeObject]) {
        let migration = nads.filter { $0.labels[Harvester.hashKey] != nil }
        guard let nad = expected.networkAttachmentDefinition else {
            record("nad-config", "NAD", migration.isEmpty, migration.isEmpty ? "no migration NAD, as a disabled spec wants"
                   : "migration NADs remain: \(migration.compactMap(\.name).joined(separator: ", "))")
            return
        }
        guard let live = nads.first(where: { $0.name == nad.name }) else {
            record("nad-config", nad.name, false, "the NAD does not exist", migration.compactMap(\.name).map { "other migration NAD: \($0)" })
            return
        }
        let config = live.string("spec", "config") ?? ""
        if config == nad.config {
            record("nad-config", nad.name, true, "config is the rendered config")
        } else if Self.strippingMTU(config) == Self.strippingMTU(nad.config), Self.mtu(of: config) == FieldBounds.defaultMTU, Self.mtu(of: nad.config) == nil {
            // network-controller writes `"mtu":1500` into every NAD of a cluster network whose MTU
            // was lowered to 1500 (OnCNChange, sjson.Set), where a NAD made at 1500 has none.
            record("nad-config", nad.name, false, "the live config ends in \"mtu\":1500, which Harvester's network controller writes when a cluster network's MTU is lowered to 1500, where mignet renders none (1500 is the default): the same MTU, spelled otherwise", [
                "live:     \(config)", "rendered: \(nad.config)",
                "until the rendering is applied once, Argo CD shows the NAD OutOfSync and Fleet the bundle Modified;",
                "apply or sync it: the NAD webhook takes a config without mtu on a 1500 cluster network (no mtu counts as 1500),",
                "nothing writes the mtu back, and the NAD's name and the Setting's hash stay, so no virt-handler pod restarts",
            ])
        } else if Self.strippingMTU(config) == Self.strippingMTU(nad.config) {
            record("nad-config", nad.name, false, "the MTU differs: live \(Self.mtu(of: config).map(String.init) ?? "1500 (none written)"), rendered \(Self.mtu(of: nad.config).map(String.init) ?? "1500 (none written)"); set spec.mtu to the cluster network's MTU", ["live:     \(config)", "rendered: \(nad.config)"])
        } else {
            record("nad-config", nad.name, false, "config differs from the rendering", ["live:     \(config)", "rendered: \(nad.config)"])
        }
        let stale = migration.compactMap(\.name).filter { $0 != nad.name }
        if !stale.isEmpty {
            record("nad-config", "NAD", false, "other migration NADs remain: \(stale.joined(separator: ", "))")
        }
    }

    /// An entry of a pod's network-status annotation.
    struct NetworkStatus {
        var name: String
        var interface: String
        var ips: [String]
    }

    /// The pod's network-status entries on the migration interface.
    static func migrationEntries(_ pod: KubeObject) -> [NetworkStatus] {
        guard let text = pod.annotations[networkStatusKey],
              let items = YAMLDocument(parsing: Array(text.utf8), maximumDepth: 8).root?.items else { return [] }
        return items.map(KubeObject.init).compactMap { entry in
            guard entry.string("interface") == migrationInterface else { return nil }
            let ips = entry.value("ips")?.items?.compactMap { $0.scalar?.value } ?? []
            return NetworkStatus(name: entry.string("name") ?? "", interface: migrationInterface, ips: ips)
        }
    }

    /// A short account of a pod's state: its phase and the first waiting or crash reason.
    static func state(of pod: KubeObject) -> String {
        let phase = pod.string("status", "phase") ?? "unknown phase"
        let reasons = (pod.value("status", "containerStatuses")?.items ?? []).map(KubeObject.init).compactMap { status in
            status.string("state", "waiting", "reason") ?? status.string("state", "terminated", "reason")
        }
        return ([phase] + reasons).joined(separator: ", ")
    }

    /// The `mtu` Harvester's webhook appends at the end of a NAD's config, if any.
    static func mtu(of config: String) -> Int? {
        guard let range = config.ranges(of: ",\"mtu\":").last else { return nil }
        return Int(config[range.upperBound...].prefix { $0.isNumber })
    }

    /// The config without that appended `mtu`.
    static func strippingMTU(_ config: String) -> String {
        guard let range = config.ranges(of: ",\"mtu\":").last else { return config }
        return String(config[..<range.lowerBound]) + "}"
    }

    /// The report for a person: one line per check, details indented.
    var text: String {
        var output = ""
        for check in checks {
            // Subjects, messages and details quote the cluster's objects: escaped here, at output.
            output += "\(check.passed ? "PASS" : "FAIL")  \(TerminalText.escaped(check.subject)): \(TerminalText.escaped(check.message))\n"
            for detail in check.details { output += "      \(TerminalText.escaped(detail))\n" }
        }
        let failed = checks.filter { !$0.passed }.count
        output += failed == 0 ? "all \(checks.count) checks passed\n" : "\(failed) of \(checks.count) checks failed\n"
        return output
    }

    /// The report for a script.
    var json: JSONValue {
        .object([
            JSONMember("format_version", .string("1")),
            JSONMember("passed", .boolean(passed)),
            JSONMember("failed_count", .integer(checks.filter { !$0.passed }.count)),
            JSONMember("checks", .array(checks.map { check in
                .object([
                    JSONMember("check", .string(check.id)),
                    JSONMember("subject", .string(check.subject)),
                    JSONMember("status", .string(check.passed ? "pass" : "fail")),
                    JSONMember("message", .string(check.message)),
                    JSONMember("details", .array(check.details.map { .string($0) })),
                ])
            })),
        ])
    }
}
