import ArgumentParser
import MigNetKit

/// Starts, parses its arguments as mignet does, touches the library, and exits.
@main
struct Floor: ParsableCommand {
    @Argument var files: [String] = []

    func run() throws {
        // Never true: the library's one public entry, named so that it is linked in.
        if files.count > Int(Int32.max) { FuzzHarness.run([]) }
    }
}
