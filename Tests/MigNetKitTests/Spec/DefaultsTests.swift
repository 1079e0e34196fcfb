import Foundation
import Synchronization
import Testing
@testable import MigNetKit

@Suite struct DefaultsTests {
    static let defaults = """
        apiVersion: mignet/v1
        kind: MigrationNetworkDefaults
        spec:
          clusterNetwork: migration
          vlan: 100
          mtu: 9000
          reserved:
            - 192.168.0.0/24

        """

    static func spec(name: String, _ body: String, defaults: String = "../site-defaults.yaml") -> String {
        "apiVersion: mignet/v1\nkind: MigrationNetwork\ndefaults: \(defaults)\nmetadata:\n  name: \(name)\nspec:\n" + body
    }

    func compile(_ specs: [String: String], defaults: String = Self.defaults, jobs: Int = 1) -> [Compilation] {
        let loader = InMemorySourceLoader(["site-defaults.yaml": defaults])
        let inputs = specs.keys.sorted().map { SpecInput(SourceFile(path: $0, text: specs[$0]!)) }
        return Compiler().compile(inputs, loader: loader, jobs: jobs)
    }

    @Test func specValuesWinOverDefaultsFieldByField() throws {
        let compilation = compile(["clusters/east.yaml": Self.spec(name: "east", "  vlan: 200\n  range: 10.1.2.0/24\n  nodes: 3\n")])[0]
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics)")
        let configuration = try #require(compilation.network?.configuration)
        #expect(configuration.clusterNetwork == "migration")
        #expect(configuration.vlan == 200)
        #expect(configuration.mtu == 9000)
        #expect(compilation.cluster?.reserved.first?.location == SourceLocation(file: "site-defaults.yaml", line: 8, column: 7))
    }

    /// A site's release and cluster networks usually live in its defaults file; the rules of
    /// that release apply to every spec, and a spec may name its own.
    @Test func releaseAndClusterNetworksComeFromDefaults() throws {
        let site = Self.defaults + "  harvesterVersion: v1.7\n  clusterPodCIDR: 10.100.0.0/16\n"
        let compilations = compile([
            "clusters/east.yaml": Self.spec(name: "east", "  range: 10.42.1.0/24\n  nodes: 3\n  rwxNetwork:\n    shareStorageNetwork: true\n"),
            "clusters/west.yaml": Self.spec(name: "west", "  harvesterVersion: v1.8\n  range: 10.42.1.0/24\n  nodes: 3\n  rwxNetwork:\n    shareStorageNetwork: true\n"),
            "clusters/north.yaml": Self.spec(name: "north", "  range: 10.100.1.0/24\n  nodes: 3\n"),
        ], defaults: site)
        let east = compilations[0], north = compilations[1], west = compilations[2]
        let unavailable = try #require(east.diagnostics.first { $0.code == .releaseFeatureUnavailable })
        #expect(unavailable.message.contains("harvesterVersion is 'v1.7'"), "the release came from the defaults: \(unavailable.message)")
        #expect(unavailable.notes.map(\.location) == [SourceLocation(file: "site-defaults.yaml", line: 9, column: 21)])
        #expect(west.diagnostics.isEmpty, "\(west.diagnostics)")
        let overlap = try #require(north.diagnostics.first { $0.code == .rangeOverlapsHarvesterNetwork })
        #expect(overlap.notes.map(\.location) == [SourceLocation(file: "site-defaults.yaml", line: 10, column: 19)])
    }

    @Test func aBadDefaultIsReportedWhereItIsWritten() throws {
        let broken = Self.defaults.replacingOccurrences(of: "vlan: 100", with: "vlan: 5000")
        let compilation = compile(["clusters/east.yaml": Self.spec(name: "east", "  range: 10.1.2.0/24\n  nodes: 3\n")], defaults: broken)[0]
        #expect(compilation.diagnostics.map(\.code) == [.vlanOutOfRange])
        #expect(compilation.diagnostics.first?.location == SourceLocation(file: "site-defaults.yaml", line: 5, column: 9))
    }

    @Test func theSpecsOwnValueHidesABadDefault() {
        let broken = Self.defaults.replacingOccurrences(of: "vlan: 100", with: "vlan: 5000")
        let compilation = compile(["clusters/east.yaml": Self.spec(name: "east", "  vlan: 7\n  range: 10.1.2.0/24\n  nodes: 3\n")], defaults: broken)[0]
        #expect(compilation.diagnostics.isEmpty)
    }

    @Test func missingKeysNameTheDefaultsFile() throws {
        let compilation = compile(["clusters/east.yaml": Self.spec(name: "east", "  vlan: 7\n  nodes: 3\n")])[0]
        let missing = try #require(compilation.diagnostics.first { $0.code == .missingKey })
        #expect(missing.message == "spec is missing the required key 'range' (its defaults file site-defaults.yaml has none either)")
        #expect(missing.location == SourceLocation(file: "clusters/east.yaml", line: 6, column: 1))
    }

    @Test func aDefaultsFileOfTheWrongKindIsRefused() {
        let wrong = Self.defaults.replacingOccurrences(of: "MigrationNetworkDefaults", with: "MigrationNetwork")
        let compilation = compile(["clusters/east.yaml": Self.spec(name: "east", "  range: 10.1.2.0/24\n  nodes: 3\n")], defaults: wrong)[0]
        #expect(compilation.diagnostics.contains { $0.code == .unsupportedKind && $0.location.file == "site-defaults.yaml" })
        #expect(compilation.network == nil)
    }

    @Test func anUnreadableDefaultsFileIsReportedAtTheReference() throws {
        let compilation = compile(["clusters/east.yaml": Self.spec(name: "east", "  range: 10.1.2.0/24\n  nodes: 3\n", defaults: "nope.yaml")])[0]
        let unreadable = try #require(compilation.diagnostics.first { $0.code == .defaultsUnreadable })
        #expect(unreadable.location == SourceLocation(file: "clusters/east.yaml", line: 3, column: 11))
        #expect(unreadable.message.contains("'nope.yaml' (clusters/nope.yaml): No such file or directory"))
    }

    final class CountingLoader: SourceLoader {
        let inner: InMemorySourceLoader
        let loads = Mutex(0)
        init(_ inner: InMemorySourceLoader) { self.inner = inner }
        func load(_ path: String) -> Result<SourceFile, SourceLoadError> {
            loads.withLock { $0 += 1 }
            return inner.load(path)
        }
    }

    @Test func aSharedDefaultsFileIsLoadedOnce() {
        let loader = CountingLoader(InMemorySourceLoader(["site-defaults.yaml": Self.defaults]))
        let inputs = (1...5).map { index in
            SpecInput(SourceFile(path: "clusters/c\(index).yaml", text: Self.spec(name: "c\(index)", "  range: 10.1.\(index).0/24\n  nodes: 3\n")))
        }
        let compilations = Compiler().compile(inputs, loader: loader, jobs: 4)
        #expect(compilations.allSatisfy { $0.network != nil })
        #expect(loader.loads.withLock { $0 } == 1)
    }

    @Test(arguments: [
        ("../site.yaml", "clusters/east.yaml", "site.yaml"), ("site.yaml", "east.yaml", "site.yaml"),
        ("./a/../b.yaml", "x/y/east.yaml", "x/y/b.yaml"), ("/etc/site.yaml", "x/east.yaml", "/etc/site.yaml"),
        ("../../site.yaml", "east.yaml", "../../site.yaml"), ("site.yaml", "<stdin>", "site.yaml"),
    ])
    func referencesResolveFromTheSpecsFolder(reference: String, referrer: String, expected: String) {
        #expect(SourcePath.resolve(reference, from: referrer) == expected)
    }
}
