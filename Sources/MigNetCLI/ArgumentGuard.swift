import MigNetKit

/// Refuses, before swift-argument-parser sees them, arguments it would read as something else
/// than what they are: swift-argument-parser takes `-dash.yaml` for the short flags `-d -a -s -h`
/// and so for a request for help, which exits 0. In a CI gate that is a check that never ran.
/// mignet has no short options that combine, and none that takes its value in the same word, so
/// every argument of one dash and more than one character before `--` is refused (exit 64).
enum ArgumentGuard {
    /// The options that may be given more than once (they collect a list); any other option
    /// given twice is refused rather than letting the last one win unseen.
    static let repeatable: Set<String> = ["--cluster", "--fail-on"]

    /// The message for the first argument that would be misread, or nil when there is none.
    /// `raw` are the arguments as the process received them: one that is not UTF-8 cannot name
    /// its file through swift-argument-parser, which sees it repaired.
    static func problem(in arguments: [String], raw: [[UInt8]] = []) -> String? {
        if let bad = raw.first(where: { String(validating: $0, as: UTF8.self) == nil }) {
            return "the argument '\(TerminalText.escaped(bytes: bad))' is not valid UTF-8, so mignet cannot name it on the command line; "
                + "give the folder that holds it instead (folders are searched by the bytes of their names)"
        }
        var seen = Set<String>()
        for argument in arguments {
            if argument == "--" { return nil }
            if argument.hasPrefix("-") && argument != "-" {
                let option = String(argument.prefix { $0 != "=" })
                let name = option == "-o" ? "--output" : option
                if !repeatable.contains(name) && !seen.insert(name).inserted {
                    return "'\(TerminalText.escaped(option))' is given more than once; it takes one value, so say it once"
                }
            }
            let utf8 = argument.utf8
            guard utf8.count > 2, utf8.first == UInt8(ascii: "-"), utf8.dropFirst().first != UInt8(ascii: "-") else { continue }
            let shown = TerminalText.escaped(argument)
            return "'\(shown)' is not an option of mignet (short options do not combine and take their value as the next argument); "
                + "to name a file that starts with '-', write './\(shown)' or put it after '--'"
        }
        return nil
    }

    /// The message for a first argument that names no command, with the nearest command's name
    /// when one is near (`rendr`: did you mean `render`?); nil when it names one or is an option.
    static func unknownCommand(_ arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) else { return nil }
        let shown = TerminalText.escaped(first)
        let near = commands.map { (name: $0, distance: editDistance(first, $0)) }
            .filter { $0.distance <= max(1, $0.name.count / 3) || $0.name.hasPrefix(first) }
            .min { ($0.distance, $0.name) < ($1.distance, $1.name) }
        let hint = near.map { "; did you mean '\($0.name)'?" } ?? "; the commands are \(commands.joined(separator: ", "))"
        return "'\(shown)' is not a mignet command\(hint)"
    }

    /// The Levenshtein distance between two words, by character.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
