import Foundation
import Testing

@Suite struct SchemaCommandTests {
    @Test func printsTheCommittedSchema() throws {
        let outcome = try InProcess.run(["schema"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == (try String(contentsOfFile: MignetProcess.root + "/schema/mignet-v1.schema.json", encoding: .utf8)))
    }
}

/// Every example spec validated against the schema by a real JSON Schema validator (Python's
/// jsonschema, Draft 2020-12), and broken specs refused by it.
@Suite(.enabled(if: Integration.runsJSONSchema, "python3 with jsonschema and PyYAML is not available"))
struct JSONSchemaValidatorTests {
    static let script = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            errors = sorted(e.message for e in validator.iter_errors(yaml.safe_load(open(path))))
            print(path + ": " + ("valid" if not errors else "; ".join(errors)))
        """

    func validate(_ files: [String], schema: String = "mignet-v1.schema.json") throws -> [String: String] {
        guard let python = Integration.pythonWithJSONSchema else {
            Issue.record("python3 with jsonschema and PyYAML is required (MIGNET_REQUIRE_INTEGRATION=1)")
            return [:]
        }
        let outcome = try MignetProcess.runTool(python, ["-c", Self.script, MignetProcess.root + "/schema/" + schema] + files)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var results: [String: String] = [:]
        for line in outcome.stdout.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            results[String(parts[0])] = String(parts[1].dropFirst())
        }
        return results
    }

    @Test func everyExampleIsValid() throws {
        let root = MignetProcess.root
        var files = try FileManager.default.contentsOfDirectory(atPath: root + "/examples").filter { $0.hasSuffix(".yaml") }.map { root + "/examples/" + $0 }
        files += try FileManager.default.contentsOfDirectory(atPath: root + "/examples/gitops-repo/clusters").map { root + "/examples/gitops-repo/clusters/" + $0 }
        files.append(root + "/templates/spec.yaml")
        let results = try validate(files.sorted())
        #expect(results.count == files.count)
        for (file, result) in results { #expect(result == "valid", "\(file): \(result)") }
    }

    /// The repository file init writes in every mode is valid by its schema, and what the
    /// decoder refuses the schema refuses too.
    @Test func repositoryFilesAgreeWithTheirSchema() throws {
        let directory = try MignetProcess.temporaryDirectory()
        var files: [String] = []
        for mode in ["argocd", "argocd-plugin", "fleet", "kubectl"] {
            #expect(try InProcess.run(["init", directory + "/" + mode, "--delivery", mode]).status == 0)
            files.append(directory + "/" + mode + "/mignet.yaml")
        }
        let head = "apiVersion: mignet/v1\nkind: Repository\n"
        for (name, body) in ["helm": "delivery: helm\n", "plugin-output": "delivery: argocd-plugin\noutput: rendered\n", "version": "delivery: kubectl\nminimumVersion: one\n", "key": "delivery: kubectl\nouput: x\n"] {
            try (head + body).write(toFile: directory + "/\(name).yaml", atomically: true, encoding: .utf8)
        }
        let results = try validate(files + ["helm", "plugin-output", "version", "key"].map { directory + "/\($0).yaml" }, schema: "mignet-repository-v1.schema.json")
        for file in files { #expect(results[file] == "valid", "\(file): \(results[file] ?? "-")") }
        for name in ["helm", "plugin-output", "version", "key"] {
            #expect(results[directory + "/\(name).yaml"] != "valid", "\(name)")
        }
    }

    @Test func brokenSpecsAreRefused() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let specs = [
            "vlan.yaml": "  clusterNetwork: migration\n  vlan: 4095\n  range: 10.1.2.0/24\n  nodes: 3\n",
            "quoted.yaml": "  clusterNetwork: migration\n  vlan: \"100\"\n  range: 10.1.2.0/24\n  nodes: 3\n",
            "unknown.yaml": "  clusterNetwork: migration\n  vlna: 100\n  range: 10.1.2.0/24\n  nodes: 3\n",
            "missing.yaml": "  clusterNetwork: migration\n  range: 10.1.2.0/24\n  nodes: 3\n",
            "address.yaml": "  clusterNetwork: migration\n  vlan: 100\n  range: 010.1.2.0/24\n  nodes: 3\n",
            "long.yaml": "  clusterNetwork: migration-network\n  vlan: 100\n  range: 10.1.2.0/24\n  nodes: 3\n",
        ]
        var files: [String] = []
        for (name, body) in specs {
            try ("apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: x\nspec:\n" + body).write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
            files.append(directory + "/" + name)
        }
        // Without the required fields, but with a defaults file or disabled: valid.
        try "apiVersion: mignet/v1\nkind: MigrationNetwork\ndefaults: d.yaml\nmetadata:\n  name: x\nspec:\n  range: 10.1.2.0/24\n".write(toFile: directory + "/defaults.yaml", atomically: true, encoding: .utf8)
        try "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: x\nspec:\n  enabled: false\n".write(toFile: directory + "/disabled.yaml", atomically: true, encoding: .utf8)
        let results = try validate(files + [directory + "/defaults.yaml", directory + "/disabled.yaml"])
        for file in files { #expect(results[file] != "valid", "\(file) should be refused") }
        #expect(results[directory + "/defaults.yaml"] == "valid")
        #expect(results[directory + "/disabled.yaml"] == "valid")
    }
}
