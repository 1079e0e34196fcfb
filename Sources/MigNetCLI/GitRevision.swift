import Crypto
import MigNetKit

/// A git repository read as it was at one commit, for `plan --base`: its tree listed with
/// `git ls-tree` and its files read by object id with `git cat-file --batch`. Nothing is checked
/// out or extracted, so no filter, textconv or hook that a repository's or user's git
/// configuration names is ever run, no symbolic link is followed, and nothing is left on disk
/// however the run ends. Every byte git prints passes through `ToolProcess`'s limits.
struct GitRevision {
    /// The repository's top folder (a real path).
    var top: String
    /// The full id of the commit.
    var commit: String

    /// Why git could not answer: its own words, escaped by whoever prints them.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One entry of the commit's tree.
    struct Entry: Sendable {
        /// Git's mode: `100644`, `100755`, `120000` (a symbolic link), `160000` (a submodule).
        var mode: String
        var object: String
        var size: Int
        /// The path from the repository's top.
        var path: String

        var isRegularFile: Bool { mode == "100644" || mode == "100755" }
        var isSymbolicLink: Bool { mode == "120000" }
    }

    /// The id git gives a file of these bytes (`git hash-object`): the SHA-1 of `blob <size>\0`
    /// and the bytes. `plan` compares it with `git ls-tree` to find the specs a change touched
    /// without writing the base's files out.
    static func blobID(_ bytes: [UInt8]) -> String {
        var hash = Insecure.SHA1()
        hash.update(data: Array("blob \(bytes.count)\0".utf8))
        hash.update(data: bytes)
        return hash.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The most git may print for a listing: as much as kubectl's output may be.
    static let listingLimit = SourceFile.Kind.kubectlOutput.maximumSize
    /// How long one git command may take.
    static let timeout = 600

    /// Runs git in `folder` with `arguments`; a failure when it cannot be run or prints more than
    /// `limit` bytes.
    static func git(_ arguments: [String], in folder: String, input: [UInt8]? = nil, limit: Int = listingLimit) throws(Failure) -> ProgramOutcome {
        let outcome: ProgramOutcome
        do {
            outcome = try Programs.runner.run(["git", "-C", folder] + arguments, input: input, timeout: timeout, outputLimit: limit)
        } catch {
            throw Failure(description: "git could not be run: \(error)")
        }
        if outcome.overflowed { throw Failure(description: "git \(arguments.first ?? "") printed more than \(limit) bytes, so it was stopped") }
        if outcome.timedOut { throw Failure(description: "git \(arguments.first ?? "") did not finish within \(timeout) s and was stopped") }
        return outcome
    }

    /// The top folder of the git checkout holding `folder`; nil when it is in none. A checkout
    /// git refuses to read (dubious ownership, a broken repository) is a failure with git's words.
    static func top(of folder: String) throws(Failure) -> String? {
        let outcome = try git(["rev-parse", "--show-toplevel"], in: folder)
        guard outcome.status == 0 else {
            if outcome.stderr.contains("not a git repository") { return nil }
            throw Failure(description: "git refused the repository: \(outcome.stderr.trimmingTrailingNewlines)")
        }
        return FileSystems.current.realPath(outcome.stdoutText.trimmingTrailingNewlines)
    }

    /// The commit `revision` names in the repository at `top`, or why there is none (a shallow
    /// clone says what to fetch).
    init(_ revision: String, top: String) throws(Failure) {
        let verified = try Self.git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], in: top)
        guard verified.status == 0 else {
            let shallow = (try? Self.git(["rev-parse", "--is-shallow-repository"], in: top))?.stdoutText.hasPrefix("true") == true
            throw Failure(description: "\(revision) is not a commit in this clone's history" + (shallow
                ? " (it is a shallow clone: fetch the base, e.g. git fetch --deepen=50 origin, or check out with fetch-depth: 0)" : ""))
        }
        self.top = top
        self.commit = verified.stdoutText.trimmingTrailingNewlines
    }

    /// Every file below `paths` (from the top; `.` for all) in the commit, by path.
    func entries(below paths: [String]) throws(Failure) -> [String: Entry] {
        let listed = try Self.git(["ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--"] + paths, in: top)
        guard listed.status == 0 else { throw Failure(description: "git ls-tree failed: \(listed.stderr.trimmingTrailingNewlines)") }
        var entries: [String: Entry] = [:]
        for record in listed.stdout.split(separator: 0) {
            // <mode> SP <type> SP <object> SP* <size> TAB <path>
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let fields = record[..<tab].split(separator: UInt8(ascii: " "))
            guard fields.count == 4 else { continue }
            let text = { (bytes: ArraySlice<UInt8>) in String(decoding: bytes, as: UTF8.self) }
            let path = text(record[(tab + 1)...])
            entries[path] = Entry(mode: text(fields[0]), object: text(fields[2]), size: Int(text(fields[3])) ?? 0, path: path)
        }
        return entries
    }

    /// The bytes of each object of `entries` (regular files, each within the spec limit), by
    /// object id, read with one `git cat-file --batch`.
    func contents(of entries: [Entry]) throws(Failure) -> [String: [UInt8]] {
        let ids = Array(Set(entries.map(\.object))).sorted()
        guard !ids.isEmpty else { return [:] }
        let expected = entries.reduce(0) { $0 + $1.size } + ids.count * 128
        let read = try Self.git(["cat-file", "--batch"], in: top, input: Array((ids.joined(separator: "\n") + "\n").utf8), limit: expected)
        guard read.status == 0 else { throw Failure(description: "git cat-file failed: \(read.stderr.trimmingTrailingNewlines)") }
        var contents: [String: [UInt8]] = [:]
        var index = read.stdout.startIndex
        let output = read.stdout
        while index < output.endIndex {
            // <object> SP <type> SP <size> LF <contents> LF
            guard let newline = output[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = output[index..<newline].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= output.endIndex else {
                throw Failure(description: "git cat-file printed what it should not: \(String(decoding: output[index..<newline], as: UTF8.self))")
            }
            contents[header[0]] = Array(output[(newline + 1)..<(newline + 1 + size)])
            index = newline + 1 + size + 1
        }
        return contents
    }
}

/// Defaults files from a commit's tree: a reference resolves against the spec's path from the
/// top, and must stay inside the tree and name a regular file there (a symbolic link is not
/// followed), as `DefaultsReader` holds the working tree to its repository.
struct GitTreeLoader: SourceLoader {
    var revision: GitRevision
    /// How the revision is named in messages.
    var name: String

    func load(_ path: String) -> Result<SourceFile, SourceLoadError> {
        guard !path.hasPrefix("/"), path != "..", !path.hasPrefix("../") else {
            return .failure(.outsideRoot(root: "\(name):"))
        }
        do {
            guard let entry = try revision.entries(below: [path])[path] else {
                return .failure(.unreadable("No such file or directory at \(name)"))
            }
            guard entry.isRegularFile else {
                return .failure(.unreadable(entry.isSymbolicLink ? "it is a symbolic link at \(name), which mignet does not follow" : "it is not a regular file at \(name)"))
            }
            if let tooLarge = SourceFile.sizeError(entry.size) { return .failure(tooLarge) }
            guard let bytes = try revision.contents(of: [entry])[entry.object] else {
                return .failure(.unreadable("git did not print it"))
            }
            return .success(SourceFile(path: path, bytes: bytes))
        } catch {
            return .failure(.unreadable(error.description))
        }
    }
}
