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
        var current: [String: Plan.Snapshot] = [:]
        for compilation in compiled.result.compilations {
            guard let name = compilation.network?.name, let snapshot = Plan.Snapshot(compilation, delivery: delivery) else { continue }
            current[name] = snapshot
        }

        // The repository's root here, and the same tree at the base.
        let top = Self.gitTop() ?? SpecRoots.realPath(".") ?? "."
        guard let here = SpecRoots.realPath(".") else { throw Self.failure("cannot resolve the current folder") }
        let relativeSpecs = inputs.specs.map { Self.relative($0, here: here, top: top) }
        let temporary = try Self.temporaryFolder()
        defer { _ = try? ToolProcess.run(["rm", "-rf", temporary], timeout: 120) }
        let baseRoot: String
        let baseName: String
        if let baseDir {
            guard let real = SpecRoots.realPath(baseDir) else { throw Self.failure("--base-dir \(baseDir) does not exist") }
            baseRoot = real
            baseName = baseDir
        } else {
            let revision = base ?? "HEAD"
            let defaults = Set(compiled.result.compilations.compactMap(\.defaultsFile)).compactMap { path -> String? in
                guard let real = SpecRoots.realPath(path), SpecRoots.contains(top, real) else { return nil }
                return String(real.dropFirst(top.count).drop { $0 == "/" })
            }
            try Self.extract(revision: revision, paths: relativeSpecs + defaults.sorted(), top: top, into: temporary + "/tree")
            baseRoot = temporary + "/tree"
            baseName = revision
        }

        // The base: the same arguments below the base tree, defaults confined to it.
        var baseOptions = inputs.options
        baseOptions.root = baseRoot
        let baseSpecs = relativeSpecs.map { baseRoot + "/" + $0 }.filter { access($0, F_OK) == 0 }
        var baseSides: [String: Plan.Side] = [:]
        if !baseSpecs.isEmpty {
            for compilation in SpecInputs.compile(baseSpecs, options: baseOptions).result.compilations {
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

    static func failure(_ message: String) -> ExitCode {
        Terminal.writeError("mignet: \(message)\n")
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

    static func temporaryFolder() throws -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/mignet-plan.XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw failure("cannot create a temporary folder: \(String(cString: strerror(errno)))") }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes the files of `paths` (those that exist) at `revision` below `folder`, with
    /// `git archive` and `tar`.
    static func extract(revision: String, paths: [String], top: String, into folder: String) throws {
        func git(_ arguments: [String]) throws -> ToolProcess.Outcome {
            do { return try ToolProcess.run(["git", "-C", top] + arguments, timeout: 600) } catch {
                throw failure("git could not be run: \(error)")
            }
        }
        let verified = try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"])
        guard verified.status == 0 else {
            let shallow = (try? git(["rev-parse", "--is-shallow-repository"]))?.stdout.hasPrefix("true") == true
            throw failure("\(revision) is not a commit in this clone's history" + (shallow
                ? " (it is a shallow clone: fetch the base, e.g. git fetch --deepen=50 origin, or check out with fetch-depth: 0)" : "")
                + (top == SpecRoots.realPath(".") && gitTop() == nil ? "; plan --base needs a git checkout, or give --base-dir" : ""))
        }
        let commit = verified.stdout.trimmingTrailingNewlines
        // Only the paths that exist at the base: a folder the change adds has no base.
        var existing: [String] = []
        for path in Set(paths).sorted() {
            let listed = try git(["ls-tree", "--name-only", commit, "--", path == "." ? "." : path])
            if listed.status == 0, !listed.stdout.isEmpty { existing.append(path) }
        }
        guard mkdir(folder, 0o700) == 0 else { throw failure("cannot create \(folder): \(String(cString: strerror(errno)))") }
        guard !existing.isEmpty else { return }
        let archive = folder + ".tar"
        let archived = try git(["archive", "--format=tar", "-o", archive, commit, "--"] + existing)
        guard archived.status == 0 else { throw failure("git archive failed: \(archived.stderr.trimmingTrailingNewlines)") }
        let unpacked: ToolProcess.Outcome
        do { unpacked = try ToolProcess.run(["tar", "-xf", archive, "-C", folder], timeout: 600) } catch {
            throw failure("tar could not be run: \(error)")
        }
        guard unpacked.status == 0 else { throw failure("tar failed: \(unpacked.stderr.trimmingTrailingNewlines)") }
    }
}
