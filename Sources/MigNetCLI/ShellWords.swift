/// Words written as a POSIX shell reads them back, for the command lines mignet's advice prints:
/// a word of only safe characters as it is, any other in single quotes (a quote inside written
/// `'\''`), and one holding a control character in `$'…'` with `\xNN` escapes (bash, zsh and
/// ksh read it), so that a copied command names exactly the same files.
import MigNetKit

enum ShellWords {
    /// The words joined by spaces, each quoted as it needs.
    static func line(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    /// One word, quoted as it needs.
    static func quoted(_ word: String) -> String {
        let safe = word.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            default: "_-./:=@%+,".utf8.contains(byte)
            }
        }
        if safe && !word.isEmpty { return word }
        if word.unicodeScalars.contains(where: TerminalText.needsEscape) {
            var output = "$'"
            for byte in word.utf8 {
                switch byte {
                case UInt8(ascii: "'"), UInt8(ascii: "\\"): output += "\\" + String(UnicodeScalar(byte))
                case 0x20..<0x7F: output.unicodeScalars.append(UnicodeScalar(byte))
                default: output += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
                }
            }
            return output + "'"
        }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
