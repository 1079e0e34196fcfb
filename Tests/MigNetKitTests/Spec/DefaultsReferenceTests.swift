import MigNetTestSupport
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

    @Test func markersGivePositionsInScalars() {
        let source = MarkedSource("a: 1\n  ë: 2️⃣x\n0️⃣")
        #expect(source.text == "a: 1\n  ë: x\n")
        #expect(source["2️⃣"] == (line: 2, column: 6))
        #expect(source["0️⃣"] == (line: 3, column: 1))
    }

    @Test func aDefaultsFileOutsideTheRootIsItsOwnCode() {
        struct Outside: SourceLoader {
            func load(_ path: String) -> Result<SourceFile, SourceLoadError> { .failure(.outsideRoot(root: "/repo")) }
        }
        let source = MarkedSource("apiVersion: mignet/v1\nkind: MigrationNetwork\ndefaults: 1️⃣/etc/passwd\nmetadata:\n  name: a\nspec:\n  nodes: 3\n")
        let compilation = Compiler().compile([SpecInput(SourceFile(path: "a.yaml", text: source.text))], loader: Outside())[0]
        let at = source["1️⃣"]
        #expect(compilation.diagnostics.contains { $0.code == .defaultsOutsideRoot && $0.location.line == at.line && $0.location.column == at.column })
        #expect(!compilation.diagnostics.contains { $0.code == .defaultsUnreadable })
    }
}
