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

    @OptionGroup var inputs: SpecInputs

    @Option(help: ArgumentHelp("The git revision to plan against (a branch, tag or commit).", valueName: "rev"))
    var base: String?

    @Option(help: ArgumentHelp("A folder holding the repository as it was, to plan against instead of a revision.", valueName: "dir"))
    var baseDir: String?

    @OptionGroup var deliveryOption: DeliveryOption

    @OptionGroup var report: ReportOptions<Plan>

    @Option(help: ArgumentHelp("Exit 2 when a cluster's change is of this class: new-nad, disable, enable, orphan, capacity, metadata-only, or any (repeatable).", valueName: "class"))
    var failOn: [String] = []

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if (base == nil) == (baseDir == nil) { throw ValidationError("give --base REV or --base-dir DIR") }
        if inputs.specs.contains("-") { throw ValidationError("plan reads the same paths at the base: standard input has none") }
        let known = Plan.failureClasses
        if let unknown = failOn.first(where: { !known.contains($0) }) {
            throw ValidationError("--fail-on \(unknown) is not a class; expected one of \(known.joined(separator: ", "))")
        }
    }

    func run() throws {
        let repository = try RepositorySetup.find()
        let inputs = try self.inputs.resolved(repository)
        let compiled = inputs.compile()
        if try diagnostics.report(compiled) { throw CommandFailure.reported() }
        let delivery = deliveryOption.profile(repository: repository)

        // The repository's root here; every path below is relative to it.
        // A folder base needs no git: git missing or refusing the folder matters only for --base.
        let gitTop: String?
        do { gitTop = try GitRevision.top(of: ".") } catch {
            guard baseDir != nil else { throw CommandFailure(error.description) }
            gitTop = nil
        }
        let files = FileSystems.current
        let top = gitTop ?? files.realPath(".") ?? "."
        guard let here = files.realPath(".") else { throw CommandFailure("cannot resolve the current folder") }
        let relativeSpecs = inputs.specs.map { Self.relative($0, here: here, top: top) }
        let defaults = Set(compiled.result.compilations.compactMap(\.defaultsFile)).compactMap { path -> String? in
            guard let real = files.realPath(path), SpecRoots.contains(top, real) else { return nil }
            return String(real.dropFirst(top.count).drop { $0 == "/" })
        }.sorted()
        // The current compilations by their file, relative to the repository's root.
        var currentByFile: [String: Compilation] = [:]
        for compilation in compiled.result.compilations {
            currentByFile[Self.relative(compilation.file, here: here, top: top)] = compilation
        }
        let currentBytes: @Sendable (String) -> [UInt8]? = { path in Self.bytes(top + "/" + path, in: files) }

        // The base's specs under the spec arguments, and whether each is the same as now. A spec
        // whose bytes (and defaults files) are the same at the base plans as it stands,
        // uncompiled: a change to one spec of thousands costs one compilation more, not thousands.
        let base: PlanBase
        if let baseDir {
            guard let folder = PlanBase.folder(baseDir, specs: relativeSpecs, currentBytes: currentBytes) else {
                throw CommandFailure("--base-dir \(baseDir) does not exist")
            }
            base = folder
        } else {
            guard gitTop != nil else { throw CommandFailure("plan --base needs a git checkout (the current folder is not in one); give --base-dir instead") }
            do {
                base = try PlanBase.revision(self.base ?? "HEAD", top: top, specs: relativeSpecs, currentBytes: currentBytes)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        if !base.problems.isEmpty {
            try diagnostics.report(base.problems.map(base.located), sources: [:])
            if base.problems.hasErrors { throw CommandFailure("the base cannot be read in full, so nothing is planned") }
        }
        let same = base.same
        let defaultsSame = defaults.allSatisfy(same)
        let unchanged = defaultsSame ? Parallel.map(base.files, jobs: inputs.jobs) { same($0) } : base.files.map { _ in false }
        // A valid cluster whose spec is the same stands as it is on both sides, uncompiled.
        var reused = Set<String>()
        var needed: [String] = []
        for (path, isSame) in zip(base.files, unchanged) {
            if isSame, let compilation = currentByFile[path], let name = compilation.name, compilation.isValid {
                reused.insert(name)
            } else {
                needed.append(path)
            }
        }

        // The rest is compiled as it was, defaults confined to the base's tree.
        var baseCompilations: [Compilation] = []
        if !needed.isEmpty {
            let baseResult: CompileResult
            do { baseResult = try base.compile(needed, inputs.options) } catch { throw CommandFailure(error.description) }
            let unreadable = baseResult.diagnostics.filter(\.isUnreadableFile)
            if !unreadable.isEmpty {
                try diagnostics.report(unreadable.map(base.located), sources: [:])
                throw CommandFailure("a spec at the base cannot be read, so nothing is planned")
            }
            baseCompilations = baseResult.compilations
        }

        // Every cluster's rendering, on every thread: a repository of thousands of clusters.
        let plan = Plan(base: base.name, delivery: delivery, current: compiled.result.compilations, unchanged: reused, base: baseCompilations, jobs: inputs.jobs)
        try report.print(plan)
        if let tripped = plan.failure(on: failOn) { throw CommandFailure(tripped, status: .difference) }
    }

    // MARK: The base

    /// `path` (as given, from the current folder) relative to the repository's top.
    static func relative(_ path: String, here: String, top: String) -> String {
        let absolute = path.hasPrefix("/") ? path : here + "/" + path
        let normalized = SourcePath.normalize(absolute)
        guard SpecRoots.contains(top, normalized) else { return SourcePath.normalize(path) }
        let inside = String(normalized.dropFirst(top.count).drop { $0 == "/" })
        return inside.isEmpty ? "." : inside
    }

    /// A file's bytes, nil when it cannot be read.
    static func bytes(_ path: String, in files: any FileSystem) -> [UInt8]? {
        guard case .success(let source) = SourceReader.read(DiskPath(path), in: files) else { return nil }
        return source.bytes
    }
}
