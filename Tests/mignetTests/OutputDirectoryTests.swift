import Foundation
import Testing

@Suite struct OutputDirectoryTests {
    static func spec(name: String, enabled: Bool = true, vlan: Int = 100) -> String {
        let body = enabled
            ? "  clusterNetwork: migration\n  vlan: \(vlan)\n  range: 10.1.2.0/24\n  nodes: 3\n"
            : "  enabled: false\n"
        return "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: \(name)\nspec:\n" + body
    }

    static func files(under directory: String) throws -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    static func modificationTime(_ path: String) -> (Int, Int) {
        var status = stat()
        stat(path, &status)
        return (status.st_mtim.tv_sec, status.st_mtim.tv_nsec)
    }

    @Test func writesOneFolderPerClusterMatchingTheGoldens() throws {
        let output = try MignetProcess.temporaryDirectory() + "/out"
        let examples = RenderCommandTests.examples.map { "examples/\($0).yaml" }
        let outcome = try InProcess.run(["render"] + examples + ["-o", output])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "")
        let golden = MignetProcess.root + "/examples/rendered"
        #expect(try Self.files(under: output) == (try Self.files(under: golden)))
        for file in try Self.files(under: golden) {
            #expect(FileManager.default.contents(atPath: output + "/" + file) == FileManager.default.contents(atPath: golden + "/" + file), "\(file)")
        }
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try Self.spec(name: "east").write(toFile: directory + "/east.yaml", atomically: true, encoding: .utf8)
        #expect(try InProcess.run(["render", "east.yaml", "-o", "out"], in: directory).status == 0)
        let setting = directory + "/out/east/setting.yaml"
        let before = Self.modificationTime(setting)
        usleep(20_000)
        #expect(try InProcess.run(["render", "east.yaml", "-o", "out"], in: directory).status == 0)
        #expect(Self.modificationTime(setting) == before)

        try Self.spec(name: "east", vlan: 200).write(toFile: directory + "/east.yaml", atomically: true, encoding: .utf8)
        #expect(try InProcess.run(["render", "east.yaml", "-o", "out"], in: directory).status == 0)
        #expect(Self.modificationTime(setting) != before)
        #expect(try String(contentsOfFile: setting, encoding: .utf8).contains(#""vlan":200"#))
        #expect(try Self.files(under: directory + "/out").allSatisfy { !$0.contains(".tmp") })
    }

    @Test func disablingRemovesTheStaleNADFile() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try Self.spec(name: "east").write(toFile: directory + "/east.yaml", atomically: true, encoding: .utf8)
        #expect(try InProcess.run(["render", "east.yaml", "-o", "out"], in: directory).status == 0)
        #expect(try Self.files(under: directory + "/out") == ["east/apply.sh", "east/kubevirt-patch.yaml", "east/networkattachmentdefinition.yaml", "east/setting.yaml"])
        try Self.spec(name: "east", enabled: false).write(toFile: directory + "/east.yaml", atomically: true, encoding: .utf8)
        #expect(try InProcess.run(["render", "east.yaml", "-o", "out"], in: directory).status == 0)
        #expect(try Self.files(under: directory + "/out") == ["east/apply.sh", "east/kubevirt-patch.yaml", "east/setting.yaml"])
    }

    @Test func anInvalidSpecWritesNothing() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try Self.spec(name: "east").write(toFile: directory + "/east.yaml", atomically: true, encoding: .utf8)
        try Self.spec(name: "west", vlan: 5000).write(toFile: directory + "/west.yaml", atomically: true, encoding: .utf8)
        let outcome = try InProcess.run(["render", "east.yaml", "west.yaml", "-o", "out"], in: directory)
        #expect(outcome.status == 1)
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
    }

    @Test func duplicateNamesWriteNothing() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try Self.spec(name: "east").write(toFile: directory + "/a.yaml", atomically: true, encoding: .utf8)
        try Self.spec(name: "east", vlan: 200).write(toFile: directory + "/b.yaml", atomically: true, encoding: .utf8)
        let outcome = try InProcess.run(["render", "a.yaml", "b.yaml", "-o", "out"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("b.yaml:4:9: error: name 'east' is used by two specs"))
        #expect(outcome.stderr.contains("a.yaml:4:9: note: first used here"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
    }

    @Test func aSymlinkedClusterFolderIsNotFollowed() throws {
        let directory = try MignetProcess.temporaryDirectory()
        try Self.spec(name: "east").write(toFile: directory + "/east.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/out", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/elsewhere", withIntermediateDirectories: true)
        try "keep me".write(toFile: directory + "/elsewhere/precious.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/out/east", withDestinationPath: directory + "/elsewhere")
        let outcome = try InProcess.run(["render", "east.yaml", "-o", "out"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("mignet: cannot write into out/east: it is a symbolic link, which mignet does not follow there\n"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/elsewhere") == ["precious.txt"])
    }
}
