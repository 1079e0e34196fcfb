import ArgumentParser
import MigNetKit

/// `mignet schema`: the JSON Schema of the spec format.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the spec format, for editors and other tools.",
        discussion: "Generated from the tables the decoder reads, so it always matches this mignet."
    )

    func run() throws {
        try Terminal.writeOutput(SpecSchema.jsonSchema.pretty)
    }
}
