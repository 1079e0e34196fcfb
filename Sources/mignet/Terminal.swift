import Glibc

/// Standard output and error, written unbuffered and in whole pieces.
enum Terminal {
    /// Whether stderr is a terminal that wants colour (not when NO_COLOR is set or TERM is dumb).
    static var standardErrorIsColourTerminal: Bool {
        guard isatty(2) == 1, getenv("NO_COLOR") == nil else { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    static func writeOutput(_ text: String) { write(text, to: 1) }

    static func writeError(_ text: String) { write(text, to: 2) }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
