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
            Argo CD documents: the cluster comes from the plugin parameter 'cluster' (PARAM_CLUSTER) \
            or the plugin env entry CLUSTER (ARGOCD_ENV_CLUSTER), or is the folder's only spec. \
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

    /// Compiles every spec of `folder` as `render` would; without `--root`, defaults may reach up
    /// to the repository copy's top.
    static func compile(_ folder: String, options: CompileOptions) -> SpecInputs.Compiled {
        var options = options
        if options.root == nil { options.root = repositoryRoot(of: folder) }
        return SpecInputs.compile([folder], options: options)
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Print one cluster's manifests (the argocd profile's objects) to stdout.",
            discussion: """
                The objects are the argocd profile's: the PreSync hook when the spec asks for it, \
                the NAD, the Setting and the KubeVirt patch with their sync waves and options. \
                Every spec of the folder is compiled, as render would: an error in any of them \
                fails the generation (exit 1, diagnostics on stderr, which Argo CD shows), so that \
                no Application syncs from a folder mignet check would refuse.
                """
        )

        @Argument(help: "The Application's source folder (default: the current folder, where argocd-cmp-server runs it).")
        var folder: String = "."

        @OptionGroup var options: CompileOptions
        @OptionGroup var diagnostics: DiagnosticOptions

        func run() throws {
            let parameter = Environment.value(Variable.parameter)
            let env = Environment.value(Variable.env)
            if let parameter, let env, parameter != env {
                throw CommandFailure("the plugin parameter cluster ('\(parameter)') and the env entry CLUSTER ('\(env)') disagree; set one")
            }
            let compiled = ArgoCDPlugin.compile(folder, options: options)
            if try diagnostics.report(compiled) { throw CommandFailure.reported() }
            var cluster = parameter ?? env
            if cluster == nil {
                let names = compiled.result.compilations.compactMap(\.name)
                guard names.count == 1 else {
                    throw CommandFailure("name the cluster with the plugin parameter cluster or the plugin env entry CLUSTER: \(folder) holds \(names.count) specs")
                }
                cluster = names[0]
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
