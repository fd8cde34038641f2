import CatalyseCore

/// Fitting text into a given room: wrapped on a few lines, or a path shortened in its folder
/// part so that the file name stays whole.
enum TextFit {
    /// `text` wrapped at word boundaries in `width` cells, on at most `maxLines` lines; the last
    /// line ends with `…` when something had to be left out.
    static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines = TextWrap.lines(text, first: width, rest: width)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            let last = lines[maxLines - 1]
            lines[maxLines - 1] = CellWidth.of(last) + 2 <= width ? last + " …" : CellWidth.truncate(last + "…", to: width)
        }
        return lines
    }

    /// A path in at most `width` cells. When it is too long, folders are left out from the
    /// middle (`/tmp/…/guide/catalyse-selection-2026-11-26.txt`), the first and last folders kept
    /// as room allows; the file name is kept whole whenever it fits at all, and is otherwise cut
    /// in its middle so that its end (the extension) still shows.
    static func path(_ path: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if CellWidth.of(path) <= width { return path }
        guard let slash = path.lastIndex(of: "/") else { return middle(path, width: width) }
        let name = String(path[path.index(after: slash)...])
        let folder = String(path[..<slash])
        let parts = folder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var best: String? = nil
        var bestWidth = -1
        var bestHead = -1
        // Keep `head` folders from the start and `tail` from the end, "…" in place of the others.
        if parts.count >= 1 {
            for head in 0...min(parts.count, 3) {
                for tail in 0...(parts.count - head) where head + tail < parts.count {
                    let kept = parts.prefix(head) + ["…"] + parts.suffix(tail) + [name]
                    let candidate = kept.joined(separator: "/")
                    let w = CellWidth.of(candidate)
                    // The longest; on a tie, the one that keeps more of the start (`/tmp/…/`).
                    if w <= width && (w > bestWidth || (w == bestWidth && head > bestHead)) {
                        best = candidate; bestWidth = w; bestHead = head
                    }
                }
            }
        }
        if let best { return best }
        if CellWidth.of(name) <= width { return name }
        return middle(name, width: width)
    }

    /// "key action" pairs on one line: separated by ` · `, or by two spaces when that is too
    /// wide (cut with `…` only when even that does not fit).
    static func keys(_ pairs: [String], width: Int) -> String {
        let dotted = pairs.joined(separator: " · ")
        if CellWidth.of(dotted) <= width { return dotted }
        return CellWidth.truncate(pairs.joined(separator: "  "), to: width)
    }

    /// Text cut in its middle with `…`, keeping its start and its end.
    static func middle(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if CellWidth.of(text) <= width { return text }
        if width == 1 { return "…" }
        let chars = Array(text)
        let room = width - 1
        var tail: [Character] = []
        var tailWidth = 0
        var i = chars.count - 1
        // The end (with the extension) gets the larger half.
        while i >= 0, tailWidth + CellWidth.of(chars[i]) <= (room + 1) / 2 {
            tail.insert(chars[i], at: 0)
            tailWidth += CellWidth.of(chars[i])
            i -= 1
        }
        var head = ""
        var headWidth = 0
        for ch in chars {
            if headWidth + CellWidth.of(ch) > room - tailWidth { break }
            head.append(ch)
            headWidth += CellWidth.of(ch)
        }
        return head + "…" + String(tail)
    }
}
