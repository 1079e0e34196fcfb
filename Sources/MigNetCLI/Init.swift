import ArgumentParser
import Glibc
import MigNetKit

/// `mignet init [DIR] --delivery PROFILE`: sets up a GitOps repository for mignet.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a repository: a starter spec and its rendering, pre-commit, CI jobs and GitOps objects.",
        discussion: """
            Writes mignet.yaml (the repository file every command reads), clusters/my-cluster.yaml, \
            its rendering under rendered/, .pre-commit-config.yaml, \
            .github/workflows/mignet.yaml, .gitlab-ci.yml, and for argocd an Application and an \
            ApplicationSet, for fleet a GitRepo. argocd-plugin renders at sync time instead: no \
            rendered/ folder; an ApplicationSet using mignet's Argo CD plugin, the plugin's \
            plugin.yaml, the repo-server sidecar patch and a kustomization installing both; the \
            hooks and CI jobs validate the specs. Existing files are never overwritten without \
            --force; then nothing is written at all.
            """
    )

    @Argument(help: "The folder to set up (default: the current folder).")
    var directory: String = "."

    @Option(help: ArgumentHelp("How the repository delivers: argocd, argocd-plugin, fleet or kubectl.", valueName: "mode"))
    var delivery: StarterKit.Mode = .kubectl

    @Option(help: ArgumentHelp("The mignet sidecar image, for argocd-plugin.", valueName: "image"))
    var image: String?

    @Option(help: ArgumentHelp("The git URL of the repository being set up, for the Argo CD and Fleet objects.", valueName: "url"))
    var repository: String?

    @Option(name: .customLong("version"), help: ArgumentHelp("The mignet version the CI jobs download and the repository file requires (default: this mignet's).", valueName: "version"))
    var mignetVersion: String?

    @Option(help: ArgumentHelp("Where mignet releases are downloaded from, as RELEASES_URL/vVERSION/FILE (default: a placeholder that fails the CI jobs until it is set).", valueName: "url"))
    var releasesURL: String?

    @Flag(help: "Overwrite files that exist.")
    var force = false

    func validate() throws {
        if image != nil && delivery != .argocdPlugin { throw ValidationError("--image is the Argo CD plugin's sidecar image; it needs --delivery argocd-plugin.") }
        if let repository, let problem = StarterKit.problem(repository: repository) { throw ValidationError("--repository: \(problem)") }
        if let image, let problem = StarterKit.problem(image: image) { throw ValidationError("--image: \(problem)") }
        if let mignetVersion, let problem = StarterKit.problem(version: mignetVersion) { throw ValidationError("--version: \(problem)") }
        if let releasesURL, let problem = StarterKit.problem(releases: releasesURL) { throw ValidationError("--releases-url: \(problem)") }
    }

    func run() throws {
        let version = mignetVersion ?? MignetVersion.current
        let files = try StarterKit.files(mode: delivery, repository: repository, image: image, version: version, releases: releasesURL)
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let existing = files.map { base + "/" + $0.path }.filter { FileSystems.current.existing(DiskPath($0)) != nil }
        if !existing.isEmpty && !force {
            throw CommandFailure(lines: existing.map { "\($0) exists; use --force to overwrite it" } + ["nothing was written"])
        }
        do {
            // All or nothing, and never through a symbolic link to a folder outside `directory`.
            try FileTransaction.write(files.map { (DiskPath(base + "/" + $0.path), Array($0.file.contents.utf8), $0.file.mode) },
                                      inside: DiskPath(base.isEmpty ? "/" : base))
        } catch {
            throw CommandFailure(String(describing: error), "nothing was written")
        }
        let shown = TerminalText.escaped(directory)
        let steps = StarterKit.nextSteps(mode: delivery, directory: shown, repositoryGiven: repository != nil, imageGiven: image != nil,
                                         releasesGiven: releasesURL != nil, version: version)
        var note = "mignet: set up \(shown) for the \(delivery.rawValue) delivery profile; next:\n"
        for (index, step) in steps.enumerated() { note += "mignet:   \(index + 1). \(step)\n" }
        Terminal.writeError(note)
    }
}
