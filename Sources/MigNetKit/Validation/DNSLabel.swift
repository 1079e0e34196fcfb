/// RFC 1123 labels, as Kubernetes names them: what `metadata.name` and `clusterNetwork` must be.
enum DNSLabel {
    /// Whether `text` is a DNS-1123 label of at most `maximumLength` characters.
    static func isValid(_ text: String, maximumLength: Int = 63) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        let allowed = bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        return allowed && isAlphanumeric(bytes.first!) && isAlphanumeric(bytes.last!)
    }

    /// The nearest valid label, when one can be made by lowercasing and replacing other characters with '-'.
    static func suggestion(for text: String, maximumLength: Int = 63) -> String? {
        let mapped = String(text.lowercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber) ? character : "-"
        })
        let trimmed = String(mapped.drop(while: { $0 == "-" }).prefix(maximumLength)).reversed().drop(while: { $0 == "-" })
        let candidate = String(trimmed.reversed())
        return isValid(candidate, maximumLength: maximumLength) && candidate != text ? candidate : nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
