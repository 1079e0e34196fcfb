import MigNetKit
/// What `mignet init` writes: a starter spec, its rendering, the spec format's JSON Schema (for
/// editors), a pre-commit configuration, CI jobs for GitHub Actions and GitLab CI, and the
/// chosen profile's GitOps objects.
///
/// The templates are the files under `templates/` in mignet's repository, built into the binary
/// (`EmbeddedTemplates`), so that `init` works from the binary alone.
enum StarterKit {
    /// The placeholder a repository URL replaces.
    static let repositoryPlaceholder = "REPLACE-WITH-YOUR-REPOSITORY-URL"
    /// The placeholder the releases URL replaces: the CI jobs fail on it with a message.
    static let releasesPlaceholder = "https://REPLACE-WITH-YOUR-MIGNET-RELEASES-URL"
    /// Where the starter spec goes.
    static let specPath = "clusters/my-cluster.yaml"
    /// The output folder the templates' commands name.
    static let outputFolder = "rendered"
    /// Where the JSON Schema goes: the starter spec's `yaml-language-server` modeline points at it.
    static let schemaPath = "schema/mignet-v1.schema.json"

    /// A file to create, its path relative to the folder being set up.
    struct File: Sendable, Equatable {
        /// The path, such as `.github/workflows/mignet.yaml`.
        var path: String
        /// The file.
        var file: OutputFile
    }

    /// How the repository delivers: one of the delivery profiles, its output committed under
    /// `rendered/`, or Argo CD's plugin rendering at sync time (the argocd profile's objects,
    /// nothing rendered in git).
    enum Mode: String, Sendable, CaseIterable {
        case argocd
        case argocdPlugin = "argocd-plugin"
        case fleet
        case kubectl

        /// The profile whose objects reach the clusters.
        var delivery: Delivery {
            switch self {
            case .argocd, .argocdPlugin: .argocd
            case .fleet: .fleet
            case .kubectl: .kubectl
            }
        }

        /// Whether the rendered files are committed (and so re-rendered and checked for staleness).
        var commitsRenderedFiles: Bool { self != .argocdPlugin }

        /// The mignet command line the hooks and CI jobs check with.
        var checkCommand: String {
            commitsRenderedFiles ? "check clusters -o \(outputFolder) --delivery \(delivery.rawValue)" : "validate clusters"
        }
    }

    /// The placeholder a sidecar image of `version` replaces.
    static func imagePlaceholder(_ version: String) -> String { "REPLACE-WITH-YOUR-REGISTRY/mignet:\(version)" }

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
        ("mignet.yaml", RepositoryFile.fileName, nil),
    ]

    /// The files for `mode`, with the placeholders filled in and the `{{#committed}}` sections
    /// kept only where rendered files are committed, followed (then) by the starter spec's
    /// rendering under `rendered/`. `version` is the mignet the CI jobs download from `releases`
    /// and the repository file requires.
    static func files(mode: Mode, repository: String?, image: String? = nil, version: String = MignetVersion.current, releases: String? = nil) throws -> [File] {
        var files: [File] = []
        for entry in layout where entry.mode == nil || entry.mode == mode {
            guard let template = EmbeddedTemplates.files.first(where: { $0.path == entry.template })?.contents else {
                preconditionFailure("template \(entry.template) is not embedded")
            }
            let text = indenting(installScript, for: "{{install}}", in: sections(of: template, committed: mode.commitsRenderedFiles))
                .replacing("{{delivery}}", with: mode.delivery.rawValue)
                .replacing("{{mode}}", with: mode.rawValue)
                .replacing("{{version}}", with: version)
                .replacing("{{releases}}", with: quoted(releases.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? releasesPlaceholder))
                .replacing("{{check}}", with: mode.checkCommand)
                .replacing("{{or-stale}}", with: mode.commitsRenderedFiles ? " or whose rendered manifests are stale" : "")
                .replacing("{{hook-purpose}}", with: mode.commitsRenderedFiles
                    ? "re-render the\n# migration network manifests: the commit fails when a spec is invalid (each diagnostic said\n# once) or when that changed a file, so that you can add it. CI's mignet check also finds\n# files under rendered/ that mignet does not render"
                    : "validate the specs\n# (Argo CD's plugin renders them at sync time)")
                .replacing("{{repository}}", with: quoted(repository ?? repositoryPlaceholder))
                .replacing("{{image}}", with: quoted(image ?? imagePlaceholder(version)))
            files.append(File(path: entry.path, file: OutputFile(name: entry.path, contents: text)))
        }
        files.append(File(path: schemaPath, file: OutputFile(name: schemaPath, contents: SpecSchema.jsonSchemaText)))
        guard mode.commitsRenderedFiles else { return files }
        let spec = files[0].file.contents
        let compiled = Compiler.compile([SpecInput(SourceFile(path: specPath, bytes: Array(spec.utf8)))], problems: [])
        var compilations = compiled.compilations
        guard !compiled.diagnostics.hasErrors, let folder = mode.delivery.folders(draining: &compilations).first else {
            preconditionFailure("the starter spec does not compile: \(compiled.diagnostics)")
        }
        for file in folder.files {
            files.append(File(path: "\(outputFolder)/\(folder.name)/\(file.name)", file: file))
        }
        return files
    }

    /// The CI jobs' download of the pinned mignet (`templates/install-mignet.sh`).
    static var installScript: String {
        guard let script = EmbeddedTemplates.files.first(where: { $0.path == "install-mignet.sh" })?.contents else {
            preconditionFailure("install-mignet.sh is not embedded")
        }
        return script
    }

    /// `text` with the line holding `placeholder` replaced by `snippet`'s lines, each indented as
    /// that line is (a block scalar's lines must be).
    static func indenting(_ snippet: String, for placeholder: String, in text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.trimmingPrefix(while: { $0 == " " }) == placeholder else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            return snippet.split(separator: "\n").map { indent + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A value as a YAML double-quoted scalar (JSON's string syntax, which YAML reads the same),
    /// so that no character of it can end the value or start a key or a comment.
    static func quoted(_ value: String) -> String {
        jsonStringLiteral(value)
    }

    /// What to do after `init`, one step each: `directory` as the user named it (escaped), and
    /// whether `--repository`, `--image` and `--releases-url` were given.
    static func nextSteps(mode: Mode, directory: String, repositoryGiven: Bool, imageGiven: Bool, releasesGiven: Bool = false, version: String = MignetVersion.current) -> [String] {
        var steps = [
            "put mignet \(version) on PATH (the pre-commit hooks call it by name)",
            directory == "." ? "git init, if this is not a git repository yet" : "cd \(directory) && git init, if it is not a git repository yet",
            "pre-commit install, so that every commit re-renders and checks",
            mode.commitsRenderedFiles
                ? "edit \(specPath), then run: mignet render clusters -o \(outputFolder) --delivery \(mode.delivery.rawValue)"
                : "edit \(specPath), then run: mignet \(mode.checkCommand)",
        ]
        if !releasesGiven {
            steps.insert("replace \(releasesPlaceholder) in .github/workflows/mignet.yaml and .gitlab-ci.yml with where mignet releases are downloaded from (or rerun with --releases-url): the CI jobs fail until then", at: 3)
        }
        if !repositoryGiven && mode != .kubectl {
            steps.append("replace \(repositoryPlaceholder) in \(mode.rawValue)/ with this repository's URL (or rerun with --repository)")
        }
        if !imageGiven && mode == .argocdPlugin {
            steps.append("publish the sidecar image of mignet \(version) (the release's mignet-\(version)-image-linux-ARCH.oci.tar: skopeo copy oci-archive:FILE docker://REGISTRY/mignet:\(version)) and replace \(imagePlaceholder(version)) in argocd-plugin/ with it (or rerun with --image)")
        }
        return steps
    }

    /// Why `url` is not a git repository URL, or nil when it is one: `scheme://host/path` for
    /// https, http, ssh, git and file (file:///path), or scp-like `user@host:path`, with no white
    /// space, control character, quote or backslash.
    static func problem(repository url: String) -> String? {
        let forbidden = url.unicodeScalars.contains { TerminalText.needsEscape($0) || $0 == " " || $0 == "\"" || $0 == "\\" || $0 == "'" || $0 == "`" }
        let schemes = ["https://", "http://", "ssh://", "git://", "git+ssh://", "file://"]
        let host = { (rest: Substring) in !rest.isEmpty && !rest.hasPrefix("-") }
        let valid: Bool
        if let scheme = schemes.first(where: { url.hasPrefix($0) }) {
            let rest = url.dropFirst(scheme.count)
            valid = scheme == "file://" ? rest.hasPrefix("/") && rest.count > 1 : host(rest.prefix { $0 != "/" }) && rest.contains("/")
        } else if let at = url.firstIndex(of: "@"), let colon = url[at...].firstIndex(of: ":") {
            valid = url.startIndex < at && host(url[url.index(after: at)..<colon]) && url.index(after: colon) < url.endIndex && !url[..<at].contains("/")
        } else {
            valid = false
        }
        guard valid && !forbidden else {
            return "'\(TerminalText.escaped(url))' is not a git repository URL; expected https://host/path, ssh://host/path, git@host:path or file:///path, with no spaces, quotes or control characters"
        }
        return nil
    }

    /// Why `url` is not a releases URL (`https://host/path`, or `http://` for a host of one's own),
    /// or nil when it is one: the CI jobs put it in YAML and in a shell's double quotes, so it may
    /// hold no white space, control character, quote, backslash, `$` or backtick.
    static func problem(releases url: String) -> String? {
        let forbidden = url.unicodeScalars.contains { TerminalText.needsEscape($0) || " \"'\\`$".unicodeScalars.contains($0) }
        let rest = url.hasPrefix("https://") ? url.dropFirst(8) : url.hasPrefix("http://") ? url.dropFirst(7) : nil
        guard let rest, !rest.isEmpty, !rest.hasPrefix("/"), !forbidden else {
            return "'\(TerminalText.escaped(url))' is not a releases URL; expected https://host/path, under which each release is vVERSION/FILE, with no spaces, quotes or $"
        }
        return nil
    }

    /// Why `version` is not a mignet version (`0.1.0`), or nil when it is one.
    static func problem(version: String) -> String? {
        RepositoryFile.isVersion(version) ? nil : "'\(TerminalText.escaped(version))' is not a mignet version such as \(MignetVersion.current)"
    }

    /// Why `reference` is not an OCI image reference, or nil when it is one: `[registry[:port]/]
    /// path[:tag][@algorithm:digest]`, the path's components lowercase letters and digits joined
    /// by `.`, `_`, `__` or `-` (the distribution project's reference grammar).
    static func problem(image reference: String) -> String? {
        let pattern = #/^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/#
        guard reference.utf8.count <= 255, (try? pattern.wholeMatch(in: reference)) != nil else {
            return "'\(TerminalText.escaped(reference))' is not an image reference; expected [registry/]path[:tag][@sha256:digest], such as registry.example.com/mignet:0.1.0"
        }
        return nil
    }

    /// The template without the lines between `{{#committed}}` and `{{/committed}}` unless
    /// `committed`, nor those between `{{^committed}}` and `{{/committed}}` when `committed`,
    /// and without the marker lines.
    static func sections(of template: String, committed: Bool) -> String {
        var kept: [Substring] = []
        var keep = true
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "{{#committed}}" { keep = committed; continue }
            if line == "{{^committed}}" { keep = !committed; continue }
            if line == "{{/committed}}" { keep = true; continue }
            if keep { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }
}
