@testable import MigNetKit
import Testing

/// `mignet.yaml`: what it declares, and located diagnostics for what is wrong with it.
@Suite struct RepositoryFileTests {
    static func read(_ text: String) -> Result<RepositoryFile, Diagnosed> {
        RepositoryFile.read(SourceFile(path: "mignet.yaml", text: text))
    }

    @Test func itDeclaresTheSetupWithDefaults() throws {
        let file = try Self.read("apiVersion: mignet/v1\nkind: Repository\ndelivery: fleet\n").get()
        #expect(file.delivery == .fleet && file.specs == ["clusters"] && file.output == "rendered" && file.minimumVersion == nil)
        #expect(file.deliveryLocation == "mignet.yaml:3:11")
        let plugin = try Self.read("apiVersion: mignet/v1\nkind: Repository\ndelivery: argocd-plugin\nspecs: [sites/a, sites/b]\n").get()
        #expect(plugin.delivery == nil && plugin.output == nil && plugin.specs == ["sites/a", "sites/b"])
    }

    @Test(arguments: [
        ("delivery: helm\n", "mignet.yaml:3:11: repository-file-invalid"),
        ("delivery: argocd-plugin\noutput: rendered\n", "mignet.yaml:4:1: repository-file-invalid"),
        ("delivery: kubectl\nminimumVersion: one\n", "mignet.yaml:4:17: repository-file-invalid"),
        ("delivery: kubectl\nouput: rendered\n", "mignet.yaml:4:1: unknown-key"),
        ("delivery: kubectl\nspecs: clusters\n", "mignet.yaml:4:8: expected-sequence"),
        ("output: rendered\n", "mignet.yaml:1:1: missing-key"),
    ])
    func whatIsWrongIsLocated(body: String, expected: String) {
        guard case .failure(let invalid) = Self.read("apiVersion: mignet/v1\nkind: Repository\n" + body) else {
            Issue.record("accepted: \(body)")
            return
        }
        let found = invalid.diagnostics.map { "\($0.location): \($0.code.rawValue)" }
        #expect(found.contains(expected), "\(found)")
    }

    @Test func aNewerMinimumVersionIsNeeded() throws {
        let file = try Self.read("apiVersion: mignet/v1\nkind: Repository\ndelivery: kubectl\nminimumVersion: 0.2.0\n").get()
        #expect(file.needsNewer(than: "0.1.0"))
        #expect(!file.needsNewer(than: "0.2.0"))
        #expect(!file.needsNewer(than: "1.0"))
    }
}
