import Foundation
import Testing

/// One CLI contract: where each command's diagnostics go, which options it takes, what it exits
/// with, and that nothing passes silently. Each test runs the built binary.
@Suite struct CommandContractTests {
    static let verifyFixtures = MignetProcess.root + "/Tests/mignetTests/Fixtures/verify"

    @Test func machineDiagnosticsNeverMixWithACommandsOwnOutput() throws {
        // management-network.yaml has a warning: its diagnostics go to stderr, the YAML to stdout.
        for format in ["json", "github"] {
            let render = try InProcess.run(["render", "--diagnostics-format", format, "examples/management-network.yaml"])
            #expect(render.status == 0)
            #expect(render.stdout.hasPrefix("---"), "\(format): \(render.stdout.prefix(200))")
            #expect(render.stderr.contains("cluster-network-mgmt"))
            let explain = try InProcess.run(["explain", "--format", "json", "--diagnostics-format", format, "examples/management-network.yaml"])
            #expect(explain.status == 0)
            #expect((try? JSONSerialization.jsonObject(with: Data(explain.stdout.utf8))) != nil, "\(format): stdout is not one JSON object")
            #expect(explain.stderr.contains("cluster-network-mgmt"))
        }
        // validate prints nothing else on stdout: there the machine formats go; its one line of
        // success goes to stderr.
        let validate = try InProcess.run(["validate", "--diagnostics-format", "json", "examples/management-network.yaml"])
        #expect(validate.stdout.hasPrefix(#"{"format_version":"1","valid":true,"error_count":0,"warning_count":1"#))
        #expect(validate.stderr == "mignet: 1 spec valid\n")
    }

    @Test func aMistypedCommandIsNamedAndVersionIsOne() throws {
        let mistyped = try InProcess.run(["rendr", "clusters"])
        #expect(mistyped.status == 64)
        #expect(mistyped.stderr == "mignet: 'rendr' is not a mignet command; did you mean 'render'?\n")
        let unknown = try InProcess.run(["deploy"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'deploy' is not a mignet command; the commands are render, check, validate"))
        let version = try InProcess.run(["version"])
        #expect(version.status == 0)
        #expect(version.stdout == (try InProcess.run(["--version"])).stdout)
        #expect(try InProcess.run(["help", "render"]).status == 0)
    }

    @Test func theSpecFolderIsNeverTheOutputFolder() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/clusters", withIntermediateDirectories: true)
        try MignetProcess.spec("east").write(toFile: directory + "/clusters/east.yaml", atomically: true, encoding: .utf8)
        for command in [["render", "clusters", "-o", "clusters"], ["check", "clusters/", "-o", "./clusters"]] {
            let outcome = try InProcess.run(command, in: directory)
            #expect(outcome.status == 64, "\(command)")
            #expect(outcome.stderr.contains("is the spec folder clusters"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("give another output folder, such as rendered"))
        }
        #expect(try InProcess.run(["render", "clusters", "-o", "rendered"], in: directory).status == 0)
    }

    @Test func reportCommandsTakeFoldersAndRefuseOneClustersInputsForSeveral() throws {
        // explain, verify and preflight judge a fleet (FleetTests); what names one cluster's
        // input cannot stand for several, and import still writes one spec file.
        let verify = try InProcess.run(["verify", "examples", "--setting", "x", "--pods", "y"])
        #expect(verify.status == 64)
        #expect(verify.stderr.contains("--setting and --pods are one cluster's files, and this run reads several"))
        let preflight = try InProcess.run(["preflight", "examples", "--cluster", "examples/dedicated.yaml"])
        #expect(preflight.status == 64)
        #expect(preflight.stderr.contains("--cluster examples/dedicated.yaml is not a folder"))
        let two = try InProcess.run(["explain", "examples/dedicated.yaml", "examples/disabled.yaml"])
        #expect(two.status == 0)
        #expect(two.stdout.hasPrefix("== "))
        let import_ = try InProcess.run(["import", Self.verifyFixtures + "/healthy/setting.yaml", "-o", "examples"])
        #expect(import_.status == 1)
        #expect(import_.stderr.contains("mignet: examples is a folder; -o names the spec file to write"))
    }

    @Test func verifyRefusesUnusableInputWithLocatedDiagnostics() throws {
        let directory = try FaultInjectionTests.folder([
            "empty-list.yaml": "apiVersion: v1\nkind: List\nitems: []\n",
            "bad-value.yaml": "apiVersion: harvesterhci.io/v1beta1\nkind: Setting\nmetadata:\n  name: vm-migration-network\nvalue: '{\"vlan\":100,'\n",
        ])
        let spec = MignetProcess.root + "/examples/ui-equivalent.yaml"
        let pods = Self.verifyFixtures + "/healthy/pods.yaml"
        let noSetting = try InProcess.run(["verify", spec, "--setting", "empty-list.yaml", "--pods", pods], in: directory)
        #expect(noSetting.status == 1)
        #expect(noSetting.stderr.contains("empty-list.yaml:1:1: error: no Setting named vm-migration-network in the file"), "\(noSetting.stderr)")
        #expect(noSetting.stderr.contains("[object-missing]"))
        let noPods = try InProcess.run(["verify", spec, "--setting", Self.verifyFixtures + "/healthy/setting.yaml", "--pods", "empty-list.yaml"], in: directory)
        #expect(noPods.status == 1)
        #expect(noPods.stderr.contains("empty-list.yaml:1:1: error: no virt-handler pod in the file"), "\(noPods.stderr)")
        let badValue = try InProcess.run(["verify", spec, "--setting", "bad-value.yaml", "--pods", pods], in: directory)
        #expect(badValue.status == 1)
        #expect(badValue.stderr.contains("bad-value.yaml:5:8: error: the setting's value cannot be read as Harvester reads it"), "\(badValue.stderr)")
    }

    @Test func exitStatusesAreAsDocumented() throws {
        let bare = try InProcess.run([])
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("USAGE: mignet <subcommand>"))
        let help = try InProcess.run(["--help"])
        #expect(help.status == 0)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("2 check found the output stale, verify or preflight a failed check, or plan a change --fail-on names; 64 wrong arguments"), "\(words)")
        let checkHelp = try InProcess.run(["check", "--help"])
        // -o is optional only because a repository file may name the output folder.
        let checkWords = checkHelp.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(checkWords.contains("[--output <DIR>]") && checkWords.contains("(default: the repository file's)"), "\(checkHelp.stdout)")
    }

    @Test func nothingPassesSilently() throws {
        let directory = try FaultInjectionTests.folder([
            "empty/README.md": "nothing here\n",
            "other/notes.yaml": "a: 1\n",
            "near/cluster.yaml": "apiVersion: mignet/v1\nkind: MigrationNetwrok\nmetadata:\n  name: x\n",
            "specs/c.yaml": MignetProcess.spec("c"),
        ])
        let none = try InProcess.run(["validate", "empty", "other", "specs"], in: directory)
        #expect(none.status == 1)
        #expect(none.stderr.contains("empty:1:1: error: no spec found here: no *.yaml or *.yml file declares kind: MigrationNetwork"), "\(none.stderr)")
        #expect(none.stderr.contains("other:1:1: error: no spec found here") && !none.stderr.contains("specs:1:1"))
        let near = try InProcess.run(["validate", "near"], in: directory)
        #expect(near.status == 1)
        #expect(near.stderr.contains("near/cluster.yaml:2:7: warning: kind 'MigrationNetwrok' is not MigrationNetwork, so this file was not read as a spec"), "\(near.stderr)")
        #expect(near.stderr.contains("[kind-near-miss]"))
        // check says when all is well, and how to update when it is not.
        #expect(try InProcess.run(["render", "specs", "-o", "out", "--delivery", "fleet"], in: directory).status == 0)
        let upToDate = try InProcess.run(["check", "specs", "-o", "out", "--delivery", "fleet"], in: directory)
        #expect(upToDate.stderr == "mignet: out is up to date\n")
        try MignetProcess.spec("c", vlan: 200).write(toFile: directory + "/specs/c.yaml", atomically: false, encoding: .utf8)
        let stale = try InProcess.run(["check", "-q", "specs", "-o", "out", "--delivery", "fleet"], in: directory)
        #expect(stale.status == 2)
        #expect(stale.stderr.hasSuffix("to write what is missing or changed, run: mignet render specs -o out --delivery fleet\n"), "\(stale.stderr)")
    }

    @Test func anOutputThatIsAFileIsCalledOne() throws {
        let directory = try FaultInjectionTests.folder(["c.yaml": MignetProcess.spec("c"), "out": "a file\n"])
        let outcome = try InProcess.run(["render", "c.yaml", "-o", "out"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("mignet: cannot write into out: it is a regular file, not a folder\n"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("symbolic link"))
    }

    @Test func theSameFileGivenTwiceIsReadOnce() throws {
        let outcome = try InProcess.run(["validate", "examples/dedicated.yaml", "examples/../examples/dedicated.yaml", "examples/gitops-repo/clusters", "examples/gitops-repo"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("duplicate-name"))
    }

    @Test func anUnreadableDefaultsFileIsNamedOnce() throws {
        let directory = try FaultInjectionTests.folder(["c.yaml": MignetProcess.spec("c", extra: "defaults: missing.yaml\n")])
        let outcome = try InProcess.run(["validate", "c.yaml"], in: directory)
        #expect(outcome.stderr.contains("c.yaml:3:11: error: cannot read defaults file 'missing.yaml': No such file or directory;"), "\(outcome.stderr)")
    }

    @Test func warningsAsErrorsMeansTheSameEverywhere() throws {
        let directory = try MignetProcess.temporaryDirectory()
        // A live value on mgmt imports with a warning: under --warnings-as-errors nothing is written.
        let setting = "apiVersion: harvesterhci.io/v1beta1\nkind: Setting\nmetadata:\n  name: vm-migration-network\nvalue: '{\"clusterNetwork\":\"mgmt\",\"vlan\":100,\"range\":\"10.1.2.0/24\",\"exclude\":[]}'\n"
        try setting.write(toFile: directory + "/setting.yaml", atomically: false, encoding: .utf8)
        let imported = try InProcess.run(["import", "setting.yaml", "--nodes", "3", "-o", "spec.yaml", "--warnings-as-errors"], in: directory)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("[cluster-network-mgmt]"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/spec.yaml"))
        let verify = try InProcess.run(["verify", MignetProcess.root + "/examples/management-network.yaml", "--warnings-as-errors",
                                            "--setting", Self.verifyFixtures + "/healthy/setting.yaml", "--pods", Self.verifyFixtures + "/healthy/pods.yaml"])
        #expect(verify.status == 1)
        #expect(verify.stdout.isEmpty)
    }

    @Test func initNamesItsProfileAndTheNextSteps() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let outcome = try InProcess.run(["init", "repo", "--delivery", "argocd"], in: directory)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("mignet: set up repo for the argocd delivery profile; next:"))
        for step in ["put mignet 0.1.0 on PATH", "git init", "pre-commit install", "replace https://REPLACE-WITH-YOUR-MIGNET-RELEASES-URL in .github/workflows/mignet.yaml",
                     "mignet render clusters -o rendered --delivery argocd"] {
            #expect(outcome.stderr.contains(step), "\(step)")
        }
        // Given the releases URL and a version, the steps and the files say so.
        let pinned = try InProcess.run(["init", "pinned", "--version", "0.2.0", "--releases-url", "https://releases.example.com/mignet/"], in: directory)
        #expect(pinned.status == 0)
        #expect(pinned.stderr.contains("put mignet 0.2.0 on PATH") && !pinned.stderr.contains("REPLACE-WITH-YOUR-MIGNET-RELEASES-URL"))
        let workflow = try String(contentsOfFile: directory + "/pinned/.github/workflows/mignet.yaml", encoding: .utf8)
        #expect(workflow.contains("  MIGNET_VERSION: \"0.2.0\"\n  MIGNET_RELEASES_URL: \"https://releases.example.com/mignet\"\n"))
        #expect(try String(contentsOfFile: directory + "/pinned/mignet.yaml", encoding: .utf8).hasSuffix("minimumVersion: 0.2.0\n"))
        for (option, value) in [("--version", "latest"), ("--releases-url", "ftp://x/y"), ("--releases-url", "https://host/$(id)")] {
            let refused = try InProcess.run(["init", "refused", option, value], in: directory)
            #expect(refused.status == 64, "\(option) \(value)")
        }
        let spec = try String(contentsOfFile: directory + "/repo/clusters/my-cluster.yaml", encoding: .utf8)
        #expect(spec.contains("`mignet render clusters -o rendered --delivery argocd`"))
    }
}
