import CatalyseCore

/// A small menu over the screen, as lazygit's: `p` shows the purposes with their counts, `y` on
/// a sheet what can be copied. A digit or a letter chooses at once; ↑ ↓ and Enter too.
enum Menu: Sendable, Equatable {
    case purpose(PurposeMenu)
    case copy(CopyMenu)
    /// `S`: the name to save the search under; `R`: the saved searches (`News/`).
    case saveSearch(SaveSearchPrompt)
    case savedSearches(SavedSearchMenu)
}

/// `p`: every purpose, the current one highlighted; `p` again moves down (so `p p Entrée` still
/// reaches « Stratégique »).
struct PurposeMenu: Sendable, Equatable {
    /// The rows: nil (every purpose), then each purpose.
    static let rows: [Purpose?] = [nil] + Purpose.allCases.map(Optional.some)
    var selection: Int
}

/// What `y` copies from a sheet.
public enum CopyTarget: Sendable, Hashable, CaseIterable {
    case id, email, website
}

/// `y`: the offer's id, its firm's contact e-mail and website (when it has one).
struct CopyMenu: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        var target: CopyTarget
        var text: String
    }
    var items: [Item]
    var selection = 0
}

extension AppState {
    // MARK: Opening

    mutating func openPurposeMenu() {
        let current = filter[Purpose.self]
        let at = current.count == 1 ? PurposeMenu.rows.firstIndex(of: current.first) ?? 0 : 0
        prompt = .menu(.purpose(PurposeMenu(selection: at)))
    }

    /// The copy menu for an offer (nothing for a missing favourite).
    mutating func openCopyMenu(_ offerIndex: Int?) {
        guard let offerIndex else { return }
        let offer = catalogue.offers[offerIndex]
        let firm = catalogue.firm(of: offer)
        var items = [CopyMenu.Item(target: .id, text: offer.id), CopyMenu.Item(target: .email, text: firm.contact.email)]
        if let site = firm.website, !site.isEmpty { items.append(CopyMenu.Item(target: .website, text: site)) }
        prompt = .menu(.copy(CopyMenu(items: items)))
    }

    /// The offer the list's selected row is, if it is one.
    var selectedOfferIndex: Int? {
        guard selection < rowCount, case .offer(let i) = row(selection) else { return nil }
        return i
    }

    // MARK: Keys

    mutating func handleMenuKey(_ key: Key, _ menu: Menu) -> [Effect] {
        switch menu {
        case .saveSearch(let p): return handleSaveSearchKey(key, p)
        case .savedSearches(let m): return handleSavedSearchMenuKey(key, m)
        case .purpose(var m):
            var chosen: Int? = nil
            let count = PurposeMenu.rows.count
            switch ScreenKeys.purposeMenu.action(for: key) {
            case .choose(let n): chosen = n
            case .up: m.selection = max(0, m.selection - 1)
            case .down: m.selection = min(count - 1, m.selection + 1)
            case .next: m.selection = (m.selection + 1) % count
            case .apply: chosen = m.selection
            case .cancel:
                prompt = nil
                return []
            case nil: break
            }
            guard let chosen, PurposeMenu.rows.indices.contains(chosen) else {
                prompt = .menu(.purpose(m))
                return []
            }
            prompt = nil
            var f = filter
            f[Purpose.self] = PurposeMenu.rows[chosen].map { [$0] } ?? []
            setFilter(f)
            return []
        case .copy(var m):
            var chosen: Int? = nil
            switch ScreenKeys.copyMenu.action(for: key) {
            case .choose(let target): chosen = m.items.firstIndex { $0.target == target }
            case .up: m.selection = max(0, m.selection - 1)
            case .down: m.selection = min(m.items.count - 1, m.selection + 1)
            case .apply: chosen = m.selection
            case .cancel:
                prompt = nil
                return []
            case nil: break
            }
            guard let chosen, m.items.indices.contains(chosen) else {
                prompt = .menu(.copy(m))
                return []
            }
            prompt = nil
            let item = m.items[chosen]
            return [.copyToClipboard(text: item.text, target: item.target)]
        }
    }

    // MARK: Drawing

    func renderMenu(_ menu: Menu, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = dialogWidth - 4
        switch menu {
        case .saveSearch(let p): renderSaveSearch(p, l, into: &grid)
        case .savedSearches(let m): renderSavedSearches(m, l, into: &grid)
        case .purpose(let m):
            var content: [StyledLine] = []
            let counts = Purpose.allCases.map { result.counts.count(.purpose, $0.code) }
            let current = filter[Purpose.self]
            for (n, purpose) in PurposeMenu.rows.enumerated() {
                let label = purpose.map { $0.shortLabel.text(language) } ?? s.allPurposes
                let count = s.offersCount(purpose.map { counts[Purpose.allCases.firstIndex(of: $0)!] } ?? counts.reduce(0, +))
                let isCurrent = purpose.map { current == [$0] } ?? (current.count != 1)
                let mark = isCurrent ? "(•) " : "( ) "
                let head = "\(n + 1)  " + mark + label
                let gap = max(2, inner - CellWidth.of(head) - CellWidth.of(count))
                content.append(StyledLine([Segment("\(n + 1)  ", Palette.key), Segment(mark + label, isCurrent ? Palette.checked : Palette.plain),
                                           Segment(String(repeating: " ", count: gap) + count, Palette.muted)]))
            }
            guard let frame = drawDialog(title: s.purposeMenuTitle, content: content, message: [],
                                         keys: TextFit.keys(ScreenKeys.purposeMenu.hintPairs(language), width: inner), messageRows: 0,
                                         l, into: &grid) else { return }
            highlightMenuRow(frame.contentY + m.selection, frame, into: &grid)
        case .copy(let m):
            var content: [StyledLine] = []
            let labelWidth = m.items.map { CellWidth.of(s.copyLabel($0.target)) }.max() ?? 0
            for item in m.items {
                let key = ScreenKeys.copyKey(item.target)
                let label = CellWidth.pad(s.copyLabel(item.target), to: labelWidth) + "  "
                // The value whole when it fits, else cut in its middle (its start and end show).
                let text = TextFit.middle(TextCleaning.forDisplay(item.text), width: max(1, inner - CellWidth.of(key + "  " + label)))
                content.append(StyledLine([Segment(key + "  ", Palette.key), Segment(label), Segment(text, Palette.muted)]))
            }
            let note = TextFit.lines(s.copyNote, width: inner, maxLines: 2).map { ($0, Palette.muted) }
            guard let frame = drawDialog(title: s.copyTitle, content: content, message: note,
                                         keys: TextFit.keys(ScreenKeys.copyMenu.hintPairs(language), width: inner), l, into: &grid) else { return }
            highlightMenuRow(frame.contentY + m.selection, frame, into: &grid)
        }
    }

    private func highlightMenuRow(_ y: Int, _ frame: DialogFrame, into grid: inout Grid) {
        guard y < frame.keysY else { return }
        grid.highlight(row: y, from: frame.innerX - 1, width: frame.width - 2)
        grid.cursor = Position(y, frame.innerX)
    }
}
