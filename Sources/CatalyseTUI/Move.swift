/// A movement in a list or a scrolling view, from the movement bindings of the key tables
/// (↑ ↓ / k j, PgUp PgDn, Home End / g G) or the mouse wheel.
enum Move: Sendable, Equatable {
    case up, down, pageUp, pageDown, home, end
    /// A number of rows (the mouse wheel).
    case by(Int)

    /// Applies the movement to a position among `count` items, `page` items per page.
    func apply(to position: Int, count: Int, page: Int) -> Int {
        guard count > 0 else { return 0 }
        let page = max(1, page)
        let target: Int
        switch self {
        case .up: target = position - 1
        case .down: target = position + 1
        case .pageUp: target = position - page
        case .pageDown: target = position + page
        case .home: target = 0
        case .end: target = count - 1
        case .by(let n): target = position + n
        }
        return min(max(0, target), count - 1)
    }

    /// Applies the movement to a scroll offset whose largest value is `maxOffset`.
    func scroll(_ offset: Int, maxOffset: Int, page: Int) -> Int {
        apply(to: offset, count: max(0, maxOffset) + 1, page: page)
    }
}

/// Mouse wheel: rows per notch.
let wheelStep = 3
