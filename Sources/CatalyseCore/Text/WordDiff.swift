/// A short word-level difference between two versions of a long text, as `diff --word-diff`
/// writes it: `… trois [-mois-]{+semaines+}, une demi-journée …`, with a few words of context
/// around each change and `…` for what is left out.
public enum WordDiff {
    enum Piece: Equatable { case same(String), removed(String), added(String) }

    /// The longest common subsequence of the two word lists, as pieces in order.
    static func pieces(_ a: [Substring], _ b: [Substring]) -> [Piece] {
        let n = a.count, m = b.count
        // Texts of catalogues are short (a few hundred words); beyond a bound, say it whole.
        guard n * m <= 4_000_000 else { return [.removed(a.joined(separator: " ")), .added(b.joined(separator: " "))] }
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var out: [Piece] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] { out.append(.same(String(a[i]))); i += 1; j += 1 }
            else if j < m, i == n || lengths[i][j + 1] >= lengths[i + 1][j] { out.append(.added(String(b[j]))); j += 1 }
            else { out.append(.removed(String(a[i]))); i += 1 }
        }
        return out
    }

    /// The changes with `context` words around each, runs of removed or added words grouped.
    public static func summary(_ old: String, _ new: String, context: Int = 3) -> String {
        let words = { (s: String) in s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) }
        let all = pieces(words(old), words(new))
        var keep = [Bool](repeating: false, count: all.count)
        for (k, p) in all.enumerated() where p != .same(p.text) {
            for c in max(0, k - context)...min(all.count - 1, k + context) { keep[c] = true }
        }
        var out: [String] = []
        var skipped = false
        var k = 0
        while k < all.count {
            guard keep[k] else { skipped = true; k += 1; continue }
            if skipped || (out.isEmpty && k > 0) { out.append("…") }
            skipped = false
            switch all[k] {
            case .same(let w): out.append(w); k += 1
            case .removed, .added:
                var removed: [String] = [], added: [String] = []
                while k < all.count, case let p = all[k], p != .same(p.text) {
                    if case .removed(let w) = p { removed.append(w) } else if case .added(let w) = p { added.append(w) }
                    k += 1
                }
                out.append((removed.isEmpty ? "" : "[-" + removed.joined(separator: " ") + "-]") + (added.isEmpty ? "" : "{+" + added.joined(separator: " ") + "+}"))
            }
        }
        if keep.last == false { out.append("…") }
        return out.joined(separator: " ")
    }
}

extension WordDiff.Piece {
    var text: String {
        switch self {
        case .same(let w), .removed(let w), .added(let w): w
        }
    }
}
