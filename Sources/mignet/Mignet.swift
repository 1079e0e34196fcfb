import ArgumentParser

/// The root command: compiles migration-network specs into Harvester manifests.
@main
struct Mignet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mignet",
        abstract: "Compile Harvester VM migration network specs into byte-exact, GitOps-ready manifests.",
        discussion: """
            Exit status: 0 success; 1 an error in any spec (nothing is written); 64 wrong arguments.
            """,
        version: "0.1.0",
        subcommands: [Render.self, Check.self, Validate.self, Explain.self, Import.self, Verify.self, Init.self, Schema.self]
    )
}
