/// mignet's version: what `mignet --version` prints, what `init` writes as a repository's
/// `minimumVersion`, and what a repository file's `minimumVersion` is compared with.
enum MignetVersion {
    static let current = "0.1.0"
}
