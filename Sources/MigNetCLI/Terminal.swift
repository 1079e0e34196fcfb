import Glibc
import Synchronization

/// Standard output and error, written unbuffered and in whole pieces; or, for a command run in
/// process (`CommandLineTool.run`), kept in a capture.
enum Terminal {
    /// What a command run in process wrote, instead of the process's stdout and stderr.
    final class Capture: Sendable {
        struct Streams {
            var output: [UInt8] = []
            var error: [UInt8] = []
        }

        let streams = Mutex(Streams())

        func text(_ stream: KeyPath<Streams, [UInt8]>) -> String {
            streams.withLock { String(decoding: $0[keyPath: stream], as: UTF8.self) }
        }
    }

    /// The capture of the command running in this task, if it runs in process.
    @TaskLocal static var capture: Capture?

    /// Standard output could not take everything: a full disk, `/dev/full`, a closed pipe.
    /// The command stops with exit status 1 (see `Mignet.main`).
    struct OutputFailure: Error, CustomStringConvertible {
        var errorNumber: Int32

        var description: String { "cannot write to standard output: \(String(cString: strerror(errorNumber)))" }
    }

    /// Whether stderr is a terminal that wants colour (not when NO_COLOR is set or TERM is dumb,
    /// nor when it is captured).
    static var standardErrorIsColourTerminal: Bool {
        guard capture == nil, isatty(2) == 1, getenv("NO_COLOR") == nil else { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    /// Whether stderr is a terminal a person watches (not when it is captured): where progress is shown.
    static var standardErrorIsTerminal: Bool {
        capture == nil && isatty(2) == 1
    }

    /// Replaces the progress line on stderr with `line` (escaped already), or clears it (nil). For a terminal only
    /// (`standardErrorIsTerminal`); safe from any thread, each line written whole.
    static func writeProgress(_ line: String?) {
        _ = write("\r\u{1B}[K" + (line ?? ""), to: 2)
    }

    /// Writes to stdout, all of it or an error: output is what a pipeline or a file keeps, so
    /// a short write is never taken for success.
    static func writeOutput(_ text: String) throws(OutputFailure) {
        if let error = write(text, to: 1) { throw OutputFailure(errorNumber: error) }
    }

    /// Writes to stderr, as much as it takes: there is nowhere left to report a failure.
    static func writeError(_ text: String) {
        _ = write(text, to: 2)
    }

    /// The `errno` of a failed write, or nil when every byte was written.
    private static func write(_ text: String, to descriptor: Int32) -> Int32? {
        if let capture {
            capture.streams.withLock { streams in
                if descriptor == 1 { streams.output += Array(text.utf8) } else { streams.error += Array(text.utf8) }
            }
            return nil
        }
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
    }
}
