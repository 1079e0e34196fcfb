import MigNetKit

/// Refuses, before swift-argument-parser sees them, arguments it would read as something else
/// than what they are: swift-argument-parser takes `-dash.yaml` for the short flags `-d -a -s -h`
/// and so for a request for help, which exits 0. In a CI gate that is a check that never ran.
/// mignet has no short options that combine, and none that takes its value in the same word, so
/// every argument of one dash and more than one character before `--` is refused (exit 64).
enum ArgumentGuard {
    /// The message for the first argument that would be misread, or nil when there is none.
    static func problem(in arguments: [String]) -> String? {
        for argument in arguments {
            if argument == "--" { return nil }
            let utf8 = argument.utf8
            guard utf8.count > 2, utf8.first == UInt8(ascii: "-"), utf8.dropFirst().first != UInt8(ascii: "-") else { continue }
            let shown = TerminalText.escaped(argument)
            return "'\(shown)' is not an option of mignet (short options do not combine and take their value as the next argument); "
                + "to name a file that starts with '-', write './\(shown)' or put it after '--'"
        }
        return nil
    }
}
