import CatalyseCore
@testable import CatalyseTUI
import Foundation
import Testing

/// Golden screens, as Bubble Tea's teatest and ratatui's `assert_buffer_lines` do: a whole frame
/// (text, cursor and styles) compared with a file under `Golden/`, one file per screen, size and
/// language. The files are read by `#filePath` (they are not a bundle resource).
///
/// Regenerate on purpose, after a change that is meant to change a screen, and review the diff:
///
///     CATALYSE_UPDATE_GOLDEN=1 swift test --filter GoldenTests
enum Golden {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Golden").path
    }()

    /// Whether this run rewrites the golden files instead of comparing with them.
    static var updating: Bool { ProcessInfo.processInfo.environment["CATALYSE_UPDATE_GOLDEN"] == "1" }

    /// The file name of a case: `list-80x24-fr.txt`.
    static func fileName(_ screen: String, width: Int, height: Int, language: Language) -> String {
        "\(screen)-\(width)x\(height)-\(language.rawValue).txt"
    }

    /// A frame as golden text: a heading, every row between `|` (so that trailing spaces and the
    /// width show), the cursor, then the styled spans of each row that has any.
    static func document(_ grid: Grid, heading: String) -> String {
        var out = [heading]
        for line in grid.lines { out.append("|" + line + "|") }
        if let cursor = grid.cursor {
            out.append("cursor: row \(cursor.row), column \(cursor.column)")
        } else {
            out.append("cursor: hidden")
        }
        out.append("styles (row: columns style):")
        for row in 0..<grid.height {
            let spans = styleSpans(grid, row: row)
            if !spans.isEmpty { out.append("\(row): " + spans.joined(separator: " · ")) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The runs of cells of one row that are not plain, as `start..<end style`.
    static func styleSpans(_ grid: Grid, row: Int) -> [String] {
        var spans: [String] = []
        var column = 0
        while column < grid.width {
            let style = grid[row, column].style
            var end = column + 1
            while end < grid.width && grid[row, end].style == style { end += 1 }
            if style != .plain { spans.append("\(column)..<\(end) \(name(style))") }
            column = end
        }
        return spans
    }

    static func name(_ style: CellStyle) -> String {
        var parts: [String] = []
        if style.color != .default { parts.append("\(style.color)") }
        if style.bold { parts.append("bold") }
        if style.reverse { parts.append("reverse") }
        if style.underline { parts.append("underline") }
        if style.dim { parts.append("dim") }
        return parts.joined(separator: "+")
    }

    /// Compares `actual` with the golden file `name` (or writes it when updating). On a
    /// difference, records the file name, how to regenerate, and a line diff.
    static func check(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = directory + "/" + name
        if updating {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            do {
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot write \(path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no golden file \(name) in \(directory); create it with CATALYSE_UPDATE_GOLDEN=1 swift test --filter GoldenTests",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let report = LineDiff.report(expected: lines(expected), actual: lines(actual))
        Issue.record("""
            screen differs from Golden/\(name) (− golden, + now); if the change is meant, regenerate with \
            CATALYSE_UPDATE_GOLDEN=1 swift test --filter GoldenTests and review the diff
            \(report)
            """, sourceLocation: sourceLocation)
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// A readable line diff: the longest common subsequence of lines, printed as `−`/`+` lines with
/// their line numbers and up to two lines of context around each change.
enum LineDiff {
    enum Step: Equatable { case same(Int, Int), removed(Int), added(Int) }

    static func steps(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count, m = b.count
        // lcs[i][j]: length of the longest common subsequence of a[i...] and b[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                steps.append(.same(i, j)); i += 1; j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                steps.append(.removed(i)); i += 1
            } else {
                steps.append(.added(j)); j += 1
            }
        }
        return steps
    }

    static func report(expected a: [String], actual b: [String], context: Int = 2) -> String {
        let steps = steps(a, b)
        let changed = steps.indices.filter { if case .same = steps[$0] { false } else { true } }
        var shown = Set<Int>()
        for k in changed { for c in max(0, k - context)...min(steps.count - 1, k + context) { shown.insert(c) } }
        var out: [String] = []
        var last = -1
        for k in shown.sorted() {
            if last >= 0 && k > last + 1 { out.append("   …") }
            switch steps[k] {
            case .same(let i, _): out.append(String(format: "%4d  ", i + 1) + a[i])
            case .removed(let i): out.append(String(format: "%4d− ", i + 1) + a[i])
            case .added(let j): out.append(String(format: "%4d+ ", j + 1) + b[j])
            }
            last = k
        }
        return out.joined(separator: "\n")
    }
}
