import MigNetYAML

extension YAMLValue {
    /// A mapping of strings with keys in UTF-8 byte order: how annotations and labels are
    /// written, so that no dictionary order reaches the output.
    static func sortedMapping(_ entries: [String: String]) -> YAMLValue {
        .mapping(entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { YAMLEntry($0.key, .string($0.value)) })
    }
}
