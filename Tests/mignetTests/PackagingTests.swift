import Foundation
@testable import MigNetYAML
import Testing

/// What a release ships, as `.ci/run`'s packaging step built it before the tests
/// (`scripts/release.sh`, with `MIGNET_RELEASES_URL` set; its folder in `MIGNET_DIST`): the
/// tarball laid out as a prefix, needing only the C library, with its checksum, its man page and
/// completions from the command tree, and the krew manifest that describes it. `swift test` alone
/// builds no release (minutes on 2 cores): these tests then skip, and fail where integration is
/// required.
@Suite(.enabled(if: Integration.runsPackaging, "MIGNET_DIST is not set: run scripts/release.sh DIR, then MIGNET_DIST=DIR swift test (.ci/run does)"))
struct PackagingTests {
    /// What the C library is made of on Linux: the only libraries the binary may still load.
    static func isCLibrary(_ name: String) -> Bool {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return ["linux-vdso.so.", "linux-gate.so.", "libc.so.", "libm.so.", "libpthread.so.", "libdl.so.", "librt.so.", "ld-linux"].contains { base.hasPrefix($0) }
    }

    /// The release's folder, version, tarball name and the tarball unpacked.
    struct Release {
        var dist: String
        var version: String
        var name: String
        var prefix: String
    }

    static func release() throws -> Release {
        let dist = try #require(Integration.dist, "MIGNET_DIST is required (MIGNET_REQUIRE_INTEGRATION=1): .ci/run's packaging step sets it")
        let version = try MignetProcess.run(["--version"]).stdout.trimmingCharacters(in: .newlines)
        let name = "mignet-\(version)-linux-" + (try MignetProcess.runTool("/usr/bin/uname", ["-m"]).stdout.trimmingCharacters(in: .newlines))
        let unpacked = try MignetProcess.temporaryDirectory()
        let tar = try MignetProcess.runTool("/bin/tar", ["-xzf", "\(dist)/\(name).tar.gz", "-C", unpacked])
        #expect(tar.status == 0, "\(tar.stderr)")
        return Release(dist: dist, version: version, name: name, prefix: "\(unpacked)/\(name)")
    }

    @Test func theTarballIsAPrefixThatNeedsOnlyTheCLibrary() throws {
        let release = try Self.release()
        #expect(!release.version.isEmpty && !release.version.contains(" "))
        let sum = try MignetProcess.runTool("/usr/bin/sha256sum", ["-c", release.name + ".tar.gz.sha256"], in: release.dist)
        #expect(sum.status == 0 && sum.stdout == "\(release.name).tar.gz: OK\n", "\(sum.stdout)\(sum.stderr)")
        let listed = try MignetProcess.runTool("/bin/tar", ["-tzf", "\(release.dist)/\(release.name).tar.gz"]).stdout
            .split(separator: "\n").map { String($0.dropFirst(release.name.count + 1)) }.filter { !$0.isEmpty && !$0.hasSuffix("/") }
        #expect(listed.filter { !$0.hasPrefix("share/doc/mignet/docs/") } == ["bin/mignet", "share/bash-completion/completions/mignet", "share/doc/mignet/README.md",
                                                                             "share/fish/vendor_completions.d/mignet.fish", "share/man/man1/mignet.1", "share/zsh/site-functions/_mignet"])
        // The documentation as the README links it: every page of docs/.
        #expect(listed.contains("share/doc/mignet/docs/reference/diagnostics.md") && listed.contains("share/doc/mignet/docs/installing.md"))
        let binary = release.prefix + "/bin/mignet"

        // ldd: nothing but the C library.
        let ldd = try MignetProcess.runTool("/usr/bin/ldd", [binary])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        let libraries = ldd.stdout.split(separator: "\n").compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) }
        #expect(libraries.contains { $0.hasPrefix("libc.so.") })
        #expect(libraries.allSatisfy(Self.isCLibrary), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains("libyaml") && !ldd.stdout.contains("libstdc++") && !ldd.stdout.contains("libswift") && !ldd.stdout.contains("libgcc_s"))

        // The installed binary is mignet: same version, same bytes out.
        #expect(try MignetProcess.runTool(binary, ["--version"]).stdout == release.version + "\n")
        let installed = try MignetProcess.runTool(binary, ["render", "examples/dedicated.yaml"])
        let built = try MignetProcess.run(["render", "examples/dedicated.yaml"])
        #expect(installed.status == 0 && installed.stdout == built.stdout)
    }

    /// Bash loads the completion script and completes a subcommand and `--delivery`'s values, as
    /// bash-completion calls the function (`_mignet COMMAND CURRENT PREVIOUS`).
    @Test func bashCompletesSubcommandsAndProfiles() throws {
        let release = try Self.release()
        let script = """
            set -e
            PATH="\(release.prefix)/bin:$PATH"
            source "\(release.prefix)/share/bash-completion/completions/mignet"
            complete -p mignet
            complete_line() {
                COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$1"
                case "$1" in *" ") COMP_WORDS+=("") ;; esac
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
                _mignet mignet "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
            }
            echo "== ren"; complete_line "mignet ren"
            echo "== delivery"; complete_line "mignet render --delivery "
            """
        let outcome = try MignetProcess.runTool("/bin/bash", ["-c", script])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "complete -o filenames -F _mignet mignet\n== ren\nrender\n== delivery\nargocd\nfleet\nkubectl\n", "\(outcome.stdout)")
    }

    /// zsh's completion system, in an interactive zsh on a pseudo-terminal (zsh/zpty), offers the
    /// same completions from `_mignet` found on `fpath`.
    @Test(.enabled(if: Integration.zsh != nil || Integration.required, "zsh is not on PATH"))
    func zshCompletesSubcommandsAndProfiles() throws {
        let zsh = try #require(Integration.zsh, "zsh is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
        let release = try Self.release()
        // Each match compadd adds is printed on a line of its own; the shell exits after completing.
        let capture = """
            zmodload zsh/zpty || exit 2
            zpty session zsh -f -i
            zpty -w session "PROMPT=''; PATH=$2:\\$PATH; fpath=($1 \\$fpath); autoload -Uz compinit; compinit -u -D"
            zpty -w session "bindkey '^I' complete-word; zstyle ':completion:*' insert-tab false"
            zpty -w session 'comppostfuncs=(exit)'
            zpty -w session 'compadd() { if [[ ${@[(I)-[OAD]]} -gt 0 ]]; then builtin compadd "$@"; return; fi; local -a found; builtin compadd -A found "$@"; print -rl -- "" "match: "${^found}; builtin compadd "$@" }'
            zpty -w session "$3"$'\\t'
            local output chunk
            while zpty -r session chunk; do output+=$chunk; done
            print -r -- ${output//$'\\r'/}
            """
        let file = try MignetProcess.temporaryDirectory() + "/complete.zsh"
        try capture.write(toFile: file, atomically: true, encoding: .utf8)
        for (line, expected) in [("mignet ren", ["render"]), ("mignet render --delivery ", ["argocd", "fleet", "kubectl"])] {
            let outcome = try MignetProcess.runTool("/usr/bin/timeout", ["30", zsh, "-f", file, release.prefix + "/share/zsh/site-functions", release.prefix + "/bin", line])
            let matches = Set(outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("match: ") }.map { String($0.dropFirst(7)) })
            #expect(matches == Set(expected), "\(line): \(outcome.stdout.debugDescription)")
        }
    }

    /// `man -l` renders the page without a warning, and it documents every command.
    @Test(.enabled(if: Integration.man != nil || Integration.required, "man is not on PATH"))
    func theManPageRenders() throws {
        let man = try #require(Integration.man, "man is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
        let release = try Self.release()
        let page = release.prefix + "/share/man/man1/mignet.1"
        let rendered = try MignetProcess.runTool(man, ["--warnings", "-l", page], environment: ["MANWIDTH": "100", "PATH": "/usr/bin:/bin"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.stderr.isEmpty, "\(rendered.stderr)")
        #expect(rendered.stdout.contains("MIGNET(1)"))
        for command in ["render", "check", "validate", "explain", "plan", "preflight", "import", "verify", "init", "schema", "argocd-plugin", "krm"] {
            #expect(rendered.stdout.contains("\n     \(command)"), "\(command)")
        }
    }

    /// The krew manifest names the tarball it sits beside: its URL under the releases URL, its
    /// SHA-256, and the binary's path inside it.
    @Test func theKrewManifestDescribesTheTarball() throws {
        let release = try Self.release()
        let text = try String(contentsOfFile: release.dist + "/krew/mignet.yaml", encoding: .utf8)
        let parsed = YAMLDocument(parsing: Array(text.utf8))
        #expect(parsed.problems.isEmpty)
        let root = try #require(parsed.root?.pairs)
        func value(_ node: YAMLNode?, _ path: String...) -> String? {
            var node = node
            for key in path { node = node?.pairs?.first { $0.key == key }?.value }
            return node?.scalar?.value
        }
        #expect(root.map(\.key) == ["apiVersion", "kind", "metadata", "spec"])
        #expect(value(parsed.root, "apiVersion") == "krew.googlecontainertools.github.com/v1alpha2")
        #expect(value(parsed.root, "kind") == "Plugin")
        #expect(value(parsed.root, "metadata", "name") == "mignet")
        #expect(value(parsed.root, "spec", "version") == "v" + release.version)
        #expect(value(parsed.root, "spec", "shortDescription")?.isEmpty == false)
        let platforms = try #require(parsed.root?.pairs?.first { $0.key == "spec" }?.value.pairs?.first { $0.key == "platforms" }?.value.items)
        #expect(platforms.count == 1)
        let platform = platforms[0]
        #expect(value(platform, "selector", "matchLabels", "os") == "linux")
        #expect(["amd64", "arm64"].contains(value(platform, "selector", "matchLabels", "arch") ?? ""))
        let uri = try #require(value(platform, "uri"))
        #expect(uri.hasSuffix("/v\(release.version)/\(release.name).tar.gz"), "\(uri)")
        let sum = try String(contentsOfFile: "\(release.dist)/\(release.name).tar.gz.sha256", encoding: .utf8).prefix(64)
        #expect(value(platform, "sha256") == String(sum))
        let bin = try #require(value(platform, "bin"))
        #expect(FileManager.default.isExecutableFile(atPath: (release.prefix as NSString).deletingLastPathComponent + "/" + bin), "\(bin)")
    }

    /// The sidecar image `scripts/image.sh` built from the tarball: mignet runs in it as user 999
    /// from `PATH`, the plugin's `discover` and `generate` work in a copied repository as
    /// argocd-cmp-server runs them, and its one layer holds the binary, the C library files it
    /// links and `/tmp`, nothing else.
    @Test(.enabled(if: Integration.buildah != nil || Integration.required, "buildah is not on PATH"))
    func theSidecarImageRunsThePluginAndHoldsOnlyWhatItNeeds() throws {
        let buildah = try #require(Integration.buildah, "buildah is required (MIGNET_REQUIRE_INTEGRATION=1) but is not on PATH")
        let release = try Self.release()
        let archive = "\(release.dist)/mignet-\(release.version)-image-linux-\(release.name.split(separator: "-").last!).oci.tar"
        let digest = try String(contentsOfFile: archive + ".digest", encoding: .utf8)
        #expect(digest.hasPrefix("sha256:") && digest.count == 7 + 64 + 1)
        let storage = ["--storage-driver", "vfs"]

        // The layer: exactly the binary, the C library files and /tmp.
        let unpacked = try MignetProcess.temporaryDirectory()
        #expect(try MignetProcess.runTool("/bin/tar", ["-xf", archive, "-C", unpacked]).status == 0)
        let index = try String(contentsOfFile: unpacked + "/index.json", encoding: .utf8)
        #expect(index.contains("\"digest\":\"\(digest.trimmingCharacters(in: .newlines))\""))
        #expect(index.contains("\"org.opencontainers.image.ref.name\":\"mignet:\(release.version)\""))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: unpacked + "/blobs/sha256/" + digest.dropFirst(7).trimmingCharacters(in: .newlines)))) as? [String: Any])
        let layers = try #require(manifest["layers"] as? [[String: Any]])
        #expect(layers.count == 1)
        let layerDigest = try #require(layers.first?["digest"] as? String)
        let layer = unpacked + "/blobs/sha256/" + layerDigest.dropFirst(7)
        let entries = try MignetProcess.runTool("/bin/tar", ["-tzvf", layer]).stdout.split(separator: "\n").map { line in
            (line.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) ?? "", line.first == "d")
        }
        let files = Set(entries.filter { !$0.1 }.map(\.0))
        #expect(files.contains("usr/local/bin/mignet"))
        #expect(files.filter { $0 != "usr/local/bin/mignet" }.allSatisfy { Self.isCLibrary($0) }, "\(files)")
        #expect(files.contains { $0.contains("libc.so.") } && files.contains { $0.contains("ld-linux") })
        let folders = Set(entries.filter(\.1).map(\.0))
        #expect(folders.contains("tmp"))
        #expect(folders.allSatisfy { folder in folder == "tmp" || files.contains { $0.hasPrefix(folder + "/") } }, "\(folders)")
        let configDigest = try #require((manifest["config"] as? [String: Any])?["digest"] as? String)
        let config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: unpacked + "/blobs/sha256/" + configDigest.dropFirst(7)))) as? [String: Any])
        let settings = try #require(config["config"] as? [String: Any])
        #expect(settings["User"] as? String == "999")
        #expect(settings["Env"] as? [String] == ["PATH=/usr/local/bin"])
        #expect(settings["Entrypoint"] == nil)

        // Run in it, against a copy of the repository readable by user 999.
        let repository = try MignetProcess.temporaryDirectory()
        try FileManager.default.copyItem(atPath: MignetProcess.root + "/examples", toPath: repository + "/examples")
        #expect(try MignetProcess.runTool("/bin/chmod", ["-R", "a+rX", repository]).status == 0)
        let from = try MignetProcess.runTool(buildah, storage + ["from", "--quiet", "oci-archive:" + archive])
        #expect(from.status == 0, "\(from.stderr)")
        let container = from.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        defer {
            _ = try? MignetProcess.runTool(buildah, storage + ["rm", container])
            _ = try? MignetProcess.runTool(buildah, storage + ["rmi", "localhost/mignet:\(release.version)"])
        }
        func run(_ arguments: [String], environment: [String] = []) throws -> MignetProcess.Outcome {
            try MignetProcess.runTool(buildah, storage + ["run", "--isolation", "chroot", "-v", repository + ":/tmp/repo:ro",
                                                          "--workingdir", "/tmp/repo/examples/gitops-repo/clusters"]
                                      + environment.flatMap { ["--env", $0] } + [container, "--"] + arguments)
        }
        #expect(try run(["mignet", "--version"]).stdout == release.version + "\n")
        #expect(try run(["mignet", "argocd-plugin", "discover"]).stdout == "berlin.yaml\nlab.yaml\nparis.yaml\n")
        let generated = try run(["mignet", "argocd-plugin", "generate"], environment: ["ARGOCD_ENV_CLUSTER=berlin", "ARGOCD_ENV_SPEC=berlin.yaml", "ARGOCD_APP_SOURCE_PATH=examples/gitops-repo/clusters"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout == (try MignetProcess.run(["render", "--delivery", "argocd", "--cluster", "berlin", "examples/gitops-repo/clusters"])).stdout)
    }

    /// A loopback HTTP server (python's http.server) serving `folder` on a port of its choosing,
    /// which it writes to a file; stopped by `stop()`.
    final class LoopbackServer {
        let process = Process()
        let port: Int

        init(serving folder: String) throws {
            let python = try #require(MignetProcess.which("python3"))
            let portFile = try MignetProcess.temporaryDirectory() + "/port"
            let server = """
                import functools, http.server, sys
                handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
                with open(sys.argv[2] + ".new", "w") as handle:
                    handle.write(str(server.server_address[1]))
                import os; os.rename(sys.argv[2] + ".new", sys.argv[2])
                server.serve_forever()
                """
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", server, folder, portFile]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var port: Int?
            for _ in 0..<200 where port == nil {
                port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
                if port == nil { usleep(50_000) }
            }
            self.port = try #require(port, "the loopback server did not start")
        }

        /// Stops the server: killed (Foundation's `terminate` and `waitUntilExit` can leave it
        /// running or wait forever here), its exit polled.
        func stop() {
            kill(process.processIdentifier, SIGKILL)
            for _ in 0..<100 where process.isRunning { usleep(50_000) }
        }
    }

    /// The CI jobs `init` writes download the pinned release and check its SHA-256, for real:
    /// against a loopback server holding what scripts/release.sh built, a good checksum installs
    /// mignet (and a second run uses the cache), a wrong one fails the job script with nothing
    /// installed, and the placeholder URL fails it with a message.
    @Test func theCIJobsDownloadAndVerifyThePinnedRelease() throws {
        let release = try Self.release()
        let served = try MignetProcess.temporaryDirectory()
        let folder = served + "/releases/v" + release.version
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in [release.name + ".tar.gz", release.name + ".tar.gz.sha256"] {
            try FileManager.default.copyItem(atPath: release.dist + "/" + file, toPath: folder + "/" + file)
        }
        let server = try LoopbackServer(serving: served)
        defer { server.stop() }
        let releases = "http://127.0.0.1:\(server.port)/releases"

        /// The install step of each CI system, as `init` wrote it, with the variables its job sets.
        func installSteps(_ repository: String) throws -> [(system: String, script: String, variables: [String: String])] {
            func parse(_ path: String) throws -> YAMLNode {
                try #require(YAMLDocument(parsing: Array(try String(contentsOfFile: repository + "/" + path, encoding: .utf8).utf8)).root)
            }
            func child(_ node: YAMLNode?, _ key: String) -> YAMLNode? { node?.pairs?.first { $0.key == key }?.value }
            func scalars(_ node: YAMLNode?) -> [String: String] {
                Dictionary(uniqueKeysWithValues: (node?.pairs ?? []).compactMap { pair in pair.value.scalar.map { (pair.key, $0.value) } })
            }
            let workflow = try parse(".github/workflows/mignet.yaml")
            let steps = child(child(child(workflow, "jobs"), "check"), "steps")?.items ?? []
            let github = try #require(steps.first { child($0, "name")?.scalar?.value == "Install mignet" }.flatMap { child($0, "run")?.scalar?.value })
            let gitlab = try parse(".gitlab-ci.yml")
            let before = try #require(child(child(gitlab, ".mignet-install"), "before_script")?.items?.first?.scalar?.value)
            var gitlabVariables = scalars(child(child(gitlab, ".mignet-install"), "variables"))
            gitlabVariables["MIGNET_CACHE"] = nil
            return [("github", github, scalars(child(workflow, "env"))), ("gitlab", before + "command -v mignet\n", gitlabVariables)]
        }

        func run(_ step: (system: String, script: String, variables: [String: String]), home: String) throws -> MignetProcess.Outcome {
            var environment = step.variables
            environment["PATH"] = "/usr/bin:/bin"
            environment["HOME"] = home
            environment["GITHUB_PATH"] = home + "/github-path"
            environment["MIGNET_CACHE"] = home + "/.mignet-cache"
            return try MignetProcess.runTool(step.system == "github" ? "/bin/bash" : "/bin/sh", [step.system == "github" ? "-ec" : "-c", step.script], environment: environment, in: home)
        }

        let repository = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try MignetProcess.run(["init", repository, "--releases-url", releases]).status == 0)
        for step in try installSteps(repository) {
            let home = try MignetProcess.temporaryDirectory()
            let installed = try run(step, home: home)
            #expect(installed.status == 0, "\(step.system): \(installed.stdout)\(installed.stderr)")
            #expect(installed.stdout.contains("\(release.name).tar.gz: OK\n"), "\(step.system): \(installed.stdout)")
            let prefix = step.system == "github" ? home + "/.cache/mignet/" + release.version : home + "/.mignet-cache/" + release.version
            if step.system == "github" {
                #expect(try String(contentsOfFile: home + "/github-path", encoding: .utf8) == prefix + "/bin\n")
            } else {
                #expect(installed.stdout.hasSuffix(prefix + "/bin/mignet\n"), "\(installed.stdout)")
            }
            #expect(try MignetProcess.runTool(prefix + "/bin/mignet", ["--version"]).stdout == release.version + "\n")
            // The cache serves the next run without a download.
            let again = try run(step, home: home)
            #expect(again.status == 0 && !again.stdout.contains(": OK"), "\(step.system): \(again.stdout)\(again.stderr)")
        }

        // A checksum that does not match: the job fails, nothing is installed.
        let sumFile = folder + "/" + release.name + ".tar.gz.sha256"
        let good = try String(contentsOfFile: sumFile, encoding: .utf8)
        try (String(repeating: "0", count: 64) + good.dropFirst(64)).write(toFile: sumFile, atomically: true, encoding: .utf8)
        for step in try installSteps(repository) {
            let home = try MignetProcess.temporaryDirectory()
            let refused = try run(step, home: home)
            #expect(refused.status != 0, "\(step.system)")
            #expect(refused.stdout.contains("\(release.name).tar.gz: FAILED"), "\(step.system): \(refused.stdout)")
            #expect(!FileManager.default.fileExists(atPath: home + "/.cache/mignet/" + release.version) && !FileManager.default.fileExists(atPath: home + "/.mignet-cache/" + release.version))
        }

        // Until the releases URL is set, the jobs fail saying so.
        let unset = try MignetProcess.temporaryDirectory() + "/repo"
        #expect(try MignetProcess.run(["init", unset]).status == 0)
        for step in try installSteps(unset) {
            let failed = try run(step, home: try MignetProcess.temporaryDirectory())
            #expect(failed.status == 1, "\(step.system)")
            #expect(failed.stderr.hasPrefix("mignet: set MIGNET_RELEASES_URL to where mignet releases are downloaded from"), "\(step.system): \(failed.stderr)")
        }
    }
}
