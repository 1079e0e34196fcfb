import Foundation
@testable import MigNetCLI
import Testing

/// `plan --base` tells an unchanged spec by git's blob id of the bytes on disk, so the id must be
/// the one `git hash-object` prints.
struct GitBlobIDTests {
    @Test func theIdIsGitsHashObject() {
        // `git hash-object` of an empty file and of "hello world\n", as every git prints them.
        #expect(GitRevision.blobID([]) == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        #expect(GitRevision.blobID(Array("hello world\n".utf8)) == "3b18e512dba79e4c8300dd08aeb37f8e728b8dad")
    }

    @Test(.enabled(if: MignetProcess.which("git") != nil || Integration.required, "git is not on PATH"))
    func theIdIsWhatGitComputesForAnySpec() throws {
        let git = try #require(MignetProcess.which("git"))
        for name in ["berlin", "lab", "paris"] {
            let path = MignetProcess.root + "/examples/gitops-repo/clusters/\(name).yaml"
            let listed = try MignetProcess.runTool(git, ["hash-object", path])
            let bytes = try #require(FileManager.default.contents(atPath: path))
            #expect(listed.stdout == GitRevision.blobID(Array(bytes)) + "\n")
        }
    }
}
