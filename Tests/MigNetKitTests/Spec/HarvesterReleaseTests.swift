@testable import MigNetKit
import Testing

/// Which release a spelling names, and what that release has.
@Suite struct HarvesterReleaseTests {
    @Test(arguments: [
        ("v1.8", true), ("1.8.2", true), ("v1.8.0", true), ("v1.8.0-rc2", true), ("v1.8.0-rc10", true), ("v1.8.1-rc1", true),
        ("v1.8.0-rc1", false), ("v1.8.0-beta1", false), ("v1.8.0-RC1", false), ("v1.7.3", false), ("v1.9.0-rc6", true),
    ])
    func theRWXNetworkStartsAtV180RC2(spelling: String, has: Bool) throws {
        let release = try #require(HarvesterRelease(parsing: spelling))
        #expect(release.hasRWXNetwork == has, "\(spelling)")
    }

    @Test func aPreReleaseIsToldTheFirstThatHasIt() throws {
        #expect(try #require(HarvesterRelease(parsing: "v1.8.0-rc1")).firstWith(.rwxNetwork) == "v1.8.0-rc2")
        #expect(try #require(HarvesterRelease(parsing: "v1.7.1")).firstWith(.rwxNetwork) == "v1.8")
    }
}
