import Foundation
import Testing

/// The base of `plan`, read by object id with the working tree's limits.
extension PlanCommandTests {
    /// The base's symbolic link to a file outside the repository is warned about and neither
    /// followed nor quoted, as validate treats the same link in the working tree; a filter
    /// driver the repository's configuration names is never run; nothing is left on disk.
    @Test func theBaseIsReadByObjectIdWithoutFollowingLinksOrRunningFilters() throws {
        let directory = try Self.repository()
        let outside = try MignetProcess.temporaryDirectory()
        try "apiVersion: mignet/v1\nkind: MigrationNetwork\nsecret: do-not-print-me\n".write(toFile: outside + "/secret.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/clusters/linked.yaml", withDestinationPath: outside + "/secret.yaml")
        try "*.yaml filter=evil\n".write(toFile: directory + "/.gitattributes", atomically: true, encoding: .utf8)
        try Self.git(["add", "-A"], in: directory)
        try Self.git(["commit", "-q", "-m", "link and attributes"], in: directory)
        try Self.git(["config", "filter.evil.smudge", "touch \(outside)/smudged; cat"], in: directory)
        try Self.git(["config", "filter.evil.textconv", "touch \(outside)/textconv; cat"], in: directory)
        try Self.edit(directory + "/clusters/berlin.yaml") { $0 + "  vlan: 200\n" }
        let temporary = try MignetProcess.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary
        environment["HOME"] = directory
        let outcome = try MignetProcess.run(["plan", "clusters", "--base", "HEAD"], environment: environment, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("HEAD:clusters/linked.yaml:1:1: warning: this symbolic link was not followed"), "\(outcome.stderr)")
        #expect(!(outcome.stdout + outcome.stderr).contains("do-not-print-me"))
        #expect(!FileManager.default.fileExists(atPath: outside + "/smudged"), "a filter driver ran")
        #expect(!FileManager.default.fileExists(atPath: outside + "/textconv"), "a textconv driver ran")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "plan left files in the temporary folder")
    }

    /// A spec over 4 MiB at the base is an error, as in the working tree, not left out.
    @Test func aBaseSpecOverTheLimitIsAnError() throws {
        let directory = try Self.repository()
        let padding = String(repeating: "# padding padding padding padding padding padding padding\n", count: 80_000)
        try (MignetProcess.spec("huge") + padding).write(toFile: directory + "/clusters/huge.yaml", atomically: true, encoding: .utf8)
        try Self.git(["add", "-A"], in: directory)
        try Self.git(["commit", "-q", "-m", "huge"], in: directory)
        try FileManager.default.removeItem(atPath: directory + "/clusters/huge.yaml")
        let outcome = try plan(directory, ["--base", "HEAD"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("HEAD:clusters/huge.yaml:1:1: error: the file is"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("[input-too-large]"))
    }

    /// A repository git refuses (owned by another user) is reported in git's words, not as
    /// "not in a git checkout".
    @Test(.enabled(if: getuid() == 0, "needs root to give the repository to another user"))
    func aRepositoryGitRefusesIsSaidInGitsWords() throws {
        let directory = try Self.repository()
        #expect(chown(directory, 65534, 65534) == 0)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = try MignetProcess.temporaryDirectory()
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        let outcome = try MignetProcess.run(["plan", "clusters", "--base", "HEAD"], environment: environment, in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("git refused the repository"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("dubious ownership"), "\(outcome.stderr)")
    }
}

extension TrustAtEveryDoorTests {
    // MARK: 5. every surface that reads a spec escapes what it quotes

    /// Every way a spec reaches mignet, the sync-time ones included: a spec whose key holds an
    /// escape sequence, a line break and a fake workflow command is refused (exit 1) on each, and
    /// nothing of it reaches the output raw.
    static let specSurfaces: [(name: String, command: String)] = [
        ("validate", "\"$MIGNET\" validate c.yaml"),
        ("render", "\"$MIGNET\" render c.yaml -o out"),
        ("check", "\"$MIGNET\" check c.yaml -o out"),
        ("explain", "\"$MIGNET\" explain c.yaml"),
        ("plan", "\"$MIGNET\" plan c.yaml --base-dir ."),
        ("preflight", "\"$MIGNET\" preflight c.yaml --cluster '\(preflightFixtures)clusters/healthy'"),
        ("verify", "\"$MIGNET\" verify c.yaml --setting '\(verifyFixtures)setting.yaml' --pods '\(verifyFixtures)pods.yaml'"),
        ("argocd-plugin", "ARGOCD_ENV_CLUSTER=c \"$MIGNET\" argocd-plugin generate"),
        ("krm", "{ printf 'apiVersion: config.kubernetes.io/v1\\nkind: ResourceList\\nitems: []\\nfunctionConfig:\\n'; sed 's/^/  /' c.yaml; } | \"$MIGNET\" krm"),
        ("generator plugin", "ln -sf \"$MIGNET\" MigrationNetwork && ./MigrationNetwork c.yaml"),
    ]

    @Test(arguments: specSurfaces.map { $0.name })
    func aHostileSpecIsEscapedOnEverySurfaceThatReadsSpecs(surface: String) throws {
        let command = try #require(Self.specSurfaces.first { $0.name == surface }).command
        let directory = try MignetProcess.temporaryDirectory()
        let hostile = MignetProcess.spec("c") + "  \"k\\e[31m\\r\\n::error file=x::pwned\\u202E ##[group]\": 1\n"
        try hostile.write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        let outcome = try MignetProcess.shell(command, in: directory)
        #expect(outcome.status == 1, "\(surface): \(outcome.stdout)\(outcome.stderr)")
        #expect((outcome.stdout + outcome.stderr).contains("unknown-key") || (outcome.stdout + outcome.stderr).contains("unknown key"), "\(surface): \(outcome.stderr)")
        Self.expectSafe(outcome.stdout + outcome.stderr)
    }

    /// Guarantees 2 and 7 on every surface that reads a spec: a spec larger than any limit is
    /// refused unread (input-too-large), and a FIFO in a spec's place is refused without
    /// blocking (the KRM function reads its spec from standard input, which the shell fills, so
    /// it has no FIFO case).
    @Test(arguments: specSurfaces.map { $0.name })
    func aHugeSpecOrAFIFOIsRefusedOnEverySurfaceThatReadsSpecs(surface: String) throws {
        let command = try #require(Self.specSurfaces.first { $0.name == surface }).command
        let huge = try MignetProcess.temporaryDirectory()
        let padding = String(repeating: "# " + String(repeating: "x", count: 100) + "\n", count: 9 << 20 / 103 + 1)
        try (MignetProcess.spec("c") + padding).write(toFile: huge + "/c.yaml", atomically: true, encoding: .utf8)
        let tooLarge = try MignetProcess.shell(command, in: huge)
        #expect(tooLarge.status == 1, "\(surface): \(tooLarge.stderr.prefix(400))")
        #expect(tooLarge.stderr.contains("input-too-large") || tooLarge.stdout.contains("input-too-large") || tooLarge.stderr.contains("may be at most"),
                "\(surface): \(tooLarge.stderr.prefix(400))")
        guard surface != "krm" else { return }
        let fifo = try MignetProcess.temporaryDirectory()
        #expect(mkfifo(fifo + "/c.yaml", 0o644) == 0)
        let started = Date()
        let blocked = try MignetProcess.shell(command, in: fifo, seconds: 30)
        #expect(blocked.status == 1, "\(surface): \(blocked.stderr)")
        #expect(blocked.stderr.contains("not a regular file"), "\(surface): \(blocked.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    // MARK: 6. a ResourceList has its own limits

    /// A kustomization's ResourceList larger than a spec may be (6 MiB of items) and deeper
    /// (100 levels in an item) is rendered; the spec inside keeps a spec's rules.
    @Test func aLargeAndDeepResourceListIsRendered() throws {
        let spec = MignetProcess.spec("krm").split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        var deep = "x"
        for _ in 0..<100 { deep = "{a: \(deep)}" }
        let padding = (0..<60_000).map { "- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm\($0)}, data: {k: \"\(String(repeating: "v", count: 60))\"}}" }.joined(separator: "\n")
        let list = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n\(padding)\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: deep}, data: {k: v}, x: \(deep)}\nfunctionConfig:\n\(spec)\n"
        #expect(list.utf8.count > 4 << 20)
        let outcome = try MignetProcess.run(["krm"], stdin: list)
        #expect(outcome.status == 0, "\(outcome.stderr.prefix(500))")
        #expect(outcome.stdout.contains("kind: NetworkAttachmentDefinition"))
        #expect(outcome.stdout.contains("name: cm59999"))
    }

    // MARK: 7. init quotes what it writes and refuses what is not a URL or an image

    @Test func initQuotesItsValuesAndRefusesWhatIsNotOne() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let url = "https://git.example.com/infra.git#main"
        let written = try MignetProcess.run(["init", directory + "/repo", "--delivery", "argocd", "--repository", url])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: directory + "/repo/argocd/applicationset.yaml", encoding: .utf8).contains("repoURL: \"\(url)\"\n"))
        for (option, value, delivery) in [("--repository", "https://x/y.git\nkey: injected", "argocd"), ("--repository", "not a url", "fleet"),
                                          ("--repository", "https://example.com/a\"b", "argocd"), ("--image", "Registry/Mignet:1", "argocd-plugin"),
                                          ("--image", "mignet:1\n  command: [sh]", "argocd-plugin"), ("--image", "mignet:bad tag", "argocd-plugin")] {
            let refused = try MignetProcess.run(["init", directory + "/other", "--delivery", delivery, option, value])
            #expect(refused.status == 64, "\(option) \(value): \(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory + "/other"))
            TrustAtEveryDoorTests.expectSafe(refused.stderr)
        }
        for image in ["registry.example.com:5000/team/mignet:0.1.0", "mignet@sha256:" + String(repeating: "a", count: 64), "ghcr.io/o/mignet"] {
            let accepted = try MignetProcess.run(["init", try MignetProcess.temporaryDirectory(), "--delivery", "argocd-plugin", "--image", image])
            #expect(accepted.status == 0, "\(image): \(accepted.stderr)")
        }
    }

    // MARK: 8. what was left of the last round

    @Test func argumentsThatWouldBeMisreadAreRefused() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try MignetProcess.spec("c").write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        for arguments in [["render", "c.yaml", "-o", "a", "-o", "b"], ["check", "c.yaml", "--output", "a", "-o", "b"], ["check", "c.yaml", "-o", ""],
                          ["render", "c.yaml", "-o", ""], ["render", "c.yaml", "--delivery", "fleet", "--delivery=argocd"]] {
            let outcome = try MignetProcess.run(arguments, in: directory)
            #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory + "/a") && !FileManager.default.fileExists(atPath: directory + "/b"))
        }
        // A name that is not UTF-8 cannot be passed through the argument parser: said so.
        let named = try MignetProcess.shell("\"$MIGNET\" validate \"$(printf 'bad\\377.yaml')\"", in: directory)
        #expect(named.status == 64)
        #expect(named.stderr.contains("is not valid UTF-8"), "\(named.stderr)")
        // kustomize's generator plugin takes a file, never an option.
        let plugin = try MignetProcess.shell("ln -s \"$MIGNET\" MigrationNetwork && ./MigrationNetwork --help", in: directory)
        #expect(plugin.status == 64, "\(plugin.stderr)")
        #expect(plugin.stderr.contains("got the option '--help'"))
    }

    @Test func defaultsCannotReachOutsideFromTheRootOrStandardInput() throws {
        let directory = try MignetProcess.temporaryDirectory()
        let spec = MignetProcess.spec("c").replacingOccurrences(of: "kind: MigrationNetwork\n", with: "kind: MigrationNetwork\ndefaults: /proc/self/environ\n")
        try spec.write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        // From /, outside git: the repository is the spec's folder, never the file system's root.
        let fromRoot = try MignetProcess.run(["validate", directory + "/c.yaml"], in: "/")
        #expect(fromRoot.status == 1)
        #expect(fromRoot.stderr.contains("outside the spec repository"), "\(fromRoot.stderr)")
        // /dev/stdin is outside whatever it leads to, and says so.
        try spec.replacingOccurrences(of: "/proc/self/environ", with: "/dev/stdin").write(toFile: directory + "/d.yaml", atomically: true, encoding: .utf8)
        let stdin = try MignetProcess.shell("echo x | \"$MIGNET\" validate d.yaml", in: directory)
        #expect(stdin.status == 1)
        #expect(stdin.stderr.contains("outside the spec repository"), "\(stdin.stderr)")
    }

    @Test func saveCreatesItsParentsAndALongOutputPathLeavesNothing() throws {
        let stand = try LiveModeTests.standIn(in: try MignetProcess.temporaryDirectory(), LiveModeTests.preflightTable.map {
            ($0.arguments, LiveModeTests.preflightFixtures + "clusters/healthy/" + $0.file)
        })
        let directory = try MignetProcess.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECTL"] = stand
        let saved = try MignetProcess.run(["preflight", Self.preflightFixtures + "spec.yaml", "--live", "--context", "lab", "--kubeconfig", "/etc/lab.kubeconfig",
                                           "--save", directory + "/a/b/saved"], environment: environment)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/a/b/saved/nodes.yaml"))
        try MignetProcess.spec("c").write(toFile: directory + "/c.yaml", atomically: true, encoding: .utf8)
        let long = (0..<40).map { _ in String(repeating: "d", count: 100) }.joined(separator: "/")
        let render = try MignetProcess.run(["render", "c.yaml", "-o", long], in: directory)
        #expect(render.status == 1)
        #expect(render.stderr.contains("too long"), "\(render.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/" + String(repeating: "d", count: 100)), "empty parents were left")
    }
}
