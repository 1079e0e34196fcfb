import ArgumentParser
import MigNetKit

/// `mignet schema`: the JSON Schema of the spec format.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the spec format, for editors and other tools.",
        discussion: "Generated from the tables the decoder reads, so it always matches this mignet. --repository prints the schema of the repository file (mignet.yaml) instead."
    )

    @Flag(help: "The schema of the repository file (mignet.yaml) instead of the spec's.")
    var repository = false

    func run() throws {
        try Terminal.writeOutput(repository ? RepositoryFile.jsonSchemaText : SpecSchema.jsonSchemaText)
    }
}
