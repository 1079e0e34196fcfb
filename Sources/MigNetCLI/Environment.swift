import Glibc

/// The process environment, as mignet reads it: a variable set to the empty string counts as
/// unset. A command run in process (`CommandLineTool.run`) may be given variables of its own,
/// which then stand for the whole environment.
enum Environment {
    /// The variables of a command run in process, in place of the process's.
    @TaskLocal static var overrides: [String: String]?

    /// The value of `name`, or nil when it is unset or empty.
    static func value(_ name: String) -> String? {
        if let overrides { return overrides[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
