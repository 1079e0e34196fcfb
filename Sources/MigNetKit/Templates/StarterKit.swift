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

    /// Which template goes where, for which profiles (nil: every profile).
    static let layout: [(template: String, path: String, delivery: Delivery?)] = [
        ("spec.yaml", specPath, nil),
        ("pre-commit-config.yaml", ".pre-commit-config.yaml", nil),
        ("github-actions.yaml", ".github/workflows/mignet.yaml", nil),
        ("gitlab-ci.yml", ".gitlab-ci.yml", nil),
        ("argocd/application.yaml", "argocd/application.yaml", .argocd),
        ("argocd/applicationset.yaml", "argocd/applicationset.yaml", .argocd),
        ("fleet/gitrepo.yaml", "fleet/gitrepo.yaml", .fleet),
    ]

    /// The files for `delivery`, with `{{delivery}}` and `{{repository}}` filled in, followed
    /// by the starter spec's rendering under `rendered/`.
    package static func files(delivery: Delivery, repository: String?) throws -> [File] {
        var files: [File] = []
        for entry in layout where entry.delivery == nil || entry.delivery == delivery {
            guard let template = EmbeddedTemplates.files.first(where: { $0.path == entry.template })?.contents else {
                preconditionFailure("template \(entry.template) is not embedded")
            }
            let text = template
                .replacing("{{delivery}}", with: delivery.rawValue)
                .replacing("{{repository}}", with: repository ?? repositoryPlaceholder)
            files.append(File(path: entry.path, file: OutputFile(name: entry.path, contents: text)))
        }
        files.append(File(path: schemaPath, file: OutputFile(name: schemaPath, contents: SpecSchema.jsonSchema.pretty)))
        let spec = files[0].file.contents
        let compilation = Compiler().compile(SourceFile(path: specPath, text: spec))
        guard let rendered = compilation.render() else {
            preconditionFailure("the starter spec does not compile: \(compilation.diagnostics)")
        }
        for file in try delivery.folder(for: rendered).files {
            files.append(File(path: "\(outputFolder)/\(rendered.name)/\(file.name)", file: file))
        }
        return files
    }
}
