import ArgumentParser
import Glibc
import MigNetKit

/// `mignet init [DIR] --delivery PROFILE`: sets up a GitOps repository for mignet.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a repository: a starter spec and its rendering, pre-commit, CI jobs and GitOps objects.",
        discussion: """
            Writes clusters/my-cluster.yaml, its rendering under rendered/, .pre-commit-config.yaml, \
            .github/workflows/mignet.yaml, .gitlab-ci.yml, and for argocd an Application and an \
            ApplicationSet, for fleet a GitRepo. Existing files are never overwritten without --force; \
            then nothing is written at all.
            """
    )

    @Argument(help: "The folder to set up (default: the current folder).")
    var directory: String = "."

    @Option(help: ArgumentHelp("The delivery profile: argocd, fleet or kubectl.", valueName: "profile"))
    var delivery: Delivery = .default

    @Option(help: ArgumentHelp("The git URL of the repository being set up, for the Argo CD and Fleet objects.", valueName: "url"))
    var repository: String?

    @Flag(help: "Overwrite files that exist.")
    var force = false

    func run() throws {
        let files = try StarterKit.files(delivery: delivery, repository: repository)
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let existing = files.map { base + "/" + $0.path }.filter { access($0, F_OK) == 0 }
        if !existing.isEmpty && !force {
            Terminal.writeError(existing.map { "mignet: \($0) exists; use --force to overwrite it\n" }.joined() + "mignet: nothing was written\n")
            throw ExitCode(1)
        }
        do {
            for file in files {
                try FileWriter.write(file.file, to: base + "/" + file.path)
            }
        } catch {
            Terminal.writeError("mignet: \(error)\n")
            throw ExitCode(1)
        }
        var note = "mignet: set up \(directory) for \(delivery.rawValue) delivery: edit \(StarterKit.specPath), then run mignet render clusters -o rendered --delivery \(delivery.rawValue)\n"
        if repository == nil && delivery != .kubectl {
            note += "mignet: replace \(StarterKit.repositoryPlaceholder) in \(delivery.rawValue)/ with this repository's URL (or pass --repository)\n"
        }
        Terminal.writeError(note)
    }
}
