import Crypto

/// SHA-1 digests as lowercase hex: the setting value's hash, and git's object ids.
package enum SHA1Hex {
    /// The hex digest of `bytes`.
    static func digest(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(40)
        for byte in Insecure.SHA1.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The id git gives a file of these bytes (`git hash-object`): the SHA-1 of `blob <size>\0`
    /// and the bytes. `plan` compares it with `git ls-tree` to find the specs a change touched
    /// without writing the base's files out.
    package static func gitBlobID(_ bytes: [UInt8]) -> String {
        digest(Array("blob \(bytes.count)\0".utf8) + bytes)
    }
}
