/// "Did you mean…": the nearest of some candidates to a word a person typed, by edit distance
/// on folded text (accents and case ignored), a prefix counting as nearest.
public enum Suggestions {
    /// Levenshtein distance between two texts, in characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidates nearest to `text`, best first: those it is a prefix of, then those within
    /// an edit distance of a third of its length (at least 2), of the whole candidate or of one
    /// of its words; at most `limit`.
    public static func nearest(_ text: String, among candidates: [String], limit: Int = 3) -> [String] {
        let key = TextFolding.fold(TextCleaning.trim(text))
        guard !key.isEmpty else { return [] }
        let scored: [(String, Int)] = candidates.compactMap { candidate in
            let folded = TextFolding.fold(candidate)
            if folded.hasPrefix(key) { return (candidate, -1) }
            // The whole candidate, or one of its words (a typo in one word of a name).
            let d = ([folded] + TextFolding.foldedWords(candidate)).map { distance(key, $0) }.min()!
            return d <= max(2, key.count / 3) ? (candidate, d) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }
}
