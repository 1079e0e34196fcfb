/// Paths of the repository the tests run in.
package enum Repository {
    /// The package root: three levels above this file (Tests/MigNetTestSupport/Repository.swift).
    package static let root: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }()
}
