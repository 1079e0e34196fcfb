/// An IPv4 address as a 32-bit number.
struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The address in host byte order: `10.1.2.3` is `0x0A010203`.
    var value: UInt32

    /// Creates an address from its numeric value.
    init(_ value: UInt32) {
        self.value = value
    }

    /// Creates an address from four octets.
    init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses a strict dotted quad: four decimal octets 0...255, no leading zeros, no signs,
    /// no spaces, no short forms such as `10.1` or `10.0.258`.
    init(parsing text: Substring) throws(AddressSyntaxError) {
        var string = String(text)
        let parsed = string.withUTF8 { bytes in Result { () throws(AddressSyntaxError) in try Self.parse(bytes, 0..<bytes.count) } }
        value = try parsed.get()
    }

    /// The address in `bytes[range]`, parsed on UTF-8 bytes: a spec may hold tens of thousands.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(AddressSyntaxError) -> UInt32 {
        let dot = UInt8(ascii: ".")
        var dots = 0
        for index in range {
            if bytes[index] == UInt8(ascii: ":") { throw .ipv6 }
            if bytes[index] == dot { dots += 1 }
        }
        guard dots == 3 else { throw .octetCount(dots + 1) }
        var value: UInt32 = 0
        var start = range.lowerBound
        while start <= range.upperBound {
            var end = start
            while end < range.upperBound && bytes[end] != dot { end += 1 }
            value = value << 8 | (try octet(bytes, start..<end))
            start = end + 1
        }
        return value
    }

    /// One octet: one to three decimal digits, no leading zero, at most 255.
    private static func octet(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(AddressSyntaxError) -> UInt32 {
        let text = { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        guard !range.isEmpty, range.count <= 3, range.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else {
            throw .badOctet(text())
        }
        if range.count > 1 && bytes[range.lowerBound] == 0x30 { throw .leadingZero(text()) }
        let value = range.reduce(UInt32(0)) { $0 * 10 + UInt32(bytes[$1] - 0x30) }
        guard value <= 255 else { throw .octetTooLarge(text()) }
        return value
    }

    static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    /// The dotted-quad form.
    var description: String { Self.format(value, prefixLength: nil) }

    /// `a.b.c.d`, or `a.b.c.d/n` with a prefix length, written into a stack buffer: an address
    /// is formatted once per exclusion per output, tens of thousands of times for a large spec.
    static func format(_ value: UInt32, prefixLength: Int?) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18) { buffer in
            var count = 0
            func append(_ number: UInt32) {
                if number >= 100 { buffer[count] = UInt8(number / 100) + 0x30; count += 1 }
                if number >= 10 { buffer[count] = UInt8(number / 10 % 10) + 0x30; count += 1 }
                buffer[count] = UInt8(number % 10) + 0x30
                count += 1
            }
            for shift in stride(from: 24, through: 0, by: -8) {
                append(value >> UInt32(shift) & 0xFF)
                if shift > 0 { buffer[count] = UInt8(ascii: "."); count += 1 }
            }
            if let prefixLength {
                buffer[count] = UInt8(ascii: "/")
                count += 1
                append(UInt32(prefixLength))
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }
}
