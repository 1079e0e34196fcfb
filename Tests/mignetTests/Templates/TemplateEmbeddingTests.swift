import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit
@testable import MigNetCLI

/// The templates built into the binary are exactly the files under `templates/`.
/// `RECORD_GOLDENS=1 swift test` regenerates `EmbeddedTemplates.swift` from them.
@Suite struct TemplateEmbeddingTests {
    static let folder = Repository.root + "/templates"
    static let generated = Repository.root + "/Sources/MigNetCLI/Templates/EmbeddedTemplates.swift"

    static func templatesOnDisk() throws -> [(path: String, contents: String)] {
        let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        return try paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { path in
            (path, try String(contentsOfFile: folder + "/" + path, encoding: .utf8))
        }
    }

    static func swiftSource(for templates: [(path: String, contents: String)]) -> String {
        var source = """
            // Generated from templates/ by `RECORD_GOLDENS=1 swift test --filter TemplateEmbeddingTests`.
            // Do not edit: edit the files under templates/ and regenerate; a test keeps the two equal.

            /// The files under `templates/`, built into the binary so that `mignet init` needs nothing else.
            enum EmbeddedTemplates {
                /// Each template's path under `templates/` and its text.
                static let files: [(path: String, contents: String)] = [

            """
        for template in templates {
            precondition(!template.contents.contains("\"\"\"##"), "\(template.path) cannot be embedded as a raw string")
            source += "        (\"\(template.path)\", ##\"\"\"\n\(template.contents)\n\"\"\"##),\n"
        }
        source += "    ]\n}\n"
        return source
    }

    @Test func embeddedTemplatesMatchTheFolder() throws {
        let onDisk = try Self.templatesOnDisk()
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try Self.swiftSource(for: onDisk).write(toFile: Self.generated, atomically: true, encoding: .utf8)
        }
        #expect(EmbeddedTemplates.files.map(\.path) == onDisk.map(\.path))
        for (embedded, file) in zip(EmbeddedTemplates.files, onDisk) {
            #expect(embedded.contents == file.contents, "\(file.path) differs from its embedded copy: run RECORD_GOLDENS=1 swift test")
        }
        #expect(try String(contentsOfFile: Self.generated, encoding: .utf8) == Self.swiftSource(for: onDisk))
    }

    @Test func everyTemplateIsUsed() throws {
        // install-mignet.sh is the CI templates' snippet, written inside them.
        #expect(Set(StarterKit.layout.map(\.template) + ["install-mignet.sh"]) == Set(try Self.templatesOnDisk().map(\.path)))
        #expect(try StarterKit.files(mode: .kubectl, repository: nil).filter { $0.file.contents.contains("sha256sum -c \"$name.tar.gz.sha256\"") }.map(\.path).sorted()
                == [".github/workflows/mignet.yaml", ".gitlab-ci.yml"])
    }

    @Test(arguments: StarterKit.Mode.allCases)
    func starterKitIsCompleteForEveryMode(mode: StarterKit.Mode) throws {
        let files = try StarterKit.files(mode: mode, repository: "https://git.example.com/infra.git")
        let paths = files.map(\.path)
        #expect(paths.contains(StarterKit.specPath))
        #expect(paths.contains(".pre-commit-config.yaml"))
        #expect(paths.contains(".github/workflows/mignet.yaml"))
        #expect(paths.contains(".gitlab-ci.yml"))
        #expect(paths.contains("rendered/my-cluster/setting.yaml") == (mode != .argocdPlugin))
        #expect(paths.contains("argocd/application.yaml") == (mode == .argocd))
        #expect(paths.contains("argocd-plugin/plugin.yaml") == (mode == .argocdPlugin))
        #expect(paths.contains("fleet/gitrepo.yaml") == (mode == .fleet))
        for file in files {
            // Every placeholder but the ones the user replaces is filled in.
            let leftover = file.file.contents.ranges(of: "{{").map { file.file.contents[$0.lowerBound...].prefix(14) }
            #expect(leftover.allSatisfy { $0.hasPrefix("{{.") || $0.hasPrefix("{{ ") }, "\(file.path): \(leftover)")
        }
        let hooks = files.first { $0.path == ".pre-commit-config.yaml" }!.file.contents
        #expect(hooks.contains("mignet-render") == (mode != .argocdPlugin))
        #expect(hooks.contains(mode == .argocdPlugin ? "entry: mignet validate clusters" : "--delivery \(mode.delivery.rawValue)"))
    }

    @Test func theStarterSpecPointsAtTheSchema() throws {
        let spec = try String(contentsOfFile: Repository.root + "/templates/spec.yaml", encoding: .utf8)
        #expect(spec.hasPrefix("# yaml-language-server: $schema=../schema/mignet-v1.schema.json\n"))
        // From templates/ in this repository and from clusters/ in a repository init set up alike.
        #expect(FileManager.default.fileExists(atPath: Repository.root + "/templates/../schema/mignet-v1.schema.json"))
        #expect(StarterKit.specPath.hasPrefix("clusters/") && StarterKit.schemaPath.hasPrefix("schema/"))
    }
}
