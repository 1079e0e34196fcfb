import Foundation
import Testing

/// The hostile corpus through the built binary: exit 1, a located diagnostic, nothing on stdout,
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

    @Test func everyHostileFileIsRefusedCleanly() throws {
        #expect(Self.cases.count >= 150)
        let output = try MignetProcess.temporaryDirectory() + "/out"
        for corpusCase in Self.cases {
            let path = Self.folder + "/" + corpusCase.file
            let outcome = try InProcess.run(["render", path, "-o", output])
            #expect(outcome.status == 1, "\(corpusCase.file): exit \(outcome.status)")
            #expect(outcome.stdout.isEmpty, "\(corpusCase.file): wrote to stdout")
            #expect(outcome.stderr.contains("\(path):\(corpusCase.line):\(corpusCase.column): error: "), "\(corpusCase.file): \(outcome.stderr.prefix(300))")
            #expect(outcome.stderr.contains("[\(corpusCase.code)]"), "\(corpusCase.file)")
            #expect(!FileManager.default.fileExists(atPath: output), "\(corpusCase.file): wrote output")
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
