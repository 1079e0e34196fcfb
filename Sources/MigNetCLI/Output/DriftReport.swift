import MigNetKit

/// What `check` prints for the differences it found: a unified diff per text file, a git-style
/// mode header where the permission bits differ, and a `diff -r`-style line for anything that
/// cannot be shown as text (another type of entry, a binary or very large file).
enum DriftReport {
    /// The report; `prefix` is the output folder as the user named it, ending in `/`.
    static func render(_ drifts: [FileDrift], prefix: String, quiet: Bool) -> String {
        var report = ""
        for drift in drifts {
            let path = prefix + drift.path
            if quiet {
                report += TerminalText.escaped(path) + "\n"
            } else {
                report += render(drift, path: path)
            }
        }
        return report
    }

    /// The differences as GitHub Actions `::error` annotations, one per path, so that a stale or
    /// stray file is marked in the pull request.
    static func github(_ drifts: [FileDrift], prefix: String) -> String {
        drifts.map { drift in
            let what = switch drift.kind {
            case .missing: "mignet renders this file but it is missing: render the specs"
            case .changed: "this file differs from what mignet renders: render the specs"
            case .extra: "mignet does not render this entry: anything here may be deployed, so remove it"
            }
            return TerminalText.workflowCommand("error", file: prefix + drift.path, line: 1, column: 1, title: "mignet check " + drift.kind.rawValue, message: what)
        }.joined()
    }

    private static func render(_ drift: FileDrift, path: String) -> String {
        let shown = TerminalText.escaped(path)
        let folder = TerminalText.escaped(SourcePath.directory(of: path))
        let name = TerminalText.escaped(String(path.split(separator: "/").last ?? ""))
        switch (drift.actual, drift.expected) {
        case (nil, let expected?):
            return UnifiedDiff.render(path: path, old: nil, new: expected.contents)
        case (.other(let what)?, let expected?):
            return "File a/\(shown) is \(what) while file b/\(shown) is a regular file\n"
                + UnifiedDiff.render(path: path, old: nil, new: expected.contents)
        case (.other(let what)?, nil):
            return "Only in \(folder): \(name) (\(what), not rendered by mignet)\n"
        case (.file(let bytes, let size, let mode)?, let expected):
            guard let text = bytes.flatMap(text(of:)) else {
                let what = bytes == nil ? "\(size) bytes, not shown" : "binary"
                return expected == nil
                    ? "Only in \(folder): \(name) (\(what), not rendered by mignet)\n"
                    : "Files a/\(shown) and b/\(shown) differ (a/\(shown): \(what))\n"
            }
            var output = ""
            if let expected, mode != expected.mode {
                output += "diff --git a/\(shown) b/\(shown)\nold mode \(octal(0o100000 | mode))\nnew mode \(octal(0o100000 | expected.mode))\n"
            }
            return output + UnifiedDiff.render(path: path, old: text, new: expected?.contents)
        case (nil, nil):
            return ""
        }
    }

    /// The bytes as text, or nil when they are not (invalid UTF-8, or a NUL byte).
    private static func text(of bytes: [UInt8]) -> String? {
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func octal(_ mode: Int) -> String { String(mode, radix: 8) }
}
