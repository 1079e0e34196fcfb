import ArgumentParser
import Glibc
import MigNetKit

/// `mignet plan SPEC_OR_DIR... (--base REV | --base-dir DIR)`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Say what merging a change will do to each cluster, against a git revision or a folder.",
        discussion: """
            Compiles the specs as they stand and the same paths at git revision REV (read with git \
            itself: it needs the revision in this clone's history; in a shallow CI clone fetch it \
            first, for example actions/checkout with fetch-depth: 0), or in DIR, a copy of the \
            repository as it was. Clusters are matched by metadata.name, so a renamed file is the \
            same cluster. Each gets a class: unchanged, metadata only, capacity, new NAD, enable, \
            disable or orphan, with its evidence. Exit status: 0 whatever is planned, 2 a change \
            of a class --fail-on names, 1 the specs as they stand do not compile (a base that did \
            not compile is shown as such), 64 wrong arguments.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var inputs: SpecInputs

    @Option(help: ArgumentHelp("The git revision to plan against (a branch, tag or commit).", valueName: "rev"))
    var base: String?

    @Option(help: ArgumentHelp("A folder holding the repository as it was, to plan against instead of a revision.", valueName: "dir"))
    var baseDir: String?

    @Option(help: "The delivery profile whose files are compared (default kubectl).")
    var delivery: Delivery = .default

    @Option(help: "text, markdown (a pull-request comment or step summary) or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Exit 2 when a cluster's change is of this class: new-nad, disable, enable, orphan, capacity, metadata-only, or any (repeatable).", valueName: "class"))
    var failOn: [String] = []

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if (base == nil) == (baseDir == nil) { throw ValidationError("give --base REV or --base-dir DIR") }
        if inputs.specs.contains("-") { throw ValidationError("plan reads the same paths at the base: standard input has none") }
        let known = Set(Plan.Change.allCases.map(\.key)).subtracting(["unchanged"]).union(["any"])
        if let unknown = failOn.first(where: { !known.contains($0) }) {
            throw ValidationError("--fail-on \(unknown) is not a class; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        let compiled = inputs.compile()
        if try diagnostics.report(compiled) { throw ExitCode(1) }
        // Every cluster's rendering, on every thread: a repository of thousands of clusters.
        let delivery = self.delivery
        let snapshots = Parallel.map(compiled.result.compilations, jobs: inputs.jobs) { compilation in
            compilation.network.flatMap { network in Plan.Snapshot(compilation, delivery: delivery, files: false).map { (network.name, $0) } }
        }
        var current: [String: Plan.Snapshot] = [:]
        for case let (name, snapshot)? in snapshots { current[name] = snapshot }

        // The repository's root here; every path below is relative to it.
        let gitTop = Self.gitTop()
        let top = gitTop ?? SpecRoots.realPath(".") ?? "."
        guard let here = SpecRoots.realPath(".") else { throw Self.failure("cannot resolve the current folder") }
        let relativeSpecs = inputs.specs.map { Self.relative($0, here: here, top: top) }
        let defaults = Set(compiled.result.compilations.compactMap(\.defaultsFile)).compactMap { path -> String? in
            guard let real = SpecRoots.realPath(path), SpecRoots.contains(top, real) else { return nil }
            return String(real.dropFirst(top.count).drop { $0 == "/" })
        }.sorted()
        // The current compilations by their file, relative to the repository's root.
        var currentByFile: [String: Compilation] = [:]
        for compilation in compiled.result.compilations {
            currentByFile[Self.relative(compilation.file, here: here, top: top)] = compilation
        }
        let currentBytes: @Sendable (String) -> [UInt8]? = { path in Self.bytes(top + "/" + path) }

        // The base's files under the spec arguments, and whether each is the same as now. A spec
        // whose bytes (and defaults files) are the same at the base plans as it stands,
        // uncompiled: a change to one spec of thousands costs one compilation more, not thousands.
        // A revision's files are written to a temporary folder, removed however the run ends.
        var temporary: String?
        defer { if let temporary { _ = try? ToolProcess.run(["rm", "-rf", temporary], timeout: 120) } }
        let baseName: String
        let baseRoot: String
        var baseFiles: [String] = []
        let same: @Sendable (String) -> Bool
        var commit: String?
        if let baseDir {
            guard let real = SpecRoots.realPath(baseDir) else { throw Self.failure("--base-dir \(baseDir) does not exist") }
            baseName = baseDir
            baseRoot = real
            var problems: [Diagnostic] = []
            for argument in relativeSpecs where access(real + "/" + argument, F_OK) == 0 {
                let found = SpecDiscovery.files(for: real + "/" + argument, skipping: nil)
                baseFiles += found.files.map { String($0.path.display.dropFirst(real.count + 1)) }
                problems += found.problems
            }
            // A base folder that cannot be searched would plan its specs as new ones.
            if !problems.isEmpty {
                try diagnostics.report(problems, sources: [:])
                throw Self.failure("the base folder cannot be read in full, so nothing is planned")
            }
            same = { path in Self.bytes(real + "/" + path).map { $0 == currentBytes(path) } ?? false }
        } else {
            let revision = base ?? "HEAD"
            guard gitTop != nil else { throw Self.failure("plan --base needs a git checkout (the current folder is not in one); give --base-dir instead") }
            let verified = try Self.verify(revision: revision, top: top)
            commit = verified
            baseName = revision
            let folder = try Self.temporaryFolder()
            temporary = folder
            baseRoot = folder
            let listing = try Self.blobs(at: verified, paths: relativeSpecs + defaults, top: top)
            baseFiles = listing.keys.filter { path in relativeSpecs.contains { $0 == "." || path == $0 || path.hasPrefix($0 + "/") } }.sorted()
            same = { path in listing[path].map { id in currentBytes(path).map { SHA1Hex.gitBlobID($0) == id } ?? false } ?? false }
        }
        let defaultsSame = defaults.allSatisfy(same)
        let candidates = baseFiles.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        let unchanged = defaultsSame ? Parallel.map(candidates, jobs: inputs.jobs) { same($0) } : candidates.map { _ in false }
        var baseSides: [String: Plan.Side] = [:]
        var needed: [String] = []
        for (path, isSame) in zip(candidates, unchanged) {
            if isSame, let compilation = currentByFile[path], let name = compilation.network?.name, let snapshot = current[name] {
                baseSides[name] = .rendered(snapshot)
            } else {
                needed.append(path)
            }
        }

        // The clusters not the same as at the base get their files, to compare them.
        let reused = Set(baseSides.keys)
        let differing = compiled.result.compilations.filter { $0.network.map { !reused.contains($0.name) } ?? false }
        for case let (name, snapshot)? in Parallel.map(differing, jobs: inputs.jobs, { compilation in
            compilation.network.flatMap { network in Plan.Snapshot(compilation, delivery: delivery).map { (network.name, $0) } }
        }) {
            current[name] = snapshot
        }

        // The rest is compiled as it was, defaults confined to the base tree.
        if !needed.isEmpty {
            if let commit { try Self.extract(commit: commit, paths: needed + defaults, top: top, into: baseRoot) }
            var baseOptions = inputs.options
            baseOptions.root = baseRoot
            let baseResult = SpecInputs.compile(needed.map { baseRoot + "/" + $0 }, options: baseOptions).result
            let unreadable = baseResult.diagnostics.filter { $0.code == .fileUnreadable }
            if !unreadable.isEmpty {
                try diagnostics.report(unreadable, sources: [:])
                throw Self.failure("a spec at the base cannot be read, so nothing is planned")
            }
            for compilation in baseResult.compilations {
                guard let name = compilation.spec?.name?.value else { continue }
                if compilation.diagnostics.hasErrors {
                    baseSides[name] = .invalid
                } else if let snapshot = Plan.Snapshot(compilation, delivery: delivery) {
                    baseSides[name] = .rendered(snapshot)
                }
            }
        }

        let plan = Plan(base: baseName, delivery: delivery, base: baseSides, current: current)
        switch format {
        case .text: try Terminal.writeOutput(plan.text)
        case .markdown: try Terminal.writeOutput(plan.markdown)
        case .json: try Terminal.writeOutput(plan.json.pretty)
        }
        if plan.clusters.contains(where: { Plan.fails($0.change, on: Set(failOn)) }) { throw ExitCode(2) }
    }

    // MARK: The base

    /// Exit 1 with `message` (escaped: it may quote a revision, git's or tar's words).
    static func failure(_ message: String) -> ExitCode {
        Terminal.writeError("mignet: \(TerminalText.escaped(message))\n")
        return ExitCode(1)
    }

    /// The git top level of the current folder, if it is in a git checkout.
    static func gitTop() -> String? {
        guard let outcome = try? ToolProcess.run(["git", "rev-parse", "--show-toplevel"], timeout: 60), outcome.status == 0 else { return nil }
        return SpecRoots.realPath(outcome.stdout.trimmingTrailingNewlines)
    }

    /// `path` (as given, from the current folder) relative to the repository's top.
    static func relative(_ path: String, here: String, top: String) -> String {
        let absolute = path.hasPrefix("/") ? path : here + "/" + path
        let normalized = SourcePath.normalize(absolute)
        guard SpecRoots.contains(top, normalized) else { return SourcePath.normalize(path) }
        let inside = String(normalized.dropFirst(top.count).drop { $0 == "/" })
        return inside.isEmpty ? "." : inside
    }

    /// A file's bytes, nil when it cannot be read.
    static func bytes(_ path: String) -> [UInt8]? {
        guard case .success(let source) = SourceReader.read(DiskPath(path)) else { return nil }
        return source.bytes
    }

    static func temporaryFolder() throws -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/mignet-plan.XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw failure("cannot create a temporary folder: \(String(cString: strerror(errno)))") }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func git(_ arguments: [String], top: String) throws -> ToolProcess.Outcome {
        do { return try ToolProcess.run(["git", "-C", top] + arguments, timeout: 600) } catch {
            throw failure("git could not be run: \(error)")
        }
    }

    /// The commit `revision` names, or why there is none here (a shallow clone says what to fetch).
    static func verify(revision: String, top: String) throws -> String {
        let verified = try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], top: top)
        guard verified.status == 0 else {
            let shallow = (try? git(["rev-parse", "--is-shallow-repository"], top: top))?.stdout.hasPrefix("true") == true
            throw failure("\(revision) is not a commit in this clone's history" + (shallow
                ? " (it is a shallow clone: fetch the base, e.g. git fetch --deepen=50 origin, or check out with fetch-depth: 0)" : ""))
        }
        return verified.stdout.trimmingTrailingNewlines
    }

    /// The git object id of every file below `paths` at `commit`, by path from the top.
    static func blobs(at commit: String, paths: [String], top: String) throws -> [String: String] {
        let listed = try git(["ls-tree", "-r", "-z", commit, "--"] + paths, top: top)
        guard listed.status == 0 else { throw failure("git ls-tree failed: \(listed.stderr.trimmingTrailingNewlines)") }
        var blobs: [String: String] = [:]
        for entry in listed.stdout.split(separator: "\0") {
            // <mode> SP <type> SP <object> TAB <path>
            guard let tab = entry.firstIndex(of: "\t") else { continue }
            let fields = entry[..<tab].split(separator: " ")
            guard fields.count == 3, fields[1] == "blob" else { continue }
            blobs[String(entry[entry.index(after: tab)...])] = String(fields[2])
        }
        return blobs
    }

    /// Writes the files of `paths` (those that exist) at `commit` into `folder` (an empty one),
    /// with `git archive` and `tar`.
    static func extract(commit: String, paths: [String], top: String, into folder: String) throws {
        let existing = try blobs(at: commit, paths: paths, top: top).keys.sorted()
        guard !existing.isEmpty else { return }
        let archive = folder + "/.base.tar"
        let archived = try git(["archive", "--format=tar", "-o", archive, commit, "--"] + existing, top: top)
        guard archived.status == 0 else { throw failure("git archive failed: \(archived.stderr.trimmingTrailingNewlines)") }
        let unpacked: ToolProcess.Outcome
        do { unpacked = try ToolProcess.run(["tar", "-xf", archive, "-C", folder], timeout: 600) } catch {
            throw failure("tar could not be run: \(error)")
        }
        guard unpacked.status == 0 else { throw failure("tar failed: \(unpacked.stderr.trimmingTrailingNewlines)") }
    }
}
