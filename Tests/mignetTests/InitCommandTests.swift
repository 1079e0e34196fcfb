import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test(arguments: ["argocd", "fleet", "kubectl"])
    func writesARepositoryThatChecksClean(delivery: String) throws {
        let repo = try MignetProcess.temporaryDirectory() + "/new"
        let outcome = try MignetProcess.run(["init", repo, "--delivery", delivery, "--repository", "https://git.example.com/infra.git"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let check = try MignetProcess.run(["check", "clusters", "-o", "rendered", "--delivery", delivery], in: repo)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let workflow = try String(contentsOfFile: repo + "/.github/workflows/mignet.yaml", encoding: .utf8)
        #expect(workflow.contains("mignet check clusters -o rendered --delivery \(delivery)"))
        if delivery == "argocd" {
            #expect(try String(contentsOfFile: repo + "/argocd/application.yaml", encoding: .utf8).contains("repoURL: https://git.example.com/infra.git"))
        }
        if delivery == "fleet" {
            #expect(try String(contentsOfFile: repo + "/fleet/gitrepo.yaml", encoding: .utf8).contains("repo: https://git.example.com/infra.git"))
        }
    }

    @Test func neverOverwritesWithoutForce() throws {
        let repo = try MignetProcess.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: repo + "/clusters", withIntermediateDirectories: true)
        try "mine\n".write(toFile: repo + "/clusters/my-cluster.yaml", atomically: true, encoding: .utf8)
        let refused = try MignetProcess.run(["init", repo])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("clusters/my-cluster.yaml exists; use --force to overwrite it"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo) == ["clusters"])
        #expect(try String(contentsOfFile: repo + "/clusters/my-cluster.yaml", encoding: .utf8) == "mine\n")
        let forced = try MignetProcess.run(["init", repo, "--force"])
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
