import Foundation
import Testing

/// `scripts/release.sh`: it builds the release binary (statically linked but for the C
/// library), prints the version `mignet --version` prints, and writes a tarball with its
/// SHA-256 sum. The first run in a new clone builds the release configuration (minutes on 2
/// cores); later runs relink.
@Suite struct ReleaseScriptTests {
    /// What the C library is made of on Linux: the only libraries the binary may still load.
    static func isCLibrary(_ name: String) -> Bool {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return ["linux-vdso.so.", "linux-gate.so.", "libc.so.", "libm.so.", "libpthread.so.", "libdl.so.", "librt.so.", "ld-linux"].contains { base.hasPrefix($0) }
    }

    @Test func buildsAnInstallableTarballThatNeedsOnlyTheCLibrary() throws {
        let output = try MignetProcess.temporaryDirectory() + "/dist"
        let release = try MignetProcess.runTool("/bin/sh", [MignetProcess.root + "/scripts/release.sh", output])
        #expect(release.status == 0, "\(release.stderr)")
        let lines = release.stdout.split(separator: "\n").map(String.init)
        let version = try MignetProcess.run(["--version"]).stdout.trimmingCharacters(in: .newlines)
        #expect(!version.isEmpty && !version.contains(" "))
        let name = "mignet-\(version)-linux-" + (try MignetProcess.runTool("/usr/bin/uname", ["-m"]).stdout.trimmingCharacters(in: .newlines))
        #expect(lines == [version, "\(output)/\(name).tar.gz", "\(output)/\(name).tar.gz.sha256"])

        let sum = try MignetProcess.runTool("/usr/bin/sha256sum", ["-c", name + ".tar.gz.sha256"], in: output)
        #expect(sum.status == 0 && sum.stdout == "\(name).tar.gz: OK\n", "\(sum.stdout)\(sum.stderr)")
        let unpacked = try MignetProcess.temporaryDirectory()
        let tar = try MignetProcess.runTool("/bin/tar", ["-xzf", "\(output)/\(name).tar.gz", "-C", unpacked])
        #expect(tar.status == 0, "\(tar.stderr)")
        let binary = "\(unpacked)/\(name)/mignet"
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(unpacked)/\(name)").sorted() == ["README.md", "mignet"])

        // ldd: nothing but the C library.
        let ldd = try MignetProcess.runTool("/usr/bin/ldd", [binary])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        let libraries = ldd.stdout.split(separator: "\n").compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) }
        #expect(libraries.contains { $0.hasPrefix("libc.so.") })
        #expect(libraries.allSatisfy(Self.isCLibrary), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains("libyaml") && !ldd.stdout.contains("libstdc++") && !ldd.stdout.contains("libswift") && !ldd.stdout.contains("libgcc_s"))

        // The installed binary is mignet: same version, same bytes out.
        let installedVersion = try MignetProcess.runTool(binary, ["--version"])
        #expect(installedVersion.stdout == version + "\n")
        let installed = try MignetProcess.runTool(binary, ["render", "examples/dedicated.yaml"])
        let built = try MignetProcess.run(["render", "examples/dedicated.yaml"])
        #expect(installed.status == 0 && installed.stdout == built.stdout)
    }
}
