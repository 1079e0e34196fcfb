import Foundation
import MigNetTestSupport
@testable import MigNetYAML
import Testing

/// mignet as kustomize's exec generator plugin, through the real `kubectl kustomize
/// --enable-alpha-plugins` on `examples/kustomize/generator-plugin`.
@Suite(.enabled(if: Integration.runsKubectl, "kubectl is not on PATH"))
struct GeneratorPluginTests {
    static let example = "examples/kustomize/generator-plugin"

    /// A plugin home whose MigrationNetwork executable is a symbolic link to the built mignet.
    static func pluginHome() throws -> String {
        let home = try MignetProcess.temporaryDirectory() + "/plugins"
        let folder = home + "/mignet/v1/migrationnetwork"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/MigrationNetwork", withDestinationPath: MignetProcess.binary)
        return home
    }

    static func kustomize(_ folder: String, extra: [String: String] = [:]) throws -> MignetProcess.Outcome {
        let kubectl = try #require(Integration.kubectl, "kubectl is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
        var environment = ProcessInfo.processInfo.environment
        environment["KUSTOMIZE_PLUGIN_HOME"] = try pluginHome()
        environment.merge(extra) { $1 }
        // Run from the repository's top: kustomize itself runs the plugin in the kustomization's folder.
        return try MignetProcess.runTool(kubectl, ["kustomize", "--enable-alpha-plugins", folder], environment: environment)
    }

    @Test func kustomizeBuildsTheExampleWithItsOverlay() throws {
        let built = try Self.kustomize(Self.example)
        #expect(built.status == 0, "\(built.stderr)")
        let kinds = built.stdout.split(separator: "\n").filter { $0.hasPrefix("kind: ") }
        #expect(kinds == ["kind: NetworkAttachmentDefinition", "kind: Setting", "kind: KubeVirt"])
        #expect(built.stdout.components(separatedBy: "app.kubernetes.io/managed-by: kustomize").count == 4)
        // The same value, hash and NAD config as render gives from the file itself, whose
        // defaults: resolves against the same folder: kustomize passed a copy in a temporary
        // folder, so the defaults file was found from the kustomization's folder.
        let rendered = try MignetProcess.run(["render", Self.example + "/migration-network.yaml"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        for line in rendered.stdout.split(separator: "\n") where line.hasPrefix("value: ") || line.hasPrefix("  config: ") || line.contains("/hash: ") {
            #expect(built.stdout.contains(line), "\(line)")
        }
        #expect(rendered.stdout.contains("\"mtu\":9000"))
    }

    @Test func theProfileComesFromTheEnvironment() throws {
        let built = try Self.kustomize(Self.example, extra: ["MIGNET_DELIVERY": "argocd"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("argocd.argoproj.io/sync-wave: \"-1\""))
        let wrong = try Self.kustomize(Self.example, extra: ["MIGNET_DELIVERY": "helm"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("MIGNET_DELIVERY=helm is not a profile"))
    }

    @Test func aSpecErrorFailsTheBuildWithTheDiagnostic() throws {
        let folder = try MignetProcess.temporaryDirectory() + "/app"
        try FileManager.default.copyItem(atPath: MignetProcess.root + "/" + Self.example, toPath: folder)
        let spec = folder + "/migration-network.yaml"
        try String(contentsOfFile: spec, encoding: .utf8).replacingOccurrences(of: "vlan: 120", with: "vlan: 5000").write(toFile: spec, atomically: true, encoding: .utf8)
        let built = try Self.kustomize(folder)
        #expect(built.status != 0)
        #expect(built.stdout.isEmpty)
        #expect(built.stderr.contains("<kustomize generator config>:") && built.stderr.contains("[vlan-out-of-range]"))
    }
}

/// mignet as an exec KRM function, run by a harness that does what kustomize's exec function
/// runner does (kyaml fn/runtime/exec and runtimeutil, api/internal/plugins/fnplugin), since
/// no standalone kustomize can be installed here: the executable and arguments from the
/// config's `config.kubernetes.io/function` annotation, looked up on PATH; the kustomization's
/// folder as the working folder; on stdin a `config.kubernetes.io/v1` ResourceList whose
/// `functionConfig` is the config with `config.kubernetes.io/local-config: "true"` added and whose
/// items, for a generator, hold that config with the id annotations kustomize tracks items by.
extension GeneratorPluginTests {
    /// kubectl's built-in kustomize cannot run an exec KRM function: it refuses the example
    /// (exit 1, nothing on stdout), with or without alpha plugins, as
    /// docs/sync-time-rendering.md says.
    @Test func kubectlsKustomizeRefusesTheKRMFunction() throws {
        let kubectl = try #require(Integration.kubectl, "kubectl is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
        let folder = MignetProcess.root + "/examples/kustomize/krm-function"
        for (arguments, message) in [(["kustomize", folder], "external plugins disabled; unable to load external plugin 'MigrationNetwork'"),
                                     (["kustomize", "--enable-alpha-plugins", folder], "config.kubernetes.io/function unmarshal error")] {
            let outcome = try MignetProcess.runTool(kubectl, arguments)
            #expect(outcome.status == 1)
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        }
    }
}

@Suite struct KRMFunctionTests {
    static let example = MignetProcess.root + "/examples/kustomize/krm-function"

    /// The config with kustomize's local-config annotation, indented under `key`, and the
    /// function's command line from its annotation.
    static func resourceList(_ spec: String, items: Bool = true) throws -> (input: String, command: [String]) {
        let root = try #require(YAMLDocument(parsing: Array(spec.utf8)).root)
        let annotation = try #require(root.pairs?.first { $0.key == "metadata" }?.value.pairs?.first { $0.key == "annotations" }?.value.pairs?.first { $0.key == "config.kubernetes.io/function" }?.value.scalar?.value)
        let exec = try #require(YAMLDocument(parsing: Array(annotation.utf8)).root?.pairs?.first { $0.key == "exec" }?.value.pairs)
        let path = try #require(exec.first { $0.key == "path" }?.value.scalar?.value)
        let args = (exec.first { $0.key == "args" }?.value.items ?? []).compactMap { $0.scalar?.value }
        let config = spec.replacingOccurrences(of: "  annotations:\n", with: "  annotations:\n    config.kubernetes.io/local-config: \"true\"\n")
        let indented = config.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        let item = config.replacingOccurrences(of: "  annotations:\n", with: "  annotations:\n    config.kubernetes.io/id: \"1\"\n    internal.config.kubernetes.io/id: \"1\"\n")
        let itemText = item.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            line.isEmpty ? "" : (index == 0 ? "- " : "  ") + line
        }.joined(separator: "\n")
        let input = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n" + (items ? itemText : "") + "functionConfig:\n" + indented
        return (input, [path] + args)
    }

    static func run(_ command: [String], stdin: String, in folder: String = example) throws -> MignetProcess.Outcome {
        let binFolder = URL(fileURLWithPath: MignetProcess.binary).deletingLastPathComponent().path
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let tool = try #require(ProcessRunner.which(command[0], path: environment["PATH"]))
        return try MignetProcess.runTool(tool, Array(command.dropFirst()), stdin: stdin, environment: environment, in: folder)
    }

    static func parse(_ output: String) throws -> [YAMLPair] {
        let parsed = YAMLDocument(parsing: Array(output.utf8))
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        return try #require(parsed.root?.pairs)
    }

    @Test func theFunctionAddsTheProfilesObjectsToTheItems() throws {
        let spec = try String(contentsOfFile: Self.example + "/migration-network.yaml", encoding: .utf8)
        let (input, command) = try Self.resourceList(spec)
        #expect(command == ["mignet", "krm", "--delivery", "argocd"])
        let outcome = try Self.run(command, stdin: input)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        let list = try Self.parse(outcome.stdout)
        #expect(list.map(\.key) == ["apiVersion", "kind", "items", "functionConfig"])
        #expect(list[0].value.scalar?.value == "config.kubernetes.io/v1" && list[1].value.scalar?.value == "ResourceList")
        let items = try #require(list[2].value.items)
        let inputItems = try #require(try Self.parse(input)[2].value.items)
        // The input item comes back unchanged, first; then the objects render prints.
        #expect(items.count == 4)
        #expect(items[0].value == inputItems[0].value)
        let added = YAMLEmitter.emit(items.dropFirst().map(\.value))
        let rendered = try MignetProcess.run(["render", "--delivery", "argocd", Self.example + "/migration-network.yaml"])
        #expect(added == rendered.stdout)
        // What kustomize then keeps: the items without the local-config annotation.
        #expect(!added.contains("config.kubernetes.io/local-config"))
    }

    @Test func anErrorIsAResultAndFailsTheFunction() throws {
        let spec = try String(contentsOfFile: Self.example + "/migration-network.yaml", encoding: .utf8)
        let (input, command) = try Self.resourceList(spec.replacingOccurrences(of: "vlan: 130", with: "vlan: 5000"))
        let outcome = try Self.run(command, stdin: input)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("<stdin>:") && outcome.stderr.contains("[vlan-out-of-range]"))
        let list = try Self.parse(outcome.stdout)
        // The config that failed is not echoed back; the results say why.
        #expect(list.map(\.key) == ["apiVersion", "kind", "items", "results"])
        #expect(list[2].value.items?.count == 1)
        let results = try #require(list[3].value.items)
        #expect(results.count == 1)
        let result = try #require(results[0].pairs)
        #expect(result.map(\.key) == ["message", "severity", "resourceRef", "tags"])
        #expect(result[0].value.scalar?.value == "vlan 5000 is outside 1...4094")
        #expect(result[1].value.scalar?.value == "error")
        #expect(result[2].value.pairs?.map { $0.value.scalar?.value } == ["mignet/v1", "MigrationNetwork", "krm-lab"])
        let tags = try #require(result[3].value.pairs)
        #expect(tags[0].value.scalar?.value == "vlan-out-of-range")
        // The line and column are those of the value in the ResourceList on stdin.
        let line = try #require(Int(tags[1].value.scalar?.value ?? ""))
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line - 1].hasSuffix("vlan: 5000"))
        let column = try #require(lines[line - 1].range(of: "5000")).lowerBound
        #expect(tags[2].value.scalar?.value == String(lines[line - 1].distance(from: lines[line - 1].startIndex, to: column) + 1))
    }

    @Test func aWarningIsAResultAndTheFunctionSucceeds() throws {
        let spec = try String(contentsOfFile: Self.example + "/migration-network.yaml", encoding: .utf8)
        let (input, command) = try Self.resourceList(spec.replacingOccurrences(of: "harvesterVersion: v1.9", with: "harvesterVersion: v1.12"))
        let outcome = try Self.run(command, stdin: input)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let list = try Self.parse(outcome.stdout)
        let results = try #require(list.first { $0.key == "results" }?.value.items)
        #expect(results.compactMap { $0.pairs?.first { $0.key == "severity" }?.value.scalar?.value } == ["warning"])
        #expect(list[2].value.items?.count == 4)
    }

    /// Past the per-file budget, diagnostics are counted in one result per code, as the text
    /// report counts them.
    @Test func diagnosticsPastTheBudgetAreCounted() throws {
        let exclusions = (0..<1_200).map { "10.9.\($0 / 250).\($0 % 250 + 1)" }.joined(separator: ", ")
        let spec = "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: x\nspec:\n  clusterNetwork: migration\n  vlan: 100\n  range: 10.1.0.0/24\n  nodes: 3\n  exclude: [\(exclusions)]\n"
        let input = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\nfunctionConfig:\n" + spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        let outcome = try Self.run(["mignet", "krm"], stdin: input)
        #expect(outcome.status == 1)
        let results = try #require(try Self.parse(outcome.stdout).last?.value.items)
        // The bounded report every diagnostics format reads: 200 listed, the rest counted.
        #expect(results.count == 201)
        #expect(results.last?.pairs?.first?.value.scalar?.value == "1000 more exclude-outside-range diagnostics not listed")
        #expect(results.last?.pairs?.dropFirst().first?.value.scalar?.value == "error")
    }

    @Test func inputThatIsNotAResourceListFails() throws {
        let command = ["mignet", "krm"]
        let notAList = try Self.run(command, stdin: "apiVersion: v1\nkind: ConfigMap\n")
        #expect(notAList.status == 1 && notAList.stdout.isEmpty)
        #expect(notAList.stderr.contains("not a KRM ResourceList"))
        let broken = try Self.run(command, stdin: "kind: ResourceList\nitems: [\n")
        #expect(broken.status == 1 && broken.stdout.isEmpty)
        let noConfig = try Self.run(command, stdin: "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n")
        #expect(noConfig.status == 1)
        #expect(try Self.parse(noConfig.stdout).last?.value.items?.first?.pairs?.first?.value.scalar?.value == "the ResourceList has no functionConfig: it must be a MigrationNetwork spec")
    }
}
