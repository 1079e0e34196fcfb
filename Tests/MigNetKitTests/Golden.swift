import Foundation
@testable import MigNetKit
import Testing

/// Golden files: rendered output compared byte for byte (and mode) with committed files.
enum Golden {
    /// Writes `files` into `folder`, replacing what was there.
    static func record(_ files: [OutputFile], in folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in files {
            let path = folder + "/" + file.name
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: path)
        }
    }

    /// Expects `folder` to hold exactly `files`, naming the first line that differs.
    static func expectEqual(_ files: [OutputFile], in folder: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let committed = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        #expect(committed == files.map(\.name).sorted(), "files in \(folder)", sourceLocation: sourceLocation)
        for file in files {
            let path = folder + "/" + file.name
            let golden = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            #expect(file.contents == golden, "\(path) differs from the rendering: \(firstDifference(golden, file.contents))",
                    sourceLocation: sourceLocation)
            let executable = FileManager.default.isExecutableFile(atPath: path)
            #expect(executable == file.executable, "\(path) executable bit", sourceLocation: sourceLocation)
        }
    }

    /// The first line where `golden` and `rendered` differ, both sides shown.
    static func firstDifference(_ golden: String, _ rendered: String) -> String {
        let old = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let new = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let shown = { (lines: [Substring]) in line < lines.count ? "\"\(lines[line])\"" : "(end of file)" }
        return "line \(line + 1): golden \(shown(old)), rendered \(shown(new))"
    }
}
