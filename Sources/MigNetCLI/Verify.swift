import ArgumentParser
import MigNetKit

/// `mignet verify [SPEC-OR-DIR...] (--setting FILE --pods FILE [--kubevirt FILE] [--nads FILE] | --cluster DIR | --live)`.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a live cluster against a spec, offline, from kubectl's output.",
        discussion: """
            Give the output of: kubectl get settings.harvesterhci.io vm-migration-network -o yaml \
            (--setting); kubectl get pods -n harvester-system -l kubevirt.io=virt-handler -o yaml \
            (--pods); optionally kubectl get kubevirt kubevirt -n harvester-system -o yaml \
            (--kubevirt) and kubectl get network-attachment-definitions -n harvester-system -o yaml \
            (--nads). JSON works as well as YAML; single objects and Lists both do. With --live, \
            mignet runs those four commands itself (--save DIR keeps their output as setting.yaml, \
            pods.yaml, kubevirt.yaml and nads.yaml), which --cluster DIR reads back. \
            Given folders, several specs or none (the repository file's spec folders), each cluster \
            is verified and reported under its name (JSON: a list): from --cluster DIR/NAME, one \
            folder per cluster, or with --live through the kubectl context named after it (or the \
            repository file's contexts), --concurrency at a time; a cluster that cannot be read is \
            reported and the others go on. \
            Exit status: 0 every check passed, 2 a check failed, 1 an error in a spec, unusable \
            input (no Setting, a value Harvester cannot read, no pod) or a kubectl failure (over \
            several clusters, 1 outranks 2), 64 wrong arguments.
            """
    )

    @OptionGroup var inputs: SpecInputs

    @Option(help: ArgumentHelp("The Setting, as kubectl prints it (without --live, this or --cluster).", valueName: "file"))
    var setting: String?

    @Option(help: ArgumentHelp("The virt-handler pods, as kubectl prints them (with --setting).", valueName: "file"))
    var pods: String?

    @Option(help: ArgumentHelp("The KubeVirt object, as kubectl prints it.", valueName: "file"))
    var kubevirt: String?

    @Option(help: ArgumentHelp("The NADs of harvester-system, as kubectl prints them.", valueName: "file"))
    var nads: String?

    @Option(name: .customLong("cluster"), help: ArgumentHelp("A folder of the four outputs as --save keeps them (setting.yaml, pods.yaml, kubevirt.yaml, nads.yaml), or one holding such a folder per cluster, named after it.", valueName: "dir"))
    var clusterFolder: String?

    @OptionGroup var report: ReportOptions<Verification>

    @OptionGroup var kubectlOptions: KubectlOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        let files = setting != nil || pods != nil || kubevirt != nil || nads != nil
        if kubectlOptions.live {
            if files || clusterFolder != nil {
                throw ValidationError("--live reads the Setting, pods, KubeVirt and NADs itself: give no files with it")
            }
        } else if clusterFolder != nil {
            if files { throw ValidationError("give --cluster DIR or the files (--setting, --pods...), not both") }
        } else if setting == nil || pods == nil {
            throw ValidationError("give --setting and --pods (kubectl's output), --cluster DIR, or --live")
        }
    }

    func run() throws {
        let repository = try RepositorySetup.find()
        let inputs = try inputs.resolved(repository)
        let list = Fleet.isList(inputs)
        if list {
            if kubectlOptions.live { try kubectlOptions.refuseOneClusterOptions() }
            try ClusterInput.refuseFiles(clusterFolder.map { [$0] } ?? [], option: "--cluster")
            if setting != nil {
                throw CommandFailure("--setting and --pods are one cluster's files, and this run reads several: give --cluster DIR holding one folder per cluster, named after it, or --live", status: .usage)
            }
        }
        let fleet = try Fleet(inputs, diagnostics: diagnostics)
        let (options, given, folder) = (kubectlOptions, [("setting.yaml", setting), ("pods.yaml", pods), ("kubevirt.yaml", kubevirt), ("nads.yaml", nads)], clusterFolder)
        let verdicts = fleet.judge(concurrency: options.live ? options.concurrency : 1, progress: options.live) { compilation -> Fleet.Verdict<Verification>? in
            // The four inputs, from files or from kubectl, by the name `--save` gives them.
            var files: [String: SourceFile] = [:]
            var problems: [Diagnostic] = []
            if options.live {
                do throws(Kubectl.Failure) {
                    let kubectl = options.kubectl(for: compilation.name, list: list, repository: repository)
                    (files, problems) = try kubectl.fetch(KubectlGet.verify, save: options.save(for: compilation.name, list: list))
                } catch {
                    return .unreachable(error.description)
                }
            } else {
                var paths = given
                if let folder {
                    do throws(ClusterInput.Missing) {
                        let found = try ClusterInput.folder(folder, for: compilation.name, list: list)
                        paths = KubectlGet.verify.map { ($0.fileName, found.joiningPath($0.fileName)) }
                        // The KubeVirt object and the NADs are optional in a folder as they are as files.
                        paths = paths.filter { name, path in
                            ["setting.yaml", "pods.yaml"].contains(name) || FileSystems.current.existing(DiskPath(path ?? "")) != nil
                        }
                    } catch {
                        return .unusable([error.diagnostic])
                    }
                }
                for (name, path) in paths {
                    guard let path else { continue }
                    switch SourceReader.read(path, kind: .kubectlOutput) {
                    case .failure(let failure): problems.append(Diagnostic.unreadable(failure, file: path == "-" ? "<stdin>" : path))
                    case .success(let source): files[name] = source
                    }
                }
            }
            return Self.verdict(compilation, files: files, problems: problems)
        }
        try fleet.finish(verdicts, format: report.format, diagnostics: diagnostics)
    }

    /// Verifies `compilation` against the four outputs by file name (`setting.yaml`...), with the
    /// problems found reading them.
    static func verdict(_ compilation: Compilation, files: [String: SourceFile], problems: [Diagnostic]) -> Fleet.Verdict<Verification>? {
        switch Verification.verify(compilation, outputs: files, problems: problems) {
        case .failure(let unusable): .unusable(unusable.diagnostics)
        case .success(let verification): verification.map { .report($0, failing: $0.passed ? nil : .difference) }
        }
    }
}
