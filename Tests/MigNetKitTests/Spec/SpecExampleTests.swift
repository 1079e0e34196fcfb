@testable import MigNetKit
@testable import MigNetYAML
import Testing

/// Every key of the spec has an example in the reference (`SpecSchema.example`), and each one
/// validates: set in `SpecSchema.exampleSpec` (a nested key inside its mapping's example), the
/// spec compiles without an error.
@Suite struct SpecExampleTests {
    /// Every key's dotted path, in the tables' order.
    static func paths(_ fields: [SpecField], prefix: String = "") -> [String] {
        fields.flatMap { field -> [String] in
            let path = prefix.isEmpty ? field.name : prefix + "." + field.name
            if case .object(let children) = field.kind { return [path] + paths(children, prefix: path) }
            return [path]
        }
    }

    static let defaultsFile = "apiVersion: mignet/v1\nkind: MigrationNetworkDefaults\nspec:\n  mtu: 9000\n"

    /// `exampleSpec` with the key at `path` set to `value`.
    static func spec(setting path: String, to value: String) throws -> String {
        var lines = SpecSchema.exampleSpec.split(separator: "\n").map(String.init)
        let parts = path.split(separator: ".").map(String.init)
        switch parts.count {
        case 1 where parts[0] == "spec":
            lines = Array(lines.prefix { $0 != "spec:" }) + ["spec: \(value)"]
        case 1 where parts[0] == "metadata":
            lines = lines.filter { $0 != "  name: east-1" }.map { $0 == "metadata:" ? "metadata: \(value)" : $0 }
        case 1:
            lines.removeAll { $0.hasPrefix(parts[0] + ":") }
            lines.insert("\(parts[0]): \(value)", at: 0)
        case 2:
            let indented = "  \(parts[1]):"
            let section = try #require(lines.firstIndex(of: parts[0] + ":"))
            lines.removeAll { $0.hasPrefix(indented) }
            lines.insert("\(indented) \(value)", at: section + 1)
        default:
            // A nested key: its mapping's example with this key set.
            let parent = parts.dropLast().joined(separator: ".")
            let parentExample = try #require(SpecSchema.example(parent))
            let pairs = try #require(YAMLDocument(parsing: Array(parentExample.utf8)).root?.pairs)
            var entries = pairs.map { ($0.key, $0.value.scalar?.value ?? "") }
            entries.removeAll { $0.0 == parts.last! }
            entries.append((parts.last!, value))
            return try spec(setting: parent, to: "{" + entries.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyKeyHasAnExample() {
        let missing = Self.paths(SpecSchema.topLevelFields).filter { SpecSchema.example($0) == nil }
        #expect(missing.isEmpty, "no example: \(missing)")
    }

    @Test(arguments: paths(SpecSchema.topLevelFields))
    func theExampleValidates(_ path: String) throws {
        let example = try #require(SpecSchema.example(path))
        let text = try Self.spec(setting: path, to: example)
        let compiled = Compiler().compile([SpecInput(SourceFile(path: "clusters/east-1.yaml", text: text))], problems: [],
                                          loader: InMemorySourceLoader(["defaults/site.yaml": Self.defaultsFile]))
        #expect(!compiled.diagnostics.hasErrors, "\(path): \(example)\n\(text)\n\(compiled.diagnostics.map { "\($0.code.rawValue): \($0.message)" })")
        #expect(compiled.compilations.first?.render() != nil || path == "spec.enabled", "\(path) does not render")
        // The example is really in the spec compiled.
        #expect(text.contains(example) || path.split(separator: ".").count > 2)
    }
}
