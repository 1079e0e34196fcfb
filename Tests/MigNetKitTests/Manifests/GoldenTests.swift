import Foundation
@testable import MigNetYAML
import MigNetTestSupport
import Testing
@testable import MigNetKit

/// Every example's rendering (the default delivery, as `render -o` writes it), compared byte
/// for byte with the files committed under `examples/rendered/<name>/`.
/// `RECORD_GOLDENS=1 swift test` rewrites them.
@Suite struct GoldenTests {
    static let examples: [String] = (try? FileManager.default.contentsOfDirectory(atPath: Repository.root + "/examples"))?
        .filter { $0.hasSuffix(".yaml") }.sorted() ?? []
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"

    func render(_ example: String) throws -> RenderedCluster {
        let path = Repository.root + "/examples/" + example
        let source = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let compilation = Compiler().compile(source)
        #expect(!compilation.diagnostics.hasErrors, "\(compilation.diagnostics)")
        return try #require(compilation.render())
    }

    @Test(arguments: examples)
    func renderingMatchesTheCommittedFiles(example: String) throws {
        let rendered = try render(example)
        let folder = Repository.root + "/examples/rendered/" + rendered.name
        // examples/rendered is what `render -o` writes with no profile given: kubectl's folders.
        let files = Delivery.kubectl.folder(for: rendered).files
        if Self.recording { try Golden.record(files, in: folder) }
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(committed == files.map(\.name).sorted(), "files in \(folder)")
        Golden.expectEqual(files, in: folder)
    }

    @Test func noRenderedFolderWithoutAnExample() throws {
        let names = try Self.examples.map { try render($0).name }
        let folders = try FileManager.default.contentsOfDirectory(atPath: Repository.root + "/examples/rendered")
        #expect(Set(folders) == Set(names))
    }

    /// What a YAML reader gets back from the rendered text is exactly the strings rendered.
    @Test(arguments: examples)
    func renderedYAMLReadsBackToTheSameStrings(example: String) throws {
        let rendered = try render(example)
        for file in rendered.files() {
            let parsed = YAMLDocument(parsing: Array(file.contents.utf8))
            #expect(parsed.problems.isEmpty)
            let root = try #require(parsed.root?.pairs)
            switch file.name {
            case "setting.yaml":
                let value = try #require(root.first { $0.key == "value" }?.value.scalar)
                #expect(value.value == rendered.setting.value.text)
                #expect(value.style != .plain)
            case "networkattachmentdefinition.yaml":
                let spec = try #require(root.first { $0.key == "spec" }?.value.pairs)
                #expect(spec.first?.value.scalar?.value == rendered.networkAttachmentDefinition?.config)
            default:
                break
            }
        }
    }

    @Test func renderingIsDeterministic() throws {
        for example in Self.examples {
            let first = try render(example).files()
            for _ in 0..<5 { #expect(try render(example).files() == first) }
        }
    }

}

@Suite struct TemplateTests {
    @Test func starterSpecIsValid() throws {
        let path = Repository.root + "/templates/spec.yaml"
        let source = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let compilation = Compiler().compile(source)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics)")
        #expect(compilation.network != nil)
    }
}
