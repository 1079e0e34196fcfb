import ArgumentParser

/// `mignet version`: the version, as `mignet --version` prints it.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print mignet's version (the same as --version)."
    )

    func run() throws {
        try Terminal.writeOutput((Mignet.configuration.version) + "\n")
    }
}
