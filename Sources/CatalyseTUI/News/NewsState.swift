import CatalyseCore

/// What is new in the catalogue for this user, and the saved searches, as the interface keeps
/// them: the store's last answer (`News`), whether the « Nouveautés » filter is on (`N`), the
/// saved searches and the alerts worked out when the news arrived.
struct NewsState: Sendable, Equatable {
    /// The marks; nil until the store answers, or when it cannot be used.
    var news: News? = nil
    /// The database could not be used: no marks (said once, in the footer).
    var unavailable: DossierError? = nil
    /// `N`: only the new and changed offers.
    var only = false
    var searches: [SavedSearch] = []
    /// For each saved search, the new offers it lists (worked out when the news arrive).
    var alerts: [SearchAlert] = []
    /// Whether the alerts were shown (once, at start).
    var announced = false
    /// The mark of the sheet last opened, cleared from `news` but still shown on its sheet.
    var sheetMark: (id: String, mark: News.Mark)? = nil

    static func == (a: NewsState, b: NewsState) -> Bool {
        a.news == b.news && a.unavailable == b.unavailable && a.only == b.only && a.searches == b.searches
            && a.alerts == b.alerts && a.announced == b.announced && a.sheetMark?.id == b.sheetMark?.id && a.sheetMark?.mark == b.sheetMark?.mark
    }

    func mark(_ id: String) -> News.Mark? { news?.mark(id) }
}

/// A news notice in the footer.
public enum NewsNotice: Sendable, Equatable {
    /// The database cannot be used: the list has no marks.
    case unavailable(DossierError)
    /// At start: the saved searches with new offers.
    case alerts([SearchAlert])
    case allSeen(Int)
    case nothingNew
    case searchSaved(name: String, replaced: Bool)
    case searchRemoved(name: String)
    case failed(DossierError)

    var isError: Bool {
        if case .failed = self { return true }
        return false
    }
}

extension AppState {
    // MARK: Outcomes

    /// The news and the saved searches from the store (at start, after a mark is cleared or a
    /// search saved or removed).
    mutating func newsLoaded(_ loaded: News, searches: [SavedSearch]) -> [Effect] {
        news.news = loaded
        news.unavailable = nil
        news.searches = searches
        news.alerts = SearchAlert.alerts(searches, index: index, news: loaded)
        if !news.announced {
            news.announced = true
            if !news.alerts.isEmpty && status == nil { status = StatusMessage(.news(.alerts(news.alerts))) }
        }
        if news.only { requery() }
        return []
    }

    mutating func newsUnavailable(_ error: DossierError) -> [Effect] {
        let first = news.unavailable == nil && news.news == nil
        news.unavailable = error
        if first, status?.isError != true { status = StatusMessage(.news(.unavailable(error))) }
        else if !first { status = StatusMessage(.news(.failed(error))) }
        return []
    }

    // MARK: Actions

    /// Opening a sheet clears its mark (at once here; the store records it).
    mutating func sheetSeen(_ offerIndex: Int?) -> [Effect] {
        guard let offerIndex, var current = news.news else { return [] }
        let id = catalogue.offers.id(offerIndex)
        guard let mark = current.marks[id] else { return [] }
        news.sheetMark = (id, mark)
        current.marks[id] = nil
        news.news = current
        return [.markNewsSeen(ids: [id])]
    }

    /// `M`: every mark cleared.
    mutating func markAllSeen() -> [Effect] {
        guard let current = news.news, !current.isEmpty else {
            status = StatusMessage(.news(news.unavailable.map { .unavailable($0) } ?? .nothingNew))
            return []
        }
        let ids = Array(current.marks.keys)
        var cleared = current
        cleared.marks = [:]
        news.news = cleared
        news.alerts = []
        status = StatusMessage(.news(.allSeen(ids.count)))
        if news.only { requery() }
        return [.markNewsSeen(ids: ids)]
    }

    /// `N`: only the new and changed offers, or every offer again.
    mutating func toggleNewsOnly() {
        if news.news == nil, let error = news.unavailable {
            status = StatusMessage(.news(.unavailable(error)))
            return
        }
        news.only.toggle()
        requery()
    }

    /// The ids the « Nouveautés » filter lets through (nil: the filter is off).
    var newsFilterIDs: Set<String>? {
        guard news.only else { return nil }
        return news.news?.ids ?? []
    }

    /// The mark a sheet shows: the offer's, or the one cleared when its sheet was opened.
    func sheetNewsMark(_ id: String) -> News.Mark? {
        if let mark = news.mark(id) { return mark }
        if let shown = news.sheetMark, shown.id == id { return shown.mark }
        return nil
    }

    /// The header's « 12 nouveautés depuis le 3 novembre » (nil when nothing is new).
    func newsHeader(short: Bool) -> String? {
        guard let n = news.news, !n.isEmpty else { return nil }
        return short ? strings.newsCount(n.count) : TextCleaning.forDisplay(n.summary(language, today: today))
    }
}

extension Palette {
    /// « nouveau », « modifié » and the header's count of what is new.
    static let newsTag = CellStyle(color: .accent, bold: true)
}

extension SheetView {
    /// Under the title: « Nouvelle offre depuis votre dernière visite », or what changed.
    static func newsLines(_ mark: News.Mark, _ s: Strings, width: Int) -> [StyledLine] {
        let text = mark.kind == .new ? s.newOfferMark : s.changedFieldsMark(mark.fields)
        return TextWrap.lines(text, first: max(1, width), rest: max(1, width - 2)).enumerated().map {
            StyledLine(($0.offset == 0 ? "" : "  ") + $0.element, Palette.newsTag)
        }
    }
}
