import Foundation
import Testing

/// The hostile corpus through the command line: exit 1, a located diagnostic, nothing on stdout,
/// nothing written. How long each takes is measured by the benchmark (its section 4), not here.
@Suite struct HostileInputTests {
    static let folder = MignetProcess.root + "/Tests/Corpus/hostile"

    static let cases: [(file: String, code: String, line: Int, column: Int)] = {
        let manifest = (try? String(contentsOfFile: folder + "/EXPECTED.tsv", encoding: .utf8)) ?? ""
        return manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t").map(String.init)
            return (fields[0], fields[1], Int(fields[2])!, Int(fields[3])!)
        }
    }()

    /// The whole corpus in one render, in process: every file has its located diagnostic, so any
    /// file mignet accepted would be missing from stderr; nothing reaches stdout or the output.
    @Test func everyHostileFileIsRefusedCleanly() throws {
        #expect(Self.cases.count >= 150)
        let output = try MignetProcess.temporaryDirectory() + "/out"
        let outcome = try InProcess.run(["render"] + Self.cases.map { Self.folder + "/" + $0.file } + ["-o", output])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
        let lines = Set(outcome.stderr.split(separator: "\n").map(String.init))
        for corpusCase in Self.cases {
            let place = "\(Self.folder)/\(corpusCase.file):\(corpusCase.line):\(corpusCase.column): error: "
            #expect(lines.contains { $0.hasPrefix(place) && $0.hasSuffix("[\(corpusCase.code)]") }, "\(corpusCase.file): no \(corpusCase.code) error at \(corpusCase.line):\(corpusCase.column)")
        }
    }

    @Test func aHundredMegabyteFileIsRefusedWithoutReadingIt() throws {
        let path = try MignetProcess.temporaryDirectory() + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        let start = DispatchTime.now()
        let outcome = try MignetProcess.run(["validate", path])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("\(path):1:1: error: the file is 100000000 bytes; a spec file may be at most 4194304 bytes [input-too-large]"))
        #expect(seconds < 1)
    }
}
