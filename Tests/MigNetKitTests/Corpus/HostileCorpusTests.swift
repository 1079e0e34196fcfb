import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit

/// One case of the hostile corpus: a file and the diagnostic it must produce.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    var file: String
    var code: String
    var line: Int
    var column: Int
    var testDescription: String { file }

    static let folder = Repository.root + "/Tests/Corpus/hostile"

    /// The cases of `Tests/Corpus/hostile/EXPECTED.tsv`.
    static let all: [CorpusCase] = {
        let manifest = (try? String(contentsOfFile: folder + "/EXPECTED.tsv", encoding: .utf8)) ?? ""
        return manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t").map(String.init)
            return CorpusCase(file: fields[0], code: fields[1], line: Int(fields[2])!, column: Int(fields[3])!)
        }
    }()
}

/// The hostile corpus compiled in process: every file is refused with its diagnostic, located.
@Suite struct HostileCorpusTests {
    @Test func theCorpusIsLargeAndComplete() throws {
        #expect(CorpusCase.all.count >= 150)
        let files = try FileManager.default.contentsOfDirectory(atPath: CorpusCase.folder).filter { $0 != "EXPECTED.tsv" }
        #expect(Set(files) == Set(CorpusCase.all.map(\.file)))
    }

    @Test(arguments: CorpusCase.all)
    func everyFileIsRefusedWithItsLocatedDiagnostic(_ corpusCase: CorpusCase) throws {
        let path = CorpusCase.folder + "/" + corpusCase.file
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let compilation = Compiler().compile(SourceFile(path: corpusCase.file, bytes: bytes))
        #expect(compilation.diagnostics.hasErrors)
        #expect(compilation.network == nil)
        #expect(compilation.diagnostics.contains {
            $0.code.rawValue == corpusCase.code && $0.location.line == corpusCase.line && $0.location.column == corpusCase.column
        }, "got \(compilation.diagnostics.map { "\($0.code.rawValue)@\($0.location.line):\($0.location.column)" })")
        // The formatter copes with whatever the file holds.
        _ = TextDiagnosticFormatter().format(compilation.diagnostics, sources: [corpusCase.file: SourceFile(path: corpusCase.file, bytes: bytes)])
        _ = MachineDiagnosticFormatter.json(compilation.diagnostics)
    }
}
