import Testing
@testable import MigNetKit

@Suite struct KubeObjectTests {
    @Test func listsAndSingleObjectsAreRead() throws {
        let list = SourceFile(path: "l.yaml", text: "apiVersion: v1\nkind: PodList\nitems:\n- kind: Pod\n  metadata:\n    name: a\n- kind: Pod\n  metadata:\n    name: b\n")
        #expect(try KubeObject.objects(in: list).map(\.name) == ["a", "b"])
        let json = SourceFile(path: "o.json", text: #"{"kind": "Setting", "metadata": {"name": "vm-migration-network", "annotations": {"a/b": "c"}}, "value": ""}"#)
        let objects = try KubeObject.objects(in: json)
        #expect(objects.map(\.kind) == ["Setting"])
        #expect(objects[0].annotations == ["a/b": "c"])
    }

    func failure(_ text: String) -> [Diagnostic] {
        do {
            _ = try KubeObject.objects(in: SourceFile(path: "x.yaml", text: text))
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func whatIsNotAnObjectIsLocated() {
        #expect(failure("just text\n").map(\.code) == [.notKubernetesObjects])
        #expect(failure("just text\n").first?.location == SourceLocation(file: "x.yaml", line: 1, column: 1))
        #expect(failure("kind: Pod\nkind: Pod\n").map(\.code) == [.yamlDuplicateKey])
    }

    @Test func importLocatesItsProblems() throws {
        func importDiagnostics(_ text: String) -> [Diagnostic] {
            do {
                _ = try SettingImport(SourceFile(path: "s.yaml", text: text), name: "x", nodes: 1)
                return []
            } catch let failure as Diagnosed {
                return failure.diagnostics
            } catch {
                return []
            }
        }
        let missing = importDiagnostics("kind: Pod\nmetadata:\n  name: x\n")
        #expect(missing.map(\.code) == [.objectMissing])
        #expect(missing.first?.location == SourceLocation(file: "s.yaml", line: 1, column: 1))
        let unreadable = importDiagnostics("kind: Setting\nmetadata:\n  name: vm-migration-network\nvalue: '{vlan: 1}'\n")
        #expect(unreadable.map(\.code) == [.valueUnreadable])
        #expect(unreadable.first?.location == SourceLocation(file: "s.yaml", line: 4, column: 8))
    }
}
