import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test(arguments: ["argocd", "fleet", "kubectl"])
    func writesARepositoryThatChecksClean(delivery: String) throws {
        let repo = try MignetProcess.temporaryDirectory() + "/new"
        let outcome = try InProcess.run(["init", repo, "--delivery", delivery, "--repository", "https://git.example.com/infra.git"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let check = try InProcess.run(["check", "clusters", "-o", "rendered", "--delivery", delivery], in: repo)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let workflow = try String(contentsOfFile: repo + "/.github/workflows/mignet.yaml", encoding: .utf8)
        #expect(workflow.contains("mignet check clusters -o rendered --delivery \(delivery)"))
        if delivery == "argocd" {
            #expect(try String(contentsOfFile: repo + "/argocd/application.yaml", encoding: .utf8).contains("repoURL: \"https://git.example.com/infra.git\""))
        }
        if delivery == "fleet" {
            #expect(try String(contentsOfFile: repo + "/fleet/gitrepo.yaml", encoding: .utf8).contains("repo: \"https://git.example.com/infra.git\""))
        }
    }

    @Test func neverOverwritesWithoutForce() throws {
        let repo = try MignetProcess.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: repo + "/clusters", withIntermediateDirectories: true)
        try "mine\n".write(toFile: repo + "/clusters/my-cluster.yaml", atomically: true, encoding: .utf8)
        let refused = try InProcess.run(["init", repo])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("clusters/my-cluster.yaml exists; use --force to overwrite it"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo) == ["clusters"])
        #expect(try String(contentsOfFile: repo + "/clusters/my-cluster.yaml", encoding: .utf8) == "mine\n")
        let forced = try InProcess.run(["init", repo, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: repo + "/clusters/my-cluster.yaml", encoding: .utf8).contains("kind: MigrationNetwork"))
    }

    @Test func worksFromTheBinaryAloneAnywhere() throws {
        // A copy of the binary in an empty folder, run from another: nothing of the repository is needed.
        let directory = try MignetProcess.temporaryDirectory()
        try FileManager.default.copyItem(atPath: MignetProcess.binary, toPath: directory + "/mignet")
        try FileManager.default.createDirectory(atPath: directory + "/work", withIntermediateDirectories: true)
        let outcome = try MignetProcess.runTool(directory + "/mignet", ["init", "--delivery", "kubectl"], in: directory + "/work")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: directory + "/work/rendered/my-cluster/apply.sh"))
    }
}

/// init's CI templates against the schemas check-jsonschema vendors (SchemaStore's
/// github-workflow and GitLab's own CI schema), for every profile.
@Suite(.enabled(if: Integration.runsCheckJSONSchema, "check-jsonschema is not on PATH"))
struct CITemplateSchemaTests {
    @Test(arguments: ["argocd", "argocd-plugin", "fleet", "kubectl"])
    func ciTemplatesValidate(delivery: String) throws {
        let tool = try #require(Integration.checkJSONSchema, "check-jsonschema is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
        let directory = try MignetProcess.temporaryDirectory() + "/repo"
        let initialised = try InProcess.run(["init", directory, "--delivery", delivery])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        for (schema, file) in [("vendor.github-workflows", "/.github/workflows/mignet.yaml"), ("vendor.gitlab-ci", "/.gitlab-ci.yml")] {
            let outcome = try MignetProcess.runTool(tool, ["--builtin-schema", schema, directory + file])
            #expect(outcome.status == 0, "\(file): \(outcome.stdout)\(outcome.stderr)")
        }
        let workflow = try String(contentsOfFile: directory + "/.github/workflows/mignet.yaml", encoding: .utf8)
        // The plugin mode plans with the profile its plugin renders.
        let profile = delivery == "argocd-plugin" ? "argocd" : delivery
        #expect(workflow.contains("mignet plan clusters --base \"origin/${{ github.base_ref }}\" --delivery \(profile) --format markdown > mignet-plan.md"))
        #expect(workflow.contains(delivery == "argocd-plugin" ? "run: mignet validate clusters --diagnostics-format github" : "run: mignet check clusters -o rendered --delivery \(delivery)"))
        #expect(workflow.contains("cat mignet-plan.md >> \"$GITHUB_STEP_SUMMARY\""))
        #expect(workflow.contains("fetch-depth: 0"))
        let gitlab = try String(contentsOfFile: directory + "/.gitlab-ci.yml", encoding: .utf8)
        #expect(gitlab.contains("      - mignet-plan.md\n"))
    }

    /// The schemas can fail: a misspelt key is refused.
    @Test func aBrokenWorkflowIsRefused() throws {
        let tool = try #require(Integration.checkJSONSchema, "check-jsonschema is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
        let directory = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try InProcess.run(["init", directory, "--delivery", "kubectl"]).status == 0)
        let path = directory + "/.github/workflows/mignet.yaml"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "runs-on:", with: "runs_on:").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try MignetProcess.runTool(tool, ["--builtin-schema", "vendor.github-workflows", path]).status != 0)
    }
}
