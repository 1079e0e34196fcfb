import Foundation
import MigNetTestSupport
import Testing
@testable import MigNetKit

@Suite struct CompilerTests {
    static func generatedSpecs(_ count: Int) -> [SpecInput] {
        (0..<count).map { index in
            let vlan = index % 7 == 0 ? 5000 : 100 + index % 3000
            let text = specText("  clusterNetwork: migration\n  vlan: \(vlan)\n  range: 10.\(index / 256 % 40 + 100).\(index % 256).0/24\n  nodes: 3\n  exclude:\n    - 10.\(index / 256 % 40 + 100).\(index % 256).1\n", name: "c\(index)")
            return SpecInput(SourceFile(path: "specs/c\(index).yaml", text: text))
        }
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let inputs = Self.generatedSpecs(300)
        let serial = Compiler().compile(inputs, jobs: 1)
        for jobs in [2, 3, 8, 64] {
            let parallel = Compiler().compile(inputs, jobs: jobs)
            #expect(parallel.map(\.file) == serial.map(\.file))
            #expect(parallel.map(\.diagnostics) == serial.map(\.diagnostics))
            #expect(parallel.map(\.network) == serial.map(\.network))
            var (parallelDrained, serialDrained) = (parallel, serial)
            #expect(Delivery.argocd.folders(draining: &parallelDrained, jobs: jobs) == Delivery.argocd.folders(draining: &serialDrained, jobs: 1))
        }
        #expect(serial.filter { $0.network == nil }.count == 43)
    }

    /// Folders come out in the compilations' order across the batches they are made in, one per
    /// valid spec, and the compilations are given up.
    @Test func foldersKeepTheOrderAcrossBatches() throws {
        let compilations = Compiler().compile(Self.generatedSpecs(Delivery.folderBatch * 2 + 300), jobs: 2)
        var drained = compilations
        let folders = Delivery.fleet.folders(draining: &drained, jobs: 2)
        #expect(drained.isEmpty)
        #expect(folders.map(\.name) == compilations.filter { $0.network != nil }.compactMap(\.name))
        #expect(compilations.count > Delivery.folderBatch * 2 && folders.count > Delivery.folderBatch)
    }

    @Test func discoveredFilesThatAreNotSpecsAreSkipped() {
        let inputs = [
            SpecInput(SourceFile(path: "a/nad.yaml", text: "apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\n"), discovered: true),
            SpecInput(SourceFile(path: "a/chart.yaml", text: "name: {{ .Values.name }\n"), discovered: true),
            SpecInput(SourceFile(path: "a/list.yaml", text: "- a\n- b\n"), discovered: true),
            SpecInput(SourceFile(path: "a/empty.yaml", text: ""), discovered: true),
            SpecInput(SourceFile(path: "a/spec.yaml", text: specText(validBody)), discovered: true),
            SpecInput(SourceFile(path: "a/broken.yaml", text: "kind: MigrationNetwork\nspec: [\n"), discovered: true),
            SpecInput(SourceFile(path: "a/named.yaml", text: "kind: NetworkAttachmentDefinition\n")),
        ]
        let compilations = Compiler().compile(inputs)
        #expect(compilations.map(\.file) == ["a/spec.yaml", "a/broken.yaml", "a/named.yaml"])
        #expect(compilations[1].diagnostics.map(\.code) == [.yamlSyntax])
        #expect(compilations[2].diagnostics.map(\.code) == [.missingKey, .unsupportedKind])
    }

    /// A spec used as kustomize's generator config carries annotations and labels: allowed,
    /// checked to be strings, and without effect on any rendered byte.
    @Test func metadataAnnotationsAndLabelsAreAllowedAndNotRendered() throws {
        let plain = specText(validBody)
        let annotated = plain.replacingOccurrences(of: "metadata:\n  name: test\n", with: """
            metadata:
              name: test
              annotations:
                config.kubernetes.io/function: |
                  exec:
                    path: mignet
                team: "storage"
              labels:
                app.kubernetes.io/part-of: migration

            """)
        #expect(annotated != plain)
        let compiled = [plain, annotated].map { Compiler().compile([SpecInput(SourceFile(path: "a.yaml", text: $0))])[0] }
        #expect(compiled.allSatisfy { $0.diagnostics.isEmpty })
        #expect(compiled[0].render()!.files() == compiled[1].render()!.files())

        let source = MarkedSource(plain.replacingOccurrences(of: "  name: test\n", with: "  name: test\n  labels:\n    tier: 1️⃣3\n  annotations: 2️⃣[a]\n"))
        let bad = Compiler().compile([SpecInput(SourceFile(path: "a.yaml", text: source.text))])[0]
        let located = bad.diagnostics.map { "\($0.code.rawValue)@\($0.location.line):\($0.location.column)" }
        let number = source["1️⃣"], list = source["2️⃣"]
        #expect(located == ["expected-string@\(number.line):\(number.column)", "expected-mapping@\(list.line):\(list.column)"])
    }
}
