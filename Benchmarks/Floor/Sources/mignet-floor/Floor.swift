import ArgumentParser
import MigNetKit

/// Starts, parses its arguments as mignet does, touches the library, and exits.
@main
struct Floor: ParsableCommand {
    @Argument var files: [String] = []

    func run() throws {
        if files.count > SourceFile.maximumSize { print(SourceFile.maximumSize) }
    }
}
