/// RFC 1123 labels, as Kubernetes names them: what `metadata.name` and `clusterNetwork` must be.
enum DNSLabel {
    /// Whether `text` is a DNS-1123 label of at most `maximumLength` characters.
    static func isValid(_ text: String, maximumLength: Int = FieldBounds.dnsLabelLength) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        let allowed = bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        return allowed && isAlphanumeric(bytes.first!) && isAlphanumeric(bytes.last!)
    }

    /// The nearest valid label, when lowercasing, replacing other characters with '-' and
    /// trimming '-' from the ends makes one (never by cutting it short: that would change its meaning).
    static func suggestion(for text: String, maximumLength: Int = FieldBounds.dnsLabelLength) -> String? {
        let mapped = text.lowercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber) ? character : "-"
        }
        let trimmed = mapped.drop(while: { $0 == "-" }).reversed().drop(while: { $0 == "-" }).reversed()
        let candidate = String(trimmed)
        return isValid(candidate, maximumLength: maximumLength) && candidate != text ? candidate : nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
