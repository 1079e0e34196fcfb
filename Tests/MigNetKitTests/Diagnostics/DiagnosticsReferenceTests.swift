import Foundation
@testable import MigNetKit
@testable import MigNetYAML
import MigNetTestSupport
import Testing

/// `docs/reference/diagnostics.md`, generated from the codes' registry (`DiagnosticCode.severity`
/// and `summary`) and the rule table (`ruleCases`): for each code its severity, when it is
/// reported, and, where the table has one, the smallest spec that triggers it with what
/// `mignet validate` prints for it, computed here as the page is generated (so every example on
/// the page is run by this test, and `RuleTests` holds its line and column). A stale page fails
/// here; `scripts/docs.sh` (`RECORD_GOLDENS=1`) rewrites it.
@Suite struct DiagnosticsReferenceTests {
    static let path = Repository.root + "/docs/reference/diagnostics.md"

    /// The shortest case of the rule table for `code`.
    static func example(_ code: DiagnosticCode) -> RuleCase? {
        ruleCases.filter { $0.code == code && $0.text.utf8.count < 600 }.min { $0.text.utf8.count < $1.text.utf8.count }
    }

    /// What validate prints for the example (its diagnostics of this code), without colour.
    static func printed(_ rule: RuleCase) -> String {
        let source = SourceFile(path: "spec.yaml", text: rule.text)
        let compilation = Compiler().compile(source)
        let found = compilation.diagnostics.filter { $0.code == rule.code }
        return TextDiagnosticFormatter(colour: false).format(found, sources: ["spec.yaml": source])
    }

    /// A loader for which every defaults file lies outside the spec repository `/srv/fleet`, as
    /// the command line's reader answers for a path that leaves it.
    struct OutsideRootLoader: SourceLoader {
        func load(_ path: String) -> Result<SourceFile, SourceLoadError> { .failure(.outsideRoot(root: "/srv/fleet")) }
    }

    /// For a code that does not come from one spec's text: what triggers it (files with their
    /// names and text, or a sentence) and what mignet prints for it, computed here through the
    /// library's own path for it (compiling several files, reading the repository file, reading
    /// kubectl's output). Nil for the codes only the command line makes (a missing file, a
    /// folder without specs, a symbolic link), whose tests are end to end.
    static func inputExample(_ code: DiagnosticCode) -> (files: [(name: String, text: String)], note: String?, printed: String)? {
        func printed(_ diagnostics: [Diagnostic], _ sources: [SourceFile]) -> String {
            TextDiagnosticFormatter(colour: false).format(diagnostics.filter { $0.code == code },
                                                          sources: Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0) }))
        }
        func compiled(_ inputs: [SpecInput], loader: any SourceLoader = InMemorySourceLoader([:])) -> [Diagnostic] {
            Compiler().compile(inputs, problems: [], loader: loader).diagnostics
        }
        func failure(_ body: () throws -> Void) -> [Diagnostic] {
            do { try body(); return [] } catch let failure as Diagnosed { return failure.diagnostics } catch { return [] }
        }
        let spec = specText(validBody)
        let setting = "apiVersion: harvesterhci.io/v1beta1\nkind: Setting\nmetadata:\n  name: vm-migration-network\nvalue: vlan=100\n"
        switch code {
        case .duplicateName:
            let files = [SourceFile(path: "clusters/a.yaml", text: spec), SourceFile(path: "clusters/b.yaml", text: spec)]
            return ([("clusters/a.yaml", spec), ("clusters/b.yaml", spec)], "Both compiled together (`mignet validate clusters`).", printed(compiled(files.map { SpecInput($0) }), files))
        case .yamlEncoding:
            var bytes = Array(spec.utf8)
            bytes.insert(0xFF, at: bytes.firstIndex(of: UInt8(ascii: "m"))!)
            let file = SourceFile(path: "spec.yaml", bytes: bytes)
            return ([("spec.yaml", spec)], "`spec.yaml` is this spec with the byte 0xFF (not UTF-8) inserted before `mignet/v1` on its first line.", printed(compiled([SpecInput(file)]), [file]))
        case .inputTooLarge:
            let file = SourceFile(path: "spec.yaml", bytes: Array(repeating: UInt8(ascii: "#"), count: 5_000_000))
            return ([], "`spec.yaml` is 5,000,000 bytes.", printed(compiled([SpecInput(file)]), [file]))
        case .defaultsOutsideRoot:
            let text = spec.replacingOccurrences(of: "kind: MigrationNetwork\n", with: "kind: MigrationNetwork\ndefaults: ../../shared/site.yaml\n")
            let file = SourceFile(path: "clusters/east.yaml", text: text)
            return ([("clusters/east.yaml", text)], "The spec repository is `/srv/fleet` (`--root`, else the git top level).",
                    printed(compiled([SpecInput(file)], loader: OutsideRootLoader()), [file]))
        case .kindNearMiss:
            let text = spec.replacingOccurrences(of: "kind: MigrationNetwork", with: "kind: MigrationNetwrok")
            let file = SourceFile(path: "clusters/east.yaml", text: text)
            return ([("clusters/east.yaml", text)], "Found by searching the folder (`mignet validate clusters`).", printed(compiled([SpecInput(file, discovered: true)]), [file]))
        case .repositoryFileInvalid:
            let text = "apiVersion: mignet/v1\nkind: Repository\ndelivery: helm\n"
            let file = SourceFile(path: "mignet.yaml", text: text)
            guard case .failure(let invalid) = RepositoryFile.read(file) else { return nil }
            return ([("mignet.yaml", text)], nil, printed(invalid.diagnostics, [file]))
        case .notKubernetesObjects:
            let text = "No resources found in harvester-system namespace.\n"
            let file = SourceFile(path: "setting.yaml", text: text)
            return ([("setting.yaml", text)], "kubectl's message saved in place of its output, given to `mignet import setting.yaml` or `mignet verify --setting setting.yaml`.", printed(failure { _ = try KubeObject.objects(in: file) }, [file]))
        case .objectMissing:
            let text = setting.replacingOccurrences(of: "vm-migration-network", with: "storage-network")
            let file = SourceFile(path: "setting.yaml", text: text)
            return ([("setting.yaml", text)], "Given to `mignet import setting.yaml --name east --nodes 3`.",
                    printed(failure { _ = try SettingImport(file, name: "east", nodes: 3) }, [file]))
        case .valueUnreadable:
            let file = SourceFile(path: "setting.yaml", text: setting)
            return ([("setting.yaml", setting)], "Given to `mignet import setting.yaml --name east --nodes 3`.",
                    printed(failure { _ = try SettingImport(file, name: "east", nodes: 3) }, [file]))
        default:
            return nil
        }
    }

    static func generated() -> String {
        var text = "<!-- Generated by scripts/docs.sh from the code; do not edit by hand. -->\n\n# Diagnostic codes\n\n"
        text += "Every code mignet reports, with its severity and when, from the codes' registry in the code. Codes are stable: scripts may match on them. "
        text += "`--warnings-as-errors` makes warnings fail a run. Where the rule table of the tests has a spec that triggers a code, the smallest is shown "
        text += "with what `mignet validate` prints for it (generated by running it). Which rule each Harvester release applies: "
        text += "[writing specs](../writing-specs.md#harvester-releases).\n\n"
        text += "The Harvester column says what Harvester's admission webhooks at v1.6 to v1.9 (the `vm-migration-network` setting's; from v1.9 also network-controller's NAD webhook) do with the same value: "
        text += "*refuses*, *refuses from* a release, *refuses in part* (mignet is stricter for the rest), *accepts* (mignet is stricter, or warns), "
        text += "or — where Harvester never sees it (the file, its YAML, mignet's format and own fields). A test holds each stance to a model of those webhooks, "
        text += "case by case of the rule table.\n\n"
        text += "| code | severity | Harvester | when |\n|---|---|---|---|\n"
        for code in DiagnosticCode.allCases {
            let summary = code.summary.replacingOccurrences(of: "|", with: "\\|")
            text += "| [`\(code.rawValue)`](#\(code.rawValue)) | \(code.severity.rawValue) | \(code.harvesterColumn) | \(summary) |\n"
        }
        for code in DiagnosticCode.allCases {
            text += "\n## \(code.rawValue)\n\n\(code.severity.rawValue.capitalized): \(code.summary). \(code.harvesterSentence)\n"
            if let rule = example(code) {
                text += "\n```yaml\n# spec.yaml\n\(rule.text.hasSuffix("\n") ? rule.text : rule.text + "\n")```\n\n```\n\(printed(rule))```\n"
            } else if let example = inputExample(code) {
                if let note = example.note { text += "\n\(note)\n" }
                for file in example.files { text += "\n```yaml\n# \(file.name)\n\(file.text)```\n" }
                text += "\n```\n\(example.printed)```\n"
            } else {
                let tests: [DiagnosticCode: String] = [.fileUnreadable: "ValidateCommandTests", .noSpecFound: "CommandContractTests", .symlinkSkipped: "OutputFaultTests"]
                text += "\nMade by the command line as it reads files and searches folders, not from a file's text; its message is held end to end by `\(tests[code] ?? "")`.\n"
            }
        }
        return text
    }

    @Test func theDiagnosticsReferenceIsCurrent() throws {
        let text = Self.generated()
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try text.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        #expect((try? String(contentsOfFile: Self.path, encoding: .utf8)) == text, "docs/reference/diagnostics.md is stale: run scripts/docs.sh")
    }

    /// Every code but the three only the command line makes has an example on the page, and
    /// each input example prints its code.
    @Test func everyCodeHasAnExampleButTheCommandLinesOwn() {
        let own: Set<DiagnosticCode> = [.fileUnreadable, .noSpecFound, .symlinkSkipped]
        for code in DiagnosticCode.allCases where !own.contains(code) && Self.example(code) == nil {
            let example = Self.inputExample(code)
            #expect(example?.printed.contains(": \(code.severity.rawValue): ") == true, "\(code.rawValue): \(example?.printed ?? "no example")")
        }
    }

    @Test func everyCodeHasItsSummaryAndMostHaveAnExample() {
        #expect(DiagnosticCode.allCases.allSatisfy { !$0.summary.isEmpty && !$0.summary.hasSuffix(".") })
        #expect(DiagnosticCode.allCases.filter { Self.example($0) != nil }.count >= 50)
        // Each example reports its code, at the position the rule table holds.
        for code in DiagnosticCode.allCases {
            guard let rule = Self.example(code) else { continue }
            #expect(Self.printed(rule).contains("spec.yaml:\(rule.line):\(rule.column): \(rule.severity.rawValue): "), "\(code.rawValue)")
        }
    }

    /// What Harvester's webhook would be given for a rule case: the value of its fields as mignet
    /// renders them (a bare exclude address as a /32; an IPv4-mapped address as the IPv4 Go reads,
    /// harvester-facts §9), the node count and the peer settings; nil where a field is not read
    /// strictly (an address Go's parser may read otherwise, mignet's `A-B` form): what Harvester
    /// does there is not asserted.
    static func webhookInput(_ text: String) -> (value: String, nodes: Int, storage: String?, storageVLAN: (vlan: Int, exclusive: Bool)?, rwx: String?)? {
        guard let root = YAMLDocument(parsing: Array(text.utf8)).root else { return nil }
        func child(_ node: YAMLNode?, _ key: String) -> YAMLNode? { node?.pairs?.first { $0.key == key }?.value }
        func string(_ node: YAMLNode?) -> String? { node?.scalar?.value }
        func integer(_ node: YAMLNode?) -> Int? { string(node).flatMap { Int($0) } }
        func strict(_ text: String) -> String? {
            var text = text
            if text.hasPrefix("::ffff:"), let slash = text.firstIndex(of: "/"), let length = Int(text[text.index(after: slash)...]), length >= 96 {
                text = String(text.dropFirst(7).prefix { $0 != "/" }) + "/\(length - 96)"
            }
            if text.contains(":") { return text }  // IPv6: the webhook's model refuses it (v1.9 refuses, v1.6 to v1.8 can hang)
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
            func decimal(_ part: Substring, _ limit: Int) -> Bool {
                !part.isEmpty && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (part == "0" || part.first != "0") && Int(part)! <= limit
            }
            guard octets.count == 4, octets.allSatisfy({ decimal($0, 255) }), parts.count <= 2 else { return nil }
            if parts.count == 1 { return text + "/32" }
            return decimal(parts[1], 32) ? text : nil
        }
        let spec = child(root, "spec")
        guard let clusterNetwork = string(child(spec, "clusterNetwork")), let vlan = integer(child(spec, "vlan")),
              let range = string(child(spec, "range")).flatMap(strict), let nodes = integer(child(spec, "nodes")) else { return nil }
        var exclude: [String] = []
        for entry in child(spec, "exclude")?.items ?? [] {
            guard let entry = string(entry).flatMap(strict) else { return nil }
            exclude.append(entry)
        }
        let object: [String: Any] = ["clusterNetwork": clusterNetwork, "vlan": vlan, "range": range, "exclude": exclude]
        guard let data = try? JSONSerialization.data(withJSONObject: object), let value = String(data: data, encoding: .utf8) else { return nil }
        let storage = child(spec, "storageNetwork")
        let storageVLAN = integer(child(storage, "vlan")).map { (vlan: $0, exclusive: string(child(storage, "exclusiveVlan")) == "true") }
        return (value, nodes, string(child(storage, "range")), storageVLAN, string(child(child(spec, "rwxNetwork"), "range")))
    }

    /// The releases whose webhook refuses a rule case's value, or nil where it is not read strictly.
    static func refusingReleases(_ rule: RuleCase) -> Set<HarvesterRelease>? {
        guard let input = webhookInput(rule.text) else { return nil }
        return Set(HarvesterRelease.known.filter { release in
            HarvesterAgreementTests.webhookRefusal(value: input.value, nodes: input.nodes, storage: input.storage, storageVLAN: input.storageVLAN,
                                                   rwx: input.rwx, release: release) != nil
        })
    }

    /// Each value code's stance in the reference is what the model of Harvester's webhook does
    /// with the rule table's cases of that code.
    @Test(arguments: DiagnosticCode.allCases.filter { $0.harvester != .notSent })
    func theHarvesterColumnIsWhatTheWebhookDoes(_ code: DiagnosticCode) {
        let cases = ruleCases.filter { $0.code == code }
        let verdicts = cases.map(Self.refusingReleases)
        let read = verdicts.compactMap { $0 }
        let all = Set(HarvesterRelease.known)
        #expect(!read.isEmpty, "\(code.rawValue): no case of the rule table is read strictly")
        switch code.harvester {
        case .notSent:
            break
        case .refuses:
            let agrees = read.allSatisfy { $0 == all }
            #expect(agrees, "\(code.rawValue): \(read)")
        case .refusesFrom(let first):
            let agrees = read.allSatisfy { $0 == all.filter { $0 >= first } }
            #expect(agrees, "\(code.rawValue): \(read)")
        case .accepts:
            let agrees = read.allSatisfy(\.isEmpty)
            #expect(agrees, "\(code.rawValue): \(read)")
        case .partly:
            // Some case every release accepts, and some that one refuses or that is not read strictly.
            let someAccepted = read.contains(where: \.isEmpty)
            let someRefused = verdicts.contains { $0 == nil || !$0!.isEmpty }
            #expect(someAccepted && someRefused, "\(code.rawValue): \(verdicts)")
        }
    }

    /// The codes Harvester never sees are not values it could be given: none of their cases
    /// reads as a value the webhook refuses that mignet's summary would hide.
    @Test func codesHarvesterNeverSeesAreNotAboutTheValue() {
        let valueFields = ["clusterNetwork", "vlan", "range", "exclude", "storageNetwork", "rwxNetwork"]
        for code in DiagnosticCode.allCases where code.harvester == .notSent {
            for rule in ruleCases where rule.code == code {
                // The diagnostic points at a field the value does not hold.
                let line = rule.text.split(separator: "\n", omittingEmptySubsequences: false)[rule.line - 1]
                let key = line.drop { $0 == " " || $0 == "-" }.prefix { $0 != ":" }
                let aboutTheValue = valueFields.contains(String(key)) && !rule.code.rawValue.hasPrefix("yaml") && !rule.code.rawValue.hasPrefix("expected")
                    && ![.excludeRangeReversed, .releaseFeatureUnavailable, .ignoredWhenShared, .ignoredWhenDisabled].contains(code)
                #expect(!aboutTheValue, "\(code.rawValue) points at \(key)")
            }
        }
    }
}
