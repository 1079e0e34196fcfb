/// The text of one spec file and the name diagnostics call it by.
package struct SourceFile: Sendable {
    /// The largest spec file mignet reads, in bytes: 4 MiB. A spec is a few hundred bytes, and a
    /// /16 with 60,000 single-address exclusions about 1.2 MB; the cap keeps a hostile file from
    /// costing memory or time.
    static let maximumSize = 4 << 20

    /// What a file is read as, which sets how large it may be.
    package enum Kind: Sendable, Equatable {
        /// A spec or defaults file: at most `maximumSize`.
        case spec
        /// What `kubectl get -o yaml` printed (preflight's, verify's and import's inputs): at most
        /// 64 MiB. A large cluster's nodes list its images and runs to megabytes, and live mode
        /// reads kubectl's output whole, so a folder it saved must read back.
        case kubectlOutput
        /// A KRM function's `ResourceList` on standard input: the spec is its `functionConfig`,
        /// and its `items` are whatever the kustomization holds, so it may be twice a spec's
        /// size (8 MiB, which mignet reads, renders and writes back within the 1 s and 200 MB
        /// of docs/performance.md) and 256 levels deep.
        case resourceList

        /// The largest such file, in bytes.
        package var maximumSize: Int {
            switch self {
            case .spec: SourceFile.maximumSize
            case .kubectlOutput: 64 << 20
            case .resourceList: 8 << 20
            }
        }

        /// The deepest nesting read in such a file.
        var maximumDepth: Int {
            switch self {
            case .spec, .kubectlOutput: 64
            case .resourceList: 256
            }
        }

        /// What such a file is called in messages.
        var description: String {
            switch self {
            case .spec: "a spec file"
            case .kubectlOutput: "a file of kubectl output"
            case .resourceList: "a KRM ResourceList"
            }
        }
    }

    /// The one check of the size limit: the failure for a file of `size` bytes, or nil when it
    /// is within the limit for its kind. `exact` is false where only "more than the limit" is known.
    package static func sizeError(_ size: Int, exact: Bool = true, kind: Kind = .spec) -> SourceLoadError? {
        size > kind.maximumSize ? .tooLarge(size: exact ? size : nil, kind: kind) : nil
    }

    /// The path as the user gave it, for diagnostics.
    var path: String
    /// The raw bytes.
    package var bytes: [UInt8]

    /// Creates a source file.
    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a source file from text.
    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text of the 1-based line `number` without its line break, if the file has it.
    func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                if current == number { break }
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == number, start <= bytes.endIndex else { return nil }
        var end = index
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
