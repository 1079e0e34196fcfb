import Glibc

/// The process environment, as mignet reads it: a variable set to the empty string counts as unset.
enum Environment {
    /// The value of `name`, or nil when it is unset or empty.
    static func value(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
