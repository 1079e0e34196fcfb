import Testing
@testable import MigNetYAML

@Suite struct YAMLParserTests {
    func parse(_ text: String, maximumDepth: Int = 64) -> YAMLDocument {
        YAMLDocument(parsing: Array(text.utf8), maximumDepth: maximumDepth)
    }

    @Test func marksAreOneBased() throws {
        let result = parse("a: 1\nb:\n  - x\n  - 'y'\n")
        #expect(result.problems.isEmpty)
        let pairs = try #require(result.root?.pairs)
        #expect(pairs.map(\.key) == ["a", "b"])
        #expect(pairs[0].keyMark == YAMLMark(line: 1, column: 1))
        #expect(pairs[0].value.mark == YAMLMark(line: 1, column: 4))
        let items = try #require(pairs[1].value.items)
        #expect(items[0].mark == YAMLMark(line: 3, column: 5))
        #expect(items[1].scalar == YAMLScalar("y", style: .singleQuoted))
    }

    @Test func byteOrderMarkAndCRLFKeepPositions() throws {
        let result = YAMLDocument(parsing: [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nbb: 2\r\n".utf8))
        #expect(result.problems.isEmpty)
        let pairs = try #require(result.root?.pairs)
        #expect(pairs[1].keyMark == YAMLMark(line: 2, column: 1))
        #expect(pairs[1].value.mark == YAMLMark(line: 2, column: 5))
        #expect(pairs[1].value.scalar?.value == "2")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let result = parse("é: x\nk: ü\n")
        let pairs = try #require(result.root?.pairs)
        #expect(pairs[0].value.mark == YAMLMark(line: 1, column: 4))
    }

    @Test func emptyStreamHasNoRoot() {
        for text in ["", "# only a comment\n", "\n\n"] {
            let result = parse(text)
            #expect(result.root == nil)
            #expect(result.problems.isEmpty)
        }
    }

    @Test func syntaxErrorIsLocatedWithContext() throws {
        let result = parse("a: 1\nb: [1, 2\nc: 3\n")
        #expect(result.root == nil)
        let problem = try #require(result.problems.first)
        guard case .syntax(let text, let context, let contextMark) = problem.kind else {
            Issue.record("expected a syntax problem, got \(problem)")
            return
        }
        #expect(text.contains("','"))
        #expect(context == "while parsing a flow sequence")
        #expect(contextMark == YAMLMark(line: 2, column: 4))
        #expect(problem.mark.line == 3)
    }

    @Test func tabIndentationIsASyntaxError() throws {
        let result = parse("a:\n\tb: 1\n")
        let problem = try #require(result.problems.first)
        #expect(problem.isFatal)
        #expect(problem.mark == YAMLMark(line: 2, column: 1))
    }

    @Test func invalidUTF8IsAnEncodingProblemAtItsByte() throws {
        let result = YAMLDocument(parsing: Array("a: 1\nb: ".utf8) + [0xFF, 0x0A])
        let problem = try #require(result.problems.first)
        guard case .encoding = problem.kind else {
            Issue.record("expected an encoding problem, got \(problem)")
            return
        }
        #expect(problem.mark == YAMLMark(line: 2, column: 4))
    }

    @Test func anchorsAreReportedAndAliasesStopTheParse() throws {
        let result = parse("a: &x [1]\nb: *x\n")
        #expect(result.root == nil)
        #expect(result.problems == [
            YAMLProblem(.anchor(name: "x"), at: YAMLMark(line: 1, column: 4)),
            YAMLProblem(.alias(name: "x"), at: YAMLMark(line: 2, column: 4)),
        ])
    }

    @Test func billionLaughsStopsAtTheFirstAlias() {
        var text = "a: &a [\"lol\",\"lol\"]\n"
        for level in 1...9 {
            text += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) [*\(Character(UnicodeScalar(96 + level)!)),*\(Character(UnicodeScalar(96 + level)!))]\n"
        }
        let result = parse(text)
        #expect(result.root == nil)
        #expect(result.problems.contains(YAMLProblem(.alias(name: "a"), at: YAMLMark(line: 2, column: 8))))
    }

    @Test func duplicateKeysAreReportedAndTheFirstKept() throws {
        let result = parse("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
        #expect(result.problems == [
            YAMLProblem(.duplicateKey(key: "c", first: YAMLMark(line: 3, column: 3)), at: YAMLMark(line: 4, column: 3)),
            YAMLProblem(.duplicateKey(key: "a", first: YAMLMark(line: 1, column: 1)), at: YAMLMark(line: 5, column: 1)),
        ])
        let pairs = try #require(result.root?.pairs)
        #expect(pairs[0].value.scalar?.value == "1")
    }

    @Test func tagsAndNonScalarKeysAreReported() {
        let result = parse("a: !!str 5\n? [k]\n: v\nb: !custom x\n")
        #expect(result.problems == [
            YAMLProblem(.tag(name: "tag:yaml.org,2002:str"), at: YAMLMark(line: 1, column: 4)),
            YAMLProblem(.nonScalarKey, at: YAMLMark(line: 2, column: 3)),
            YAMLProblem(.tag(name: "!custom"), at: YAMLMark(line: 4, column: 4)),
        ])
    }

    @Test func secondDocumentIsRefused() {
        let result = parse("a: 1\n---\nb: 2\n")
        #expect(result.root == nil)
        #expect(result.problems == [YAMLProblem(.multipleDocuments, at: YAMLMark(line: 2, column: 1))])
    }

    @Test func deepNestingStopsCleanly() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = parse(text)
        #expect(result.root == nil)
        #expect(result.problems == [YAMLProblem(.tooDeep(limit: 64), at: YAMLMark(line: 1, column: 65))])
    }

    @Test func scalarStylesAreKept() throws {
        let result = parse("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: >\n  folded\n")
        let styles = try #require(result.root?.pairs).map { $0.value.scalar?.style }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    }
}
