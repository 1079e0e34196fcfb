import Foundation
import Testing

/// A repository walked through as an operator would, every command in process in its folder: no
/// step undoes what another did, and following a command's advice fixes what it reported.
@Suite struct CommandsAgreeTests {
    /// The command line a message advises after `run: `, up to the next `;` or its end.
    static func advised(_ text: String, after marker: String) throws -> [String] {
        let start = try #require(text.range(of: marker)).upperBound
        let line = String(text[start...].prefix { $0 != ";" && $0 != "\n" })
        return line.split(separator: " ").map(String.init)
    }

    @Test func anArgoCDRepositoryKeepsItsProfileThroughEveryCommand() throws {
        let folder = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try InProcess.run(["init", folder, "--delivery", "argocd"]).status == 0)
        try PlanCommandTests.git(["init", "-q", "-b", "main"], in: folder)
        try PlanCommandTests.git(["add", "-A"], in: folder)
        try PlanCommandTests.git(["commit", "-q", "-m", "init"], in: folder)
        let cluster = folder + "/rendered/my-cluster"
        #expect(FileManager.default.fileExists(atPath: cluster + "/kustomization.yaml"))

        // A change, then check without --delivery: it finds the argocd files and says how to mend.
        try PlanCommandTests.edit(folder + "/clusters/my-cluster.yaml") { $0.replacingOccurrences(of: "vlan: 100", with: "vlan: 120") }
        let stale = try InProcess.run(["check", "clusters", "-o", "rendered"], in: folder)
        #expect(stale.status == 2, "\(stale.stderr)")
        #expect(stale.stdout.contains("kustomization.yaml") || stale.stdout.contains("setting.yaml"))
        #expect(!stale.stdout.contains("apply.sh"), "check compared with another profile: \(stale.stdout)")
        let render = try Self.advised(stale.stderr, after: "to write what is missing or changed, run: ")
        #expect(render.first == "mignet")

        // Its advice keeps the profile: the folder is argocd's after it, and check passes.
        let rendered = try InProcess.run(Array(render.dropFirst()), in: folder)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(FileManager.default.fileExists(atPath: cluster + "/kustomization.yaml"))
        #expect(!FileManager.default.fileExists(atPath: cluster + "/apply.sh"))
        #expect(try InProcess.run(["check", "clusters", "-o", "rendered"], in: folder).status == 0)

        // plan agrees about the same change.
        let plan = try InProcess.run(["plan", "clusters", "--base", "HEAD", "--format", "json"], in: folder)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains(#""change": "new-nad""#))

        // A forgotten, contradicting flag changes nothing and says why.
        let before = try MignetProcess.tree(folder + "/rendered")
        let forgot = try InProcess.run(["render", "clusters", "-o", "rendered", "--delivery", "kubectl"], in: folder)
        #expect(forgot.status == 64)
        #expect(forgot.stderr.contains("rendered holds the files of the argocd profile (rendered/my-cluster, for one), not kubectl's"), "\(forgot.stderr)")
        #expect(try InProcess.run(["check", "clusters", "-o", "rendered", "--delivery", "fleet"], in: folder).status == 64)
        #expect(try MignetProcess.tree(folder + "/rendered") == before)

        // Only an explicit switch changes the profile.
        let switched = try InProcess.run(["render", "clusters", "-o", "rendered", "--delivery", "kubectl", "--switch-profile"], in: folder)
        #expect(switched.status == 0, "\(switched.stderr)")
        #expect(FileManager.default.fileExists(atPath: cluster + "/apply.sh"))
        #expect(!FileManager.default.fileExists(atPath: cluster + "/kustomization.yaml"))
        #expect(try InProcess.run(["check", "clusters", "-o", "rendered"], in: folder).status == 0)
        #expect(try InProcess.run(["render", "clusters", "--switch-profile"], in: folder).status == 64)
    }
}
