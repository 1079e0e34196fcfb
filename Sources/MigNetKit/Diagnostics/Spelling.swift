/// Finds the known word a misspelt one was probably meant to be, for did-you-mean hints.
///
/// It runs once per unknown key, and a hostile file can have tens of thousands of them, so it
/// works on ASCII-lowercased bytes with one flat table and skips candidates whose length alone
/// puts them out of reach.
enum Spelling {
    /// The candidate closest to `word`: equal ignoring case, or within an edit distance of
    /// about a third of its length. Ties go to the earlier candidate, so the answer is stable.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = lowercased(word)
        let loweredCandidates = candidates.map(lowercased)
        if let index = loweredCandidates.firstIndex(of: lowered) { return candidates[index] }
        let limit = max(1, word.count / 3)
        var best: (candidate: String, distance: Int)?
        for (candidate, loweredCandidate) in zip(candidates, loweredCandidates)
        where abs(loweredCandidate.count - lowered.count) <= limit {
            let distance = editDistance(lowered, loweredCandidate)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The UTF-8 bytes with ASCII letters lowercased (keys worth suggesting are ASCII).
    private static func lowercased(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// Edit distance where swapping two neighbours counts as one edit (optimal string
    /// alignment), so `vlna` is one edit from `vlan`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { table[i * width] = i }
        for j in 0...b.count { table[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[(i - 1) * width + j] + 1, table[i * width + j - 1] + 1, table[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[(i - 2) * width + j - 2] + 1)
                }
                table[i * width + j] = value
            }
        }
        return table[a.count * width + b.count]
    }
}
