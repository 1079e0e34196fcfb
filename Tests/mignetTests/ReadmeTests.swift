import Foundation
import Testing

/// What the README and the pages of `docs/` show works as printed.
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOfFile: MignetProcess.root + "/README.md", encoding: .utf8)) ?? ""

    /// Every page of the documentation by path from the repository's top: the README and
    /// `docs/**/*.md`.
    static let pages: [(path: String, text: String)] = {
        var found = [("README.md", readme)]
        let enumerator = FileManager.default.enumerator(atPath: MignetProcess.root + "/docs")
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".md") else { continue }
            found.append(("docs/" + relative, (try? String(contentsOfFile: MignetProcess.root + "/docs/" + relative, encoding: .utf8)) ?? ""))
        }
        return found.sorted { $0.0 < $1.0 }
    }()

    /// The page at `path`.
    static func page(_ path: String) -> String { pages.first { $0.path == path }?.text ?? "" }

    /// Every page, one after the other.
    static var all: String { pages.map(\.text).joined(separator: "\n") }

    /// The first fenced `yaml` block after `heading` on any page.
    static func yamlBlock(after heading: String) -> String? {
        let readme = all
        guard let start = readme.range(of: heading) else { return nil }
        guard let open = readme.range(of: "```yaml\n", range: start.upperBound..<readme.endIndex),
              let close = readme.range(of: "```", range: open.upperBound..<readme.endIndex) else { return nil }
        return String(readme[open.upperBound..<close.lowerBound])
    }

    /// The version the README states is `mignet --version`'s, and every `rev:` it shows pins
    /// that version's tag (made at release time: the samples are held to the version string).
    @Test func theVersionAndRevisionsAreTrue() throws {
        let version = try MignetProcess.run(["--version"]).stdout.trimmingCharacters(in: .newlines)
        #expect(Self.page("docs/installing.md").contains("`mignet --version` prints the one version string (`\(version)`"))
        let revisions = Self.all.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("rev: ") }
        #expect(!revisions.isEmpty)
        for line in revisions {
            let revision = String(line.trimmingCharacters(in: .whitespaces).dropFirst(5).prefix { $0 != " " })
            #expect(revision == "v" + version, "README's rev: \(revision) is not v\(version), the version it pins")
        }
    }

    /// Every `Suite/test` a guarantee names is a test that exists: a promise never points at
    /// nothing.
    @Test func everyGuaranteeNamesATestThatExists() throws {
        let page = Self.page("docs/guarantees.md")
        let end = try #require(page.range(of: "Not guaranteed:"))
        let section = page[..<end.lowerBound]
        var sources = ""
        for folder in ["Tests/mignetTests", "Tests/MigNetKitTests", "Tests/MigNetYAMLTests"] {
            let enumerator = FileManager.default.enumerator(atPath: MignetProcess.root + "/" + folder)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") else { continue }
                sources += try String(contentsOfFile: MignetProcess.root + "/" + folder + "/" + file, encoding: .utf8)
            }
        }
        var named = 0
        for piece in section.split(separator: "`").enumerated() where piece.offset % 2 == 1 {
            let parts = piece.element.split(separator: "/")
            guard piece.element != "Suite/test", parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber } }), parts[0].first?.isUppercase == true else { continue }
            named += 1
            #expect(sources.contains("struct \(parts[0])"), "no suite \(parts[0])")
            #expect(sources.contains("func \(parts[1])("), "no test \(parts[1])")
        }
        #expect(named > 40)
    }

    @Test func theSampleSpecValidatesAsPrinted() throws {
        let sample = try #require(Self.yamlBlock(after: "## The spec (format `mignet/v1`)"))
        #expect(Self.page("docs/writing-specs.md").contains("## The spec (format `mignet/v1`)"))
        #expect(sample.contains("kind: MigrationNetwork"))
        let outcome = try MignetProcess.run(["validate", "-"], stdin: sample)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    /// Every `$ mignet …` session in a fenced block of any page prints what the page shows
    /// (a block of several commands is the quick start's, which `QuickStartTests` runs).
    @Test(arguments: ReadmeTests.pages.map(\.path))
    func commandSessionsPrintWhatIsShown(page: String) throws {
        var rest = Self.page(page)[...]
        while let prompt = rest.range(of: "```\n$ mignet ") {
            let line = rest[prompt.upperBound...].prefix { $0 != "\n" }
            let outputStart = rest.index(prompt.upperBound, offsetBy: line.count + 1)
            guard let close = rest.range(of: "```", range: outputStart..<rest.endIndex) else { break }
            let shown = String(rest[outputStart..<close.lowerBound])
            rest = rest[close.upperBound...]
            guard !shown.contains("\n$ ") && !shown.hasPrefix("$ ") else { continue }
            // Sessions that need a cluster or a pipe are shown, not replayed.
            guard !line.contains("|"), !line.contains("--live"), !line.contains("--base") else { continue }
            let arguments = line.split(separator: " ").map(String.init)
            let outcome = try MignetProcess.run(arguments)
            #expect(outcome.stdout == shown, "\(page): mignet \(line)")
        }
    }

    /// The import session of docs/operating-clusters.md, with the Setting kubectl would print
    /// (`Fixtures/import/docs-spelling.json`) on standard input: the spec on stdout, then the
    /// notes on stderr, as a terminal shows them.
    @Test func theImportSessionIsWhatImportPrints() throws {
        let page = Self.page("docs/operating-clusters.md")
        let session = "$ kubectl get settings.harvesterhci.io vm-migration-network -o json | mignet import - --name lab --nodes 3\n"
        let start = try #require(page.range(of: session))
        let end = try #require(page.range(of: "```", range: start.upperBound..<page.endIndex))
        let setting = try String(contentsOfFile: MignetProcess.root + "/Tests/mignetTests/Fixtures/import/docs-spelling.json", encoding: .utf8)
        let outcome = try InProcess.run(["import", "-", "--name", "lab", "--nodes", "3"], stdin: setting)
        #expect(outcome.status == 0)
        #expect(outcome.stdout + outcome.stderr == String(page[start.upperBound..<end.lowerBound]))
    }

    /// No page shows a session that no test runs: the ones the generic runner leaves out (a
    /// pipe, a cluster, a git base, several commands) each have a test of their own.
    @Test func everySessionShownIsRunBySomeTest() {
        let dedicated = [
            "$ kubectl get settings.harvesterhci.io vm-migration-network -o json | mignet import - --name lab --nodes 3": "ReadmeTests/theImportSessionIsWhatImportPrints",
            "$ mignet plan clusters --base main --delivery argocd": "PlanCommandTests/theDocumentedPlanIsWhatPlanPrints",
            "$ mignet init infra --delivery argocd --repository https://git.example.com/infra.git --releases-url https://releases.example.com/mignet": "QuickStartTests/theQuickStartRunsAsPrinted",
        ]
        for (path, text) in Self.pages {
            for piece in text.components(separatedBy: "```\n$ ").dropFirst() {
                let line = "$ " + piece.prefix { $0 != "\n" }
                let block = piece.components(separatedBy: "```").first ?? ""
                let generic = line.hasPrefix("$ mignet ") && !line.contains("|") && !line.contains("--live") && !line.contains("--base") && !block.contains("\n$ ")
                #expect(generic || dedicated[line] != nil, "\(path): \(line) is run by no test")
            }
        }
    }

    @Test func thePagesShowSessionsThatAreRun() {
        #expect(Self.all.components(separatedBy: "```\n$ mignet ").count > 3)
    }
}

/// The minimum Swift is one number everywhere: the packages' tools version, what the README
/// says, and the image the README's build-from-source fallback for CI names.
@Suite struct MinimumSwiftTests {
    @Test func oneMinimumSwiftEverywhere() throws {
        let manifest = try String(contentsOfFile: MignetProcess.root + "/Package.swift", encoding: .utf8)
        let version = try #require(manifest.split(separator: "\n").first?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces))
        for package in ["Fuzz/Package.swift", "Benchmarks/Floor/Package.swift"] {
            let other = try String(contentsOfFile: MignetProcess.root + "/" + package, encoding: .utf8)
            #expect(other.hasPrefix("// swift-tools-version: \(version)\n"), "\(package)")
        }
        #expect(ReadmeTests.readme.contains("Swift \(version) or later on Linux"))
        // The CI templates download the release; building from the tag is the README's fallback.
        #expect(ReadmeTests.all.contains("in an image with Swift \(version) and libyaml-dev, such as `swift:\(version)`"))
        for template in ["github-actions.yaml", "gitlab-ci.yml"] {
            let text = try String(contentsOfFile: MignetProcess.root + "/templates/" + template, encoding: .utf8)
            #expect(!text.contains("swift build"), "\(template) builds mignet instead of downloading the pinned release")
        }
    }
}

extension ReadmeTests {
    /// Every type the architecture page and the README's Architecture section name in code
    /// (`OutputDirectory.write(...)`, `FileSystem`) is declared in the sources, and every
    /// `file.swift` it points at exists: the map cannot drift from the code without a red test.
    @Test func theArchitectureNamesOnlyWhatExists() throws {
        let root = MignetProcess.root
        let page = try String(contentsOfFile: root + "/docs/architecture.md", encoding: .utf8)
        let section = Self.page("docs/contributing.md").components(separatedBy: "## Architecture\n").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
        let manifest = try String(contentsOfFile: root + "/Package.swift", encoding: .utf8)
        var code = ""
        var paths = Set<String>()
        for top in ["Sources", "Tests"] {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + top)
            while let relative = enumerator?.nextObject() as? String {
                paths.insert(top + "/" + relative)
                if relative.hasSuffix(".swift") { code += try String(contentsOfFile: root + "/" + top + "/" + relative, encoding: .utf8) }
            }
        }
        for text in [page, section] {
            let spans = text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            #expect(spans.count > 20)
            for span in spans where !span.contains(" ") {
                if span.hasSuffix(".swift") || span.hasSuffix("/") {
                    // A file or folder, from the repository's top or below a target.
                    let path = span.hasSuffix("/") ? String(span.dropLast()) : span
                    #expect(paths.contains { $0 == path || $0.hasSuffix("/" + path) }, "\(span) is in neither Sources/ nor Tests/")
                    continue
                }
                guard let first = span.first, first.isUppercase else { continue }
                let name = String(span.prefix { $0.isLetter || $0.isNumber })
                guard name.count > 2 else { continue }
                let target = manifest.contains("name: \"\(name)\"")
                let declared = ["struct", "enum", "class", "protocol", "typealias", "actor"].contains { code.contains("\($0) \(name)") }
                #expect(target || declared, "\(name) (in `\(span)`) is neither a target nor declared in the code")
            }
        }
    }
}

extension ReadmeTests {
    /// GitHub's anchor of a heading: lowercase, punctuation but `-` and `_` dropped, spaces as `-`.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().unicodeScalars.filter { $0 == " " || $0 == "-" || $0 == "_" || CharacterSet.alphanumerics.contains($0) }
            .map { $0 == " " ? "-" : Character($0) })
    }

    /// The anchors a page offers: its headings' and its explicit `<a id="…">`s.
    static func anchors(_ text: String) -> Set<String> {
        var found = Set<String>()
        var fenced = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { fenced.toggle() }
            if !fenced, line.hasPrefix("#") { found.insert(anchor(String(line.drop { $0 == "#" }.dropFirst()))) }
        }
        for piece in text.components(separatedBy: "<a id=\"").dropFirst() { found.insert(String(piece.prefix { $0 != "\"" })) }
        return found
    }

    /// Every relative link of every page leads to a file that exists and an anchor that is there,
    /// and every page of docs/ is reachable from the README, so any code, field or option is a
    /// click or two away.
    @Test func everyLinkLeadsSomewhereAndEveryPageIsLinked() throws {
        var linked = Set<String>()
        for (path, text) in Self.pages {
            let folder = (path as NSString).deletingLastPathComponent
            for piece in text.components(separatedBy: "](").dropFirst() {
                let target = String(piece.prefix { $0 != ")" })
                guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                var components = folder.split(separator: "/").map(String.init)
                for component in parts[0].split(separator: "/") {
                    if component == ".." { components = components.dropLast() } else if component != "." { components.append(String(component)) }
                }
                let file = parts[0].isEmpty ? path : components.joined(separator: "/")
                #expect(FileManager.default.fileExists(atPath: MignetProcess.root + "/" + file), "\(path): (\(target)) leads to no file")
                linked.insert(file)
                if parts.count == 2, file.hasSuffix(".md") {
                    let page = Self.page(file)
                    #expect(Self.anchors(page).contains(String(parts[1])), "\(path): (\(target)) leads to no anchor in \(file)")
                }
            }
        }
        let fromReadme = Set(Self.readme.components(separatedBy: "](").dropFirst().map { String($0.prefix { $0 != ")" && $0 != "#" }) })
        for (path, _) in Self.pages where path.hasPrefix("docs/") && path != "docs/performance-notes.md" {
            #expect(fromReadme.contains(path), "\(path) is not linked from the README")
        }
        #expect(linked.count > 10)
    }
}
