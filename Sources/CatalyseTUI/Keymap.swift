/// A movement in a list or a scrolling view, from the keys of the key table:
/// ↑ ↓ / k j, PgUp PgDn, Home End / g G.
enum Move: Equatable {
    case up, down, pageUp, pageDown, home, end
    /// A number of rows (the mouse wheel).
    case by(Int)

    /// The movement a key means on a screen (letters included).
    init?(screenKey key: Key) {
        switch key {
        case .up, .char("k"): self = .up
        case .down, .char("j"): self = .down
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .home, .char("g"): self = .home
        case .end, .char("G"): self = .end
        default: return nil
        }
    }

    /// The movement a key means in a prompt, where letters are text: arrows and pages only.
    init?(promptKey key: Key) {
        switch key {
        case .up: self = .up
        case .down: self = .down
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        default: return nil
        }
    }

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
