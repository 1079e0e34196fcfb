import ArgumentParser
import MigNetKit

/// `mignet argocd-plugin generate|discover`: the commands of mignet's Argo CD Config Management
/// Plugin, which renders a cluster's manifests at sync time from a folder of specs.
struct ArgoCDPlugin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "argocd-plugin",
        abstract: "The Argo CD Config Management Plugin's commands: render one cluster at sync time.",
        discussion: """
            argocd-cmp-server runs these in the Application's source folder, with the environment \
            Argo CD documents: the spec file comes from the plugin parameter 'spec' (PARAM_SPEC) or \
            the plugin env entry SPEC (ARGOCD_ENV_SPEC), and the cluster from the parameter \
            'cluster' (PARAM_CLUSTER) or the env entry CLUSTER (ARGOCD_ENV_CLUSTER); without a spec \
            file, the folder's specs are searched for the cluster, or it is the folder's only spec. \
            Defaults files may lie anywhere in the repository copy Argo CD sent (the folder \
            ARGOCD_APP_SOURCE_PATH was taken from).
            """,
        subcommands: [Generate.self, Discover.self]
    )

    /// The names of the environment variables the repo-server sets, as its source does.
    enum Variable {
        /// The plugin parameter `cluster`: `PARAM_` and the name upper-cased, other characters `_`.
        static let parameter = "PARAM_CLUSTER"
        /// The plugin env entry `CLUSTER`, which Argo CD prefixes with `ARGOCD_ENV_`.
        static let env = "ARGOCD_ENV_CLUSTER"
        /// The plugin parameter `spec`: the spec file, from the source folder.
        static let specParameter = "PARAM_SPEC"
        /// The plugin env entry `SPEC`, which the ApplicationSet sets to the file the git files
        /// generator found.
        static let specEnv = "ARGOCD_ENV_SPEC"
        /// The Application's source path inside the repository.
        static let sourcePath = "ARGOCD_APP_SOURCE_PATH"
    }

    /// The folder a source folder's `defaults:` may reach: the top of the repository copy, found
    /// by removing `ARGOCD_APP_SOURCE_PATH` from the end of the working folder's real path. Without
    /// it (or when the two do not match) the usual rule applies.
    static func repositoryRoot(of folder: String) -> String? {
        guard let sourcePath = Environment.value(Variable.sourcePath), let real = FileSystems.current.realPath(folder) else { return nil }
        let components = sourcePath.split(separator: "/").filter { $0 != "." }
        guard !components.contains("..") else { return nil }
        var path = real.split(separator: "/", omittingEmptySubsequences: true)
        guard path.count > components.count, Array(path.suffix(components.count)) == components else { return nil }
        path.removeLast(components.count)
        return "/" + path.joined(separator: "/")
    }

    /// Compiles `spec` (a file of `folder`), or every spec of `folder`, as `render` would;
    /// without `--root`, defaults may reach up to the repository copy's top.
    static func compile(_ folder: String, spec: String? = nil, options: CompileOptions) -> SpecInputs.Compiled {
        var options = options
        if options.root == nil { options.root = repositoryRoot(of: folder) }
        let input = spec.map { folder == "." ? $0 : folder + "/" + $0 } ?? folder
        return SpecInputs.compile([input], options: options)
    }

    /// The value of a plugin parameter and its env entry, which must agree when both are set.
    static func agreed(_ parameter: String, _ env: String, names: (parameter: String, env: String)) throws(CommandFailure) -> String? {
        let (given, entry) = (Environment.value(parameter), Environment.value(env))
        if let given, let entry, given != entry {
            throw CommandFailure("the plugin parameter \(names.parameter) ('\(given)') and the env entry \(names.env) ('\(entry)') disagree; set one")
        }
        return given ?? entry
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Print one cluster's manifests (the argocd profile's objects) to stdout.",
            discussion: """
                The objects are the argocd profile's: the PreSync hook when the spec asks for it, \
                the NAD, the Setting and the KubeVirt patch with their sync waves and options. \
                Given the spec file (SPEC, as the ApplicationSet init writes passes it), only that \
                file and the defaults file it names are read, so a generation costs one spec \
                however large the folder, and a broken spec elsewhere in it blocks no other \
                cluster; its metadata.name must be the cluster asked for. Without it, every spec \
                of the folder is compiled, as render would, and an error in any fails the \
                generation. An error fails the generation: exit 1, diagnostics on stderr (which \
                Argo CD shows), nothing on stdout. The whole-folder checks (duplicate names among \
                them) are validate's, in CI and the pre-commit hook.
                """
        )

        @Argument(help: "The Application's source folder (default: the current folder, where argocd-cmp-server runs it).")
        var folder: String = "."

        @OptionGroup var options: CompileOptions
        @OptionGroup var diagnostics: DiagnosticOptions

        func run() throws {
            let cluster = try ArgoCDPlugin.agreed(Variable.parameter, Variable.env, names: ("cluster", "CLUSTER"))
            let spec = try ArgoCDPlugin.agreed(Variable.specParameter, Variable.specEnv, names: ("spec", "SPEC"))
            if let spec {
                let components = spec.split(separator: "/", omittingEmptySubsequences: false)
                if spec.hasPrefix("/") || components.contains("..") || components.contains("") {
                    throw CommandFailure("the spec file '\(spec)' is not a path inside the Application's source folder; give its name there, as the git files generator's path.filename")
                }
            }
            let compiled = ArgoCDPlugin.compile(folder, spec: spec, options: options)
            if try diagnostics.report(compiled) { throw CommandFailure.reported() }
            let names = compiled.result.compilations.compactMap(\.name)
            if let spec, let cluster, names != [cluster] {
                throw CommandFailure("\(spec) has metadata.name '\(names.first ?? "")', not the cluster '\(cluster)' asked for; the ApplicationSet's CLUSTER and SPEC must name the same spec")
            }
            guard let cluster = cluster ?? (names.count == 1 ? names[0] : nil) else {
                throw CommandFailure("name the cluster with the plugin parameter cluster or the plugin env entry CLUSTER: \(folder) holds \(names.count) specs")
            }
            try Render.printObjects(compiled, delivery: .argocd, cluster: cluster)
        }
    }

    struct Discover: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discover",
            abstract: "Print the MigrationNetwork specs of a folder: Argo CD's discover command (no output, no match).",
            discussion: "A file that declares kind MigrationNetwork counts even when it has errors, so that generate reports them instead of Argo CD finding no plugin. Exit status 0 whether or not any was found."
        )

        @Argument(help: "The folder to search (default: the current folder).")
        var folder: String = "."

        @OptionGroup var options: CompileOptions

        func run() throws {
            let compiled = ArgoCDPlugin.compile(folder, options: options)
            try Terminal.writeOutput(compiled.result.compilations.map { TerminalText.escaped($0.file) + "\n" }.joined())
        }
    }
}
