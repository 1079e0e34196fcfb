import Foundation
import MigNetCLI
import MigNetTestSupport
@testable import MigNetYAML
import Testing

/// mignet's Argo CD Config Management Plugin, run as argocd-cmp-server runs it (argo-cd
/// cmpserver/plugin/plugin.go and reposerver/repository/repository.go): the command and arguments
/// from plugin.yaml, looked up on the sidecar's PATH; the working folder the Application's source
/// path inside a fresh copy of the repository (no `.git`); the sidecar's environment plus the build
/// environment (ARGOCD_APP_*, KUBE_VERSION, KUBE_API_VERSIONS), the plugin env entries prefixed
/// ARGOCD_ENV_, and the parameters as ARGOCD_APP_PARAMETERS and PARAM_<NAME>.
@Suite struct ArgoCDPluginTests {
    static let sourcePath = "examples/gitops-repo/clusters"

    /// The command line of `spec.<stage>` in the plugin.yaml `init` writes (command then args).
    static func command(_ stage: [String]) throws -> [String] {
        let text = try String(contentsOfFile: MignetProcess.root + "/templates/argocd-plugin/plugin.yaml", encoding: .utf8)
        var node = try #require(YAMLDocument(parsing: Array(text.utf8)).root)
        for key in ["spec"] + stage {
            node = try #require(node.pairs?.first { $0.key == key }?.value, "plugin.yaml has no \(key)")
        }
        var line = try #require(node.pairs?.first { $0.key == "command" }?.value.items).compactMap { $0.scalar?.value }
        line += (node.pairs?.first { $0.key == "args" }?.value.items ?? []).compactMap { $0.scalar?.value }
        return line
    }

    /// A copy of the example repository as the CMP server unpacks it, and the application folder.
    static func workFolder() throws -> (work: String, app: String) {
        let work = try MignetProcess.temporaryDirectory() + "/_cmp_server/6f1c2a9e"
        let manager = FileManager.default
        try manager.createDirectory(atPath: work + "/examples", withIntermediateDirectories: true)
        try manager.copyItem(atPath: MignetProcess.root + "/examples/gitops-repo", toPath: work + "/examples/gitops-repo")
        try manager.removeItem(atPath: work + "/examples/gitops-repo/rendered")
        return (work, work + "/" + sourcePath)
    }

    /// The environment argocd-cmp-server gives the command: the sidecar's, then the entries the
    /// repo-server sends, in its order.
    static func environment(env: [String: String] = [:], parameters: String? = "null", extra: [String: String] = [:]) -> [String: String] {
        let binFolder = URL(fileURLWithPath: MignetProcess.binary).deletingLastPathComponent().path
        let revision = "0f3a9c5e1d2b4a6c8e0f1a2b3c4d5e6f7a8b9c0d"
        var environment = [
            "PATH": binFolder + ":/usr/local/bin:/usr/bin:/bin", "HOME": "/home/argocd", "ARGOCD_EXEC_TIMEOUT": "90s",
            "ARGOCD_APP_NAME": "migration-network-berlin", "ARGOCD_APP_NAMESPACE": "argocd", "ARGOCD_APP_PROJECT_NAME": "default",
            "ARGOCD_APP_REVISION": revision, "ARGOCD_APP_REVISION_SHORT": String(revision.prefix(7)), "ARGOCD_APP_REVISION_SHORT_8": String(revision.prefix(8)),
            "ARGOCD_APP_SOURCE_REPO_URL": "https://git.example.com/infra.git", "ARGOCD_APP_SOURCE_PATH": sourcePath,
            "ARGOCD_APP_SOURCE_TARGET_REVISION": "HEAD", "KUBE_VERSION": "1.33.5", "KUBE_API_VERSIONS": "v1,apps/v1,batch/v1,k8s.cni.cncf.io/v1,harvesterhci.io/v1beta1,kubevirt.io/v1",
        ]
        for (name, value) in env { environment["ARGOCD_ENV_" + name] = value }
        if let parameters { environment["ARGOCD_APP_PARAMETERS"] = parameters }
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs a plugin.yaml command: its first word looked up on the sidecar's PATH, as Go's exec does.
    static func run(_ line: [String], in folder: String, environment: [String: String]) throws -> MignetProcess.Outcome {
        let path = ProcessRunner.which(line[0], path: environment["PATH"])
        return try MignetProcess.runTool(try #require(path), Array(line.dropFirst()), environment: environment, in: folder)
    }

    /// plugin.yaml holds what argocd-cmp-server's `ValidatePluginConfig` requires (kind, a name, a
    /// generate command) and only the keys its `PluginConfig` reads (argo-cd
    /// cmpserver/plugin/config.go; parameter announcements as apiclient.ParameterAnnouncement);
    /// without a version, the Application names the plugin by its name alone, as the
    /// ApplicationSet does.
    @Test func pluginYAMLIsWhatTheCMPServerReads() throws {
        let text = try String(contentsOfFile: MignetProcess.root + "/templates/argocd-plugin/plugin.yaml", encoding: .utf8)
        let root = try #require(YAMLDocument(parsing: Array(text.utf8)).root?.pairs)
        #expect(root.map(\.key) == ["apiVersion", "kind", "metadata", "spec"])
        #expect(root[0].value.scalar?.value == "argoproj.io/v1alpha1" && root[1].value.scalar?.value == "ConfigManagementPlugin")
        let name = try #require(root[2].value.pairs?.first { $0.key == "name" }?.value.scalar?.value)
        #expect(!name.isEmpty)
        let spec = try #require(root[3].value.pairs)
        #expect(Set(spec.map(\.key)).isSubset(of: ["version", "init", "generate", "discover", "parameters", "preserveFileMode", "provideGitCreds"]))
        #expect(!spec.contains { $0.key == "version" })
        #expect(!(try Self.command(["generate"])).isEmpty)
        let announcements = try #require(spec.first { $0.key == "parameters" }?.value.pairs?.first { $0.key == "static" }?.value.items)
        for announcement in announcements {
            let keys = Set((announcement.pairs ?? []).map(\.key))
            #expect(keys.isSubset(of: ["name", "title", "tooltip", "required", "itemType", "collectionType", "string", "array", "map"]))
        }
        let set = try String(contentsOfFile: MignetProcess.root + "/templates/argocd-plugin/applicationset.yaml", encoding: .utf8)
        #expect(set.contains("plugin:\n          name: \(name)\n"))
    }

    @Test func generatePrintsTheClusterOfTheEnvEntryAsTheArgoCDFolderHoldsIt() throws {
        let generate = try Self.command(["generate"])
        #expect(generate == ["mignet", "argocd-plugin", "generate"])
        let (_, app) = try Self.workFolder()
        for cluster in ["berlin", "lab", "paris"] {
            let outcome = try Self.run(generate, in: app, environment: Self.environment(env: ["CLUSTER": cluster]))
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stderr.isEmpty)
            // The same objects as the committed argocd folder (the kustomization less), in its order.
            let folder = MignetProcess.root + "/examples/gitops-repo/rendered/argocd/" + cluster
            let kustomization = try String(contentsOfFile: folder + "/kustomization.yaml", encoding: .utf8)
            let files = kustomization.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
            #expect(!files.isEmpty)
            let expected = try files.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined()
            #expect(outcome.stdout == expected, "\(cluster)")
        }
    }

    @Test func theParameterNamesTheClusterToo() throws {
        let (_, app) = try Self.workFolder()
        let generate = try Self.command(["generate"])
        let environment = Self.environment(parameters: #"[{"name":"cluster","string":"lab"}]"#, extra: ["PARAM_CLUSTER": "lab"])
        let outcome = try Self.run(generate, in: app, environment: environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == (try MignetProcess.run(["render", "--delivery", "argocd", "--cluster", "lab", Self.sourcePath]).stdout))
        #expect(outcome.stdout.contains("argocd.argoproj.io/sync-wave: \"0\""))

        let disagree = try Self.run(generate, in: app, environment: Self.environment(env: ["CLUSTER": "paris"], extra: ["PARAM_CLUSTER": "lab"]))
        #expect(disagree.status == 1)
        #expect(disagree.stdout.isEmpty)
        #expect(disagree.stderr.contains("disagree"))

        let unnamed = try Self.run(generate, in: app, environment: Self.environment())
        #expect(unnamed.status == 1)
        #expect(unnamed.stdout.isEmpty)
        #expect(unnamed.stderr.contains("holds 3 specs"))

        let unknown = try Self.run(generate, in: app, environment: Self.environment(env: ["CLUSTER": "oslo"]))
        #expect(unknown.status == 1)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no spec has metadata.name 'oslo'; the specs name 'berlin', 'lab', 'paris'"))
    }

    /// With its spec file (SPEC, as the ApplicationSet passes `path.filename`), generate reads
    /// that file and the defaults file it names and nothing else: no listing of a folder of
    /// hundreds of specs, and a broken sibling blocks nothing. The ApplicationSet's
    /// manifest-generate-paths, resolved from the source path as Argo CD resolves it, names
    /// exactly the files read.
    @Test func generateWithItsSpecFileReadsThatSpecAndItsDefaultsOnly() throws {
        let files = MemoryFileSystem(workingFolder: "/repo/clusters")
        let example = MignetProcess.root + "/examples/gitops-repo/"
        files.add("/repo/site-defaults.yaml", try String(contentsOfFile: example + "site-defaults.yaml", encoding: .utf8))
        for name in ["berlin", "lab", "paris"] {
            files.add("/repo/clusters/\(name).yaml", try String(contentsOfFile: example + "clusters/\(name).yaml", encoding: .utf8))
        }
        for index in 0..<300 { files.add("/repo/clusters/c\(index).yaml", MignetProcess.spec("c\(index)", vlan: 100 + index)) }
        files.add("/repo/clusters/broken.yaml", "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: broken\nspec:\n  vlan: 5000\n")
        var environment = Self.environment(env: ["CLUSTER": "berlin", "SPEC": "berlin.yaml"])
        environment["ARGOCD_APP_SOURCE_PATH"] = "clusters"
        let outcome = try InProcess.run(try Array(Self.command(["generate"]).dropFirst()), environment: environment, files: files)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout == (try MignetProcess.run(["render", "--delivery", "argocd", "--cluster", "berlin", Self.sourcePath]).stdout))
        let read = Set(files.looks)
        #expect(read == ["read /repo/clusters/berlin.yaml", "read /repo/site-defaults.yaml"], "\(files.looks)")

        // The template's annotation for this spec, as the ApplicationSet controller fills it in.
        let set = try String(contentsOfFile: MignetProcess.root + "/templates/argocd-plugin/applicationset.yaml", encoding: .utf8)
        let line = try #require(set.split(separator: "\n").first { $0.contains("argocd.argoproj.io/manifest-generate-paths:") })
        #expect(line.hasSuffix(#"'{{.path.filename}}{{ if hasKey . "defaults" }};{{ .defaults }}{{ end }}'"#))
        #expect(set.contains("- name: SPEC\n              value: '{{.path.filename}}'\n"))
        let annotation = "berlin.yaml;../site-defaults.yaml"
        let named = annotation.split(separator: ";").map { URL(fileURLWithPath: "/repo/clusters/" + $0).standardized.path }
        #expect(Set(named.map { "read " + $0 }) == read)
    }

    /// The kustomize generator plugin and the KRM function are given their one spec: they read
    /// it (or standard input) and its defaults file, never the folder around it.
    @Test func theKustomizeGeneratorAndTheKRMFunctionReadOneSpecToo() throws {
        let example = MignetProcess.root + "/examples/kustomize/krm-function/"
        let spec = try String(contentsOfFile: example + "migration-network.yaml", encoding: .utf8)
        func folder(stdin: String = "") throws -> MemoryFileSystem {
            let files = MemoryFileSystem(workingFolder: "/repo/site", standardInput: Array(stdin.utf8))
            files.add("/repo/site/site-defaults.yaml", try String(contentsOfFile: example + "site-defaults.yaml", encoding: .utf8))
            files.add("/repo/site/migration-network.yaml", spec)
            for index in 0..<300 { files.add("/repo/site/c\(index).yaml", MignetProcess.spec("c\(index)", vlan: 100 + index)) }
            return files
        }
        let generatorFiles = try folder()
        let generated = CommandLineTool.run(["migration-network.yaml"], as: "MigrationNetwork", environment: [:], files: generatorFiles)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("kind: NetworkAttachmentDefinition"))
        #expect(Set(generatorFiles.looks) == ["read /repo/site/migration-network.yaml", "read /repo/site/site-defaults.yaml"], "\(generatorFiles.looks)")

        let input = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\nfunctionConfig:\n" + spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        let krmFiles = try folder(stdin: input)
        let function = try InProcess.run(["krm"], files: krmFiles)
        #expect(function.status == 0, "\(function.stderr)")
        #expect(function.stdout.contains("kind: NetworkAttachmentDefinition"))
        #expect(krmFiles.looks == ["read /repo/site/site-defaults.yaml"], "\(krmFiles.looks)")
    }

    @Test func theSpecFileMustNameTheClusterAndLieInTheFolder() throws {
        let (_, app) = try Self.workFolder()
        let generate = try Self.command(["generate"])
        let other = try Self.run(generate, in: app, environment: Self.environment(env: ["CLUSTER": "berlin", "SPEC": "paris.yaml"]))
        #expect(other.status == 1)
        #expect(other.stdout.isEmpty)
        #expect(other.stderr == "mignet: paris.yaml has metadata.name 'paris', not the cluster 'berlin' asked for; the ApplicationSet's CLUSTER and SPEC must name the same spec\n")
        for outside in ["../site-defaults.yaml", "/etc/passwd", "a//b.yaml"] {
            let refused = try Self.run(generate, in: app, environment: Self.environment(env: ["CLUSTER": "berlin", "SPEC": outside]))
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("is not a path inside the Application's source folder"), "\(outside)")
        }
        // The spec file alone names its cluster; a parameter and an env entry must agree.
        let alone = try Self.run(generate, in: app, environment: Self.environment(env: ["SPEC": "lab.yaml"]))
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(alone.stdout == (try MignetProcess.run(["render", "--delivery", "argocd", "--cluster", "lab", Self.sourcePath]).stdout))
        let disagree = try Self.run(generate, in: app, environment: Self.environment(env: ["SPEC": "lab.yaml"], extra: ["PARAM_SPEC": "paris.yaml"]))
        #expect(disagree.status == 1)
        #expect(disagree.stderr.contains("the plugin parameter spec ('paris.yaml') and the env entry SPEC ('lab.yaml') disagree"))
    }

    /// An error in a spec fails the generation: nothing on stdout (Argo CD would prune
    /// everything an empty render leaves out), file:line:column on stderr.
    @Test func aSpecErrorFailsGenerationWithNothingOnStdout() throws {
        let (_, app) = try Self.workFolder()
        let file = app + "/paris.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "vlan: ", with: "vlan: 9").write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try Self.run(try Self.command(["generate"]), in: app, environment: Self.environment(env: ["CLUSTER": "berlin"]))
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("paris.yaml:"))
    }

    @Test func discoverMatchesAFolderHoldingASpecAndNothingElse() throws {
        let discover = try Self.command(["discover", "find"])
        #expect(discover == ["mignet", "argocd-plugin", "discover"])
        let (work, app) = try Self.workFolder()
        let matched = try Self.run(discover, in: app, environment: Self.environment())
        #expect(matched.status == 0)
        #expect(matched.stdout == "berlin.yaml\nlab.yaml\nparis.yaml\n")

        let other = work + "/charts"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n".write(toFile: other + "/configmap.yaml", atomically: true, encoding: .utf8)
        let unmatched = try Self.run(discover, in: other, environment: Self.environment())
        #expect(unmatched.status == 0)
        #expect(unmatched.stdout.isEmpty)
    }

    /// What `init --delivery argocd-plugin` writes: specs that validate, no rendered folder, an
    /// ApplicationSet whose Applications generate, and a kustomization that wires the sidecar.
    @Test func initWritesAPluginRepository() throws {
        let repo = try MignetProcess.temporaryDirectory() + "/new"
        let initialised = try MignetProcess.run(["init", repo, "--delivery", "argocd-plugin", "--repository", "https://git.example.com/infra.git", "--image", "registry.example.com/mignet:1"])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered"))
        #expect(try MignetProcess.run(["validate", "clusters"], in: repo).status == 0)
        let hooks = try String(contentsOfFile: repo + "/.pre-commit-config.yaml", encoding: .utf8)
        #expect(hooks.contains("entry: mignet validate clusters") && !hooks.contains("mignet-render"))
        let set = try String(contentsOfFile: repo + "/argocd-plugin/applicationset.yaml", encoding: .utf8)
        #expect(set.contains("name: mignet") && set.contains("- name: CLUSTER") && set.contains("path: clusters/*.yaml"))
        #expect(try String(contentsOfFile: repo + "/argocd-plugin/repo-server-patch.yaml", encoding: .utf8).contains("image: \"registry.example.com/mignet:1\""))
        // The Application the ApplicationSet makes for clusters/my-cluster.yaml.
        var environment = Self.environment(env: ["CLUSTER": "my-cluster"])
        environment["ARGOCD_APP_SOURCE_PATH"] = "clusters"
        let outcome = try Self.run(try Self.command(["generate"]), in: repo + "/clusters", environment: environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("kind: NetworkAttachmentDefinition") && outcome.stdout.contains("argocd.argoproj.io/sync-wave: \"1\""))
    }
}

/// The plugin's install kustomization builds with the real kustomize and wires the sidecar as
/// Argo CD's documentation says, against a stand-in for the upstream install manifests (their
/// repo-server Deployment's names: the container, the var-files and plugins volumes), since the
/// URL the kustomization names cannot be fetched here.
@Suite(.enabled(if: Integration.runsKubectl, "kubectl is not on PATH"))
struct ArgoCDPluginInstallTests {
    @Test func theSidecarPatchBuilds() throws {
        let kubectl = try #require(Integration.kubectl, "kubectl is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
        let repo = try MignetProcess.temporaryDirectory() + "/new"
        #expect(try MignetProcess.run(["init", repo, "--delivery", "argocd-plugin", "--image", "registry.example.com/mignet:1"]).status == 0)
        let folder = repo + "/argocd-plugin"
        let kustomization = try String(contentsOfFile: folder + "/kustomization.yaml", encoding: .utf8)
        let remote = try #require(kustomization.split(separator: "\n").first { $0.contains("manifests/install.yaml") })
        try kustomization.replacingOccurrences(of: String(remote), with: "  - install.yaml").write(toFile: folder + "/kustomization.yaml", atomically: true, encoding: .utf8)
        try """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: argocd-repo-server
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: argocd-repo-server
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: argocd-repo-server
                spec:
                  containers:
                    - name: argocd-repo-server
                      image: quay.io/argoproj/argocd:v3.5.1
                      volumeMounts:
                        - mountPath: /home/argocd/cmp-server/plugins
                          name: plugins
                  volumes:
                    - emptyDir: {}
                      name: var-files
                    - emptyDir: {}
                      name: plugins

            """.write(toFile: folder + "/install.yaml", atomically: true, encoding: .utf8)
        let built = try MignetProcess.runTool(kubectl, ["kustomize", folder])
        #expect(built.status == 0, "\(built.stderr)")
        let output = built.stdout
        #expect(output.contains("namespace: argocd"))
        #expect(output.contains("- /var/run/argocd/argocd-cmp-server"))
        #expect(output.contains("image: registry.example.com/mignet:1"))
        #expect(output.contains("runAsUser: 999"))
        #expect(output.contains("mountPath: /home/argocd/cmp-server/config/plugin.yaml"))
        // The generated ConfigMap's hashed name is the one the volume names.
        let name = try #require(output.split(separator: "\n").first { $0.hasPrefix("  name: mignet-plugin-") }).dropFirst(8)
        #expect(output.contains("name: \(name)\n") && output.components(separatedBy: String(name)).count == 3)
        #expect(output.contains("kind: ConfigManagementPlugin"))
        // The repo-server's own container is kept beside the sidecar.
        #expect(output.contains("image: quay.io/argoproj/argocd:v3.5.1"))
    }
}
