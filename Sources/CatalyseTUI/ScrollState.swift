/// A scrolling list as one value, like ratatui's `ListState`: how many items there are, which
/// one is selected, the first one shown, and how many rows show. Every list of the interface
/// uses it (the offers, the filter panel, the firms, the territory candidates, the offers of a
/// firm page), so "keep the selection visible" is written once, here.
struct ScrollState: Sendable, Equatable {
    /// The number of items.
    private(set) var count = 0
    /// The selected item (0 when there is none).
    private(set) var selection = 0
    /// The first item shown.
    private(set) var offset = 0
    /// The rows the list has on screen.
    private(set) var height = 0
    /// When there are more items below the window, the last row says "↓ more" instead of
    /// showing an item (the firm list, the firm page).
    let marksMore: Bool

    init(marksMore: Bool = false) {
        self.marksMore = marksMore
    }

    /// The rows that show items from `offset`: one less when "↓ more" takes the last one.
    var shown: Int {
        guard height > 0 else { return 0 }
        if marksMore && hasMoreBelow { return height - 1 }
        return max(0, min(height, count - offset))
    }

    /// Whether items are left below the window.
    var hasMoreBelow: Bool { height > 0 && count - offset > height }

    /// The items on screen.
    var visible: Range<Int> { offset..<(offset + shown) }

    /// The largest useful offset (the last page).
    var maxOffset: Int { max(0, count - height) }

    /// A new number of items or a new height (the list or the screen changed): the selection
    /// (or the item `selecting`) stays in range and in view. `lead` items above the selection
    /// show with it when they fit (a facet's heading above its first value).
    mutating func fit(count: Int, height: Int, selecting: Int? = nil, lead: Int = 0) {
        self.count = max(0, count)
        self.height = max(0, height)
        if let selecting { selection = selecting }
        reveal(lead: lead)
    }

    /// Selects an item and brings it into view.
    mutating func select(_ index: Int, lead: Int = 0) {
        selection = index
        reveal(lead: lead)
    }

    /// Moves the selection (a page is `page` items, by default the height less one).
    mutating func move(_ move: Move, page: Int? = nil, lead: Int = 0) {
        select(move.apply(to: selection, count: count, page: page ?? height - 1), lead: lead)
    }

    /// Puts the first row at `offset` (kept in range) without moving the selection.
    mutating func scroll(to offset: Int) {
        self.offset = max(0, min(offset, maxOffset))
    }

    /// The same list fitted to `count` and `height`, for a frame that must not trust a stored
    /// value (render and the mouse compute what is on screen with it).
    func fitted(count: Int, height: Int, lead: Int = 0) -> ScrollState {
        var copy = self
        copy.fit(count: count, height: height, lead: lead)
        return copy
    }

    /// What shows of `count` items in `height` rows from the stored offset (kept in range),
    /// without moving the window to the selection.
    func window(count: Int, height: Int) -> ScrollState {
        var copy = self
        copy.count = max(0, count)
        copy.height = max(0, height)
        copy.offset = max(0, min(offset, copy.maxOffset))
        return copy
    }

    /// Keeps the selection in range, and the window where it shows the selection (and `lead`
    /// items above it when they fit) while moving as little as possible.
    private mutating func reveal(lead: Int) {
        selection = count == 0 ? 0 : min(max(0, selection), count - 1)
        guard height > 0 else {
            offset = min(offset, max(0, count - 1))
            return
        }
        let first = max(0, selection - lead)
        if first < offset { offset = first }
        // Above the end, "↓ more" takes the last row: one row less for the items.
        let page = marksMore ? max(1, height - 1) : height
        let rows = marksMore && offset < count - height ? page : height
        if selection >= offset + rows { offset = selection - page + 1 }
        offset = max(0, min(offset, maxOffset))
    }
}
