/// What `mignet init` writes: a starter spec, its rendering, the spec format's JSON Schema (for
/// editors), a pre-commit configuration, CI jobs for GitHub Actions and GitLab CI, and the
/// chosen profile's GitOps objects.
///
/// The templates are the files under `templates/` in mignet's repository, built into the binary
/// (`EmbeddedTemplates`), so that `init` works from the binary alone.
package enum StarterKit {
    /// The placeholder a repository URL replaces.
    package static let repositoryPlaceholder = "REPLACE-WITH-YOUR-REPOSITORY-URL"
    /// Where the starter spec goes.
    package static let specPath = "clusters/my-cluster.yaml"
    /// The output folder the templates' commands name.
    package static let outputFolder = "rendered"
    /// Where the JSON Schema goes: the starter spec's `yaml-language-server` modeline points at it.
    package static let schemaPath = "schema/mignet-v1.schema.json"

    /// A file to create, its path relative to the folder being set up.
    package struct File: Sendable, Equatable {
        /// The path, such as `.github/workflows/mignet.yaml`.
        package var path: String
        /// The file.
        package var file: OutputFile
    }

    /// How the repository delivers: one of the delivery profiles, its output committed under
    /// `rendered/`, or Argo CD's plugin rendering at sync time (the argocd profile's objects,
    /// nothing rendered in git).
    package enum Mode: String, Sendable, CaseIterable {
        case argocd
        case argocdPlugin = "argocd-plugin"
        case fleet
        case kubectl

        /// The profile whose objects reach the clusters.
        package var delivery: Delivery {
            switch self {
            case .argocd, .argocdPlugin: .argocd
            case .fleet: .fleet
            case .kubectl: .kubectl
            }
        }

        /// Whether the rendered files are committed (and so re-rendered and checked for staleness).
        package var commitsRenderedFiles: Bool { self != .argocdPlugin }

        /// The mignet command line the hooks and CI jobs check with.
        package var checkCommand: String {
            commitsRenderedFiles ? "check clusters -o \(outputFolder) --delivery \(delivery.rawValue)" : "validate clusters"
        }
    }

    /// The placeholder a sidecar image replaces.
    package static let imagePlaceholder = "REPLACE-WITH-YOUR-MIGNET-IMAGE"

    /// Which template goes where, for which modes (nil: every mode).
    static let layout: [(template: String, path: String, mode: Mode?)] = [
        ("spec.yaml", specPath, nil),
        ("pre-commit-config.yaml", ".pre-commit-config.yaml", nil),
        ("github-actions.yaml", ".github/workflows/mignet.yaml", nil),
        ("gitlab-ci.yml", ".gitlab-ci.yml", nil),
        ("argocd/application.yaml", "argocd/application.yaml", .argocd),
        ("argocd/applicationset.yaml", "argocd/applicationset.yaml", .argocd),
        ("argocd-plugin/applicationset.yaml", "argocd-plugin/applicationset.yaml", .argocdPlugin),
        ("argocd-plugin/plugin.yaml", "argocd-plugin/plugin.yaml", .argocdPlugin),
        ("argocd-plugin/repo-server-patch.yaml", "argocd-plugin/repo-server-patch.yaml", .argocdPlugin),
        ("argocd-plugin/kustomization.yaml", "argocd-plugin/kustomization.yaml", .argocdPlugin),
        ("fleet/gitrepo.yaml", "fleet/gitrepo.yaml", .fleet),
    ]

    /// The files for `mode`, with the placeholders filled in and the `{{#committed}}` sections
    /// kept only where rendered files are committed, followed (then) by the starter spec's
    /// rendering under `rendered/`.
    package static func files(mode: Mode, repository: String?, image: String? = nil) throws -> [File] {
        var files: [File] = []
        for entry in layout where entry.mode == nil || entry.mode == mode {
            guard let template = EmbeddedTemplates.files.first(where: { $0.path == entry.template })?.contents else {
                preconditionFailure("template \(entry.template) is not embedded")
            }
            let text = sections(of: template, committed: mode.commitsRenderedFiles)
                .replacing("{{delivery}}", with: mode.delivery.rawValue)
                .replacing("{{check}}", with: mode.checkCommand)
                .replacing("{{or-stale}}", with: mode.commitsRenderedFiles ? " or whose rendered manifests are stale" : "")
                .replacing("{{hook-purpose}}", with: mode.commitsRenderedFiles
                    ? "re-render the\n# migration network manifests (the commit fails when that changed a file, so that you can\n# add it) and check them"
                    : "validate the specs\n# (Argo CD's plugin renders them at sync time)")
                .replacing("{{repository}}", with: repository ?? repositoryPlaceholder)
                .replacing("{{image}}", with: image ?? imagePlaceholder)
            files.append(File(path: entry.path, file: OutputFile(name: entry.path, contents: text)))
        }
        files.append(File(path: schemaPath, file: OutputFile(name: schemaPath, contents: SpecSchema.jsonSchema.pretty)))
        guard mode.commitsRenderedFiles else { return files }
        let spec = files[0].file.contents
        let compilation = Compiler().compile(SourceFile(path: specPath, text: spec))
        guard let rendered = compilation.render() else {
            preconditionFailure("the starter spec does not compile: \(compilation.diagnostics)")
        }
        for file in try mode.delivery.folder(for: rendered).files {
            files.append(File(path: "\(outputFolder)/\(rendered.name)/\(file.name)", file: file))
        }
        return files
    }

    /// The template without the lines between `{{#committed}}` and `{{/committed}}` unless
    /// `committed`, and without the marker lines.
    static func sections(of template: String, committed: Bool) -> String {
        var kept: [Substring] = []
        var inside = false
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "{{#committed}}" { inside = true; continue }
            if line == "{{/committed}}" { inside = false; continue }
            if !inside || committed { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }
}
