import Foundation
import Testing

/// A repository walked through as an operator would, every command in process in its folder: no
/// step undoes what another did, and following a command's advice fixes what it reported.
@Suite struct CommandsAgreeTests {
    /// The command line a message advises after `marker`, up to the next `;` or its end.
    static func advised(_ text: String, after marker: String) throws -> [String] {
        let start = try #require(text.range(of: marker)).upperBound
        let line = String(text[start...].prefix { $0 != ";" && $0 != "\n" })
        return line.split(separator: " ").map(String.init)
    }

    /// `init --delivery argocd`, committed.
    static func argoCDRepository() throws -> String {
        let folder = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try InProcess.run(["init", folder, "--delivery", "argocd"]).status == 0)
        try PlanCommandTests.git(["init", "-q", "-b", "main"], in: folder)
        try PlanCommandTests.git(["add", "-A"], in: folder)
        try PlanCommandTests.git(["commit", "-q", "-m", "init"], in: folder)
        return folder
    }

    @Test func theRepositoryFileIsEveryCommandsSetup() throws {
        let folder = try Self.argoCDRepository()
        let cluster = folder + "/rendered/my-cluster"
        #expect(FileManager.default.fileExists(atPath: folder + "/mignet.yaml"))
        #expect(FileManager.default.fileExists(atPath: cluster + "/kustomization.yaml"))

        // No arguments anywhere in the repository: the file's specs, output folder and profile.
        #expect(try InProcess.run(["validate"], in: folder).stderr == "mignet: 1 spec valid\n")
        #expect(try InProcess.run(["check"], in: folder + "/clusters").status == 0)
        try PlanCommandTests.edit(folder + "/clusters/my-cluster.yaml") { $0.replacingOccurrences(of: "vlan: 100", with: "vlan: 120") }
        let stale = try InProcess.run(["check"], in: folder)
        #expect(stale.status == 2, "\(stale.stderr)")
        #expect(!stale.stdout.contains("apply.sh"), "check compared with another profile: \(stale.stdout)")
        // Its advice keeps the profile, and mends what it reported.
        let render = try Self.advised(stale.stderr, after: "to write what is missing or changed, run: ")
        #expect(render.first == "mignet")
        #expect(try InProcess.run(Array(render.dropFirst()), in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: cluster + "/kustomization.yaml") && !FileManager.default.fileExists(atPath: cluster + "/apply.sh"))
        #expect(try InProcess.run(["check"], in: folder).status == 0)
        let plan = try InProcess.run(["plan", "--base", "HEAD", "--format", "json"], in: folder)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains(#""delivery": "argocd""#) && plan.stdout.contains(#""change": "new-nad""#), "\(plan.stdout)")

        // A forgotten, contradicting flag changes nothing and names the file and its value.
        let before = try MignetProcess.tree(folder + "/rendered")
        let forgot = try InProcess.run(["render", "clusters", "-o", "rendered", "--delivery", "kubectl"], in: folder)
        #expect(forgot.status == 64)
        #expect(forgot.stderr.contains("mignet.yaml:7:11: delivery is argocd for rendered; --delivery kubectl contradicts it"), "\(forgot.stderr)")
        #expect(try InProcess.run(["check", "--delivery", "fleet"], in: folder).status == 64)
        #expect(try MignetProcess.tree(folder + "/rendered") == before)

        // Changing the profile is a change of the file, then an explicit switch of the folder.
        try PlanCommandTests.edit(folder + "/mignet.yaml") { $0.replacingOccurrences(of: "delivery: argocd", with: "delivery: kubectl") }
        let unswitched = try InProcess.run(["render"], in: folder)
        #expect(unswitched.status == 64)
        #expect(try MignetProcess.tree(folder + "/rendered") == before)
        // The command it advises is the switch.
        let advice = try Self.advised(unswitched.stderr, after: ", or ")
        #expect(advice.prefix(4) == ["render", "with", "--delivery", "kubectl"], "\(unswitched.stderr)")
        #expect(try InProcess.run(["render"] + advice.dropFirst(2).prefix { $0 != "to" }, in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: cluster + "/apply.sh") && !FileManager.default.fileExists(atPath: cluster + "/kustomization.yaml"))
        #expect(try InProcess.run(["check"], in: folder).status == 0)
    }

    @Test func withoutTheFileAnOutputFolderKeepsItsProfile() throws {
        let folder = try Self.argoCDRepository()
        try FileManager.default.removeItem(atPath: folder + "/mignet.yaml")
        let cluster = folder + "/rendered/my-cluster"
        #expect(try InProcess.run(["check", "clusters", "-o", "rendered"], in: folder).status == 0)
        #expect(try InProcess.run(["render", "clusters", "-o", "rendered"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: cluster + "/kustomization.yaml") && !FileManager.default.fileExists(atPath: cluster + "/apply.sh"))
        let forgot = try InProcess.run(["render", "clusters", "-o", "rendered", "--delivery", "kubectl"], in: folder)
        #expect(forgot.status == 64)
        #expect(forgot.stderr.contains("rendered holds the files of the argocd profile (rendered/my-cluster, for one), not kubectl's"), "\(forgot.stderr)")
        #expect(try InProcess.run(["render", "clusters", "-o", "rendered", "--delivery", "kubectl", "--switch-profile"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: cluster + "/apply.sh"))
        // No file and no arguments: the command says what it needs.
        let bare = try InProcess.run(["validate"], in: folder)
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("give at least one spec file or folder, or run in a repository that mignet.yaml sets up"))
    }

    /// Outside git the spec repository is the working folder: a repository file above it is
    /// neither read nor obeyed.
    @Test func outsideGitOnlyTheWorkingFoldersFileCounts() throws {
        let folder = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try InProcess.run(["init", folder, "--delivery", "fleet"]).status == 0)
        #expect(try InProcess.run(["validate"], in: folder).status == 0)
        let below = try InProcess.run(["validate"], in: folder + "/clusters")
        #expect(below.status == 64, "\(below.stderr)")
        #expect(below.stderr.contains("give at least one spec file or folder"))
    }

    @Test func aFileThatNeedsANewerMignetStopsEveryCommand() throws {
        let folder = try Self.argoCDRepository()
        try PlanCommandTests.edit(folder + "/mignet.yaml") { $0.replacingOccurrences(of: "minimumVersion: 0.1.0", with: "minimumVersion: 99.0.0") }
        for command in [["validate"], ["check"], ["render"], ["plan", "--base", "HEAD"]] {
            let outcome = try InProcess.run(command, in: folder + "/clusters")
            #expect(outcome.status == 1, "\(command)")
            #expect(outcome.stderr == "mignet: ../mignet.yaml needs mignet 99.0.0 or later, and this is mignet 0.1.0: install a newer one\n", "\(command): \(outcome.stderr)")
        }
        try PlanCommandTests.edit(folder + "/mignet.yaml") { $0.replacingOccurrences(of: "delivery: argocd", with: "delivery: helm") }
        let invalid = try InProcess.run(["validate"], in: folder)
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("mignet.yaml:7:11: error: delivery 'helm' is not a delivery profile"), "\(invalid.stderr)")
    }
}
