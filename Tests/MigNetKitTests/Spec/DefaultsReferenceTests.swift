import Testing
@testable import MigNetKit

/// A `defaults:` that is not a string is one diagnostic, not a failed read as well.
@Suite struct DefaultsReferenceTests {
    @Test(arguments: ["100", "true", "[a]", "~"])
    func aDefaultsValueThatIsNotAStringIsOneDiagnostic(value: String) {
        let text = "apiVersion: mignet/v1\nkind: MigrationNetwork\ndefaults: \(value)\nmetadata:\n  name: a\nspec:\n  enabled: false\n"
        let compilation = Compiler().compile(SourceFile(path: "a.yaml", text: text))
        let atDefaults = compilation.diagnostics.filter { $0.location.line == 3 }
        #expect(atDefaults.count == 1, "\(atDefaults.map(\.code.rawValue))")
        #expect(atDefaults.first?.code == .expectedString)
        #expect(compilation.defaultsFile == nil)
    }

    @Test func aDefaultsFileOutsideTheRootIsItsOwnCode() {
        struct Outside: SourceLoader {
            func load(_ path: String) -> Result<SourceFile, SourceLoadError> { .failure(.outsideRoot(root: "/repo")) }
        }
        let text = "apiVersion: mignet/v1\nkind: MigrationNetwork\ndefaults: /etc/passwd\nmetadata:\n  name: a\nspec:\n  nodes: 3\n"
        let compilation = Compiler().compile([SpecInput(SourceFile(path: "a.yaml", text: text))], loader: Outside())[0]
        #expect(compilation.diagnostics.contains { $0.code == .defaultsOutsideRoot && $0.location.line == 3 && $0.location.column == 11 })
        #expect(!compilation.diagnostics.contains { $0.code == .defaultsUnreadable })
    }
}
