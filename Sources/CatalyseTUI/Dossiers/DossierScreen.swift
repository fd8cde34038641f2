import CatalyseCore

/// One dossier (Enter in the dossiers list): its profile, then its offers grouped by status,
/// each with its firm, how long it has had its status, « à relancer » where it applies and its
/// last note. `s` sets the status (a menu), `n` adds a note, Enter opens the sheet, `h` the
/// history, `f` applies the profile as the list's filters, `e` exports the dossier.
extension AppState {
    /// The dossier screen as lines, and the line of each offer (in `openDossierOffers` order).
    func dossierDocument(_ l: Layout) -> (lines: [StyledLine], offerLines: [Int]) {
        guard let d = openDossier else { return ([], []) }
        let s = strings
        let width = dossierDocumentWidth(l)
        var out: [StyledLine] = []
        // The profile: « Nord (59) · Création · 10 k€ à 50 k€ · Bénévole », then the fields in words.
        let p = d.profile
        let facts = [p.territory?.displayName(language), p.stage?.label(language), p.budget?.label(language), p.employer?.label(language)].compactMap { $0 }
        if !facts.isEmpty {
            for line in TextWrap.lines(facts.joined(separator: " · "), first: width, rest: width) { out.append(StyledLine(line, Palette.title)) }
        }
        var words = d.profile
        words.territory = nil; words.stage = nil; words.budget = nil; words.employer = nil
        for (label, value) in DossierReport.profileFields(words, language) { out += labelledLines(label, value, width: width) }
        if d.archived { out.append(StyledLine(CellWidth.truncate(s.archivedDossier, to: width), Palette.muted)) }
        var offerLines: [Int] = []
        if d.offers.isEmpty {
            out.append(.blank)
            for line in TextWrap.lines(s.noOfferInDossier, first: width, rest: width) { out.append(StyledLine(line, Palette.title)) }
            for line in TextWrap.lines(s.noOfferInDossierHint, first: width, rest: width) { out.append(StyledLine(line, Palette.muted)) }
            return (out, [])
        }
        for status in OfferStatus.allCases {
            let offers = d.offers.filter { $0.status == status }
            guard !offers.isEmpty else { continue }
            out.append(.blank)
            out.append(StyledLine(s.groupHeading(status, offers.count), Palette.heading))
            for o in offers {
                offerLines.append(out.count)
                out += dossierOfferLines(o, width: width)
            }
        }
        return (out, offerLines)
    }

    /// The dossier screen's text width: the screen's, up to 100 cells (a row stays readable).
    func dossierDocumentWidth(_ l: Layout) -> Int { min(l.contentWidth, 100) }

    /// An offer of the dossier: its title, how long it has had its status (and « à relancer »),
    /// then its firm, then its last note.
    func dossierOfferLines(_ o: DossierOffer, width: Int) -> [StyledLine] {
        let s = strings
        let days = dossiers.snapshot.map { o.statusSince.days(until: $0.now) } ?? 0
        var right = [Segment(s.since(days), Palette.muted)]
        if needsFollowUp(o) { right += [Segment(" · ", Palette.muted), Segment(s.followUpTag, Palette.error)] }
        let rightWidth = right.reduce(0) { $0 + CellWidth.of($1.text) }
        let offer = catalogue.offer(id: o.offerID)
        let titleText = offer?.title ?? o.offerID + " — " + s.missingOffer
        let titleRoom = max(1, width - 2 - rightWidth - 2)
        let title = CellWidth.pad(CellWidth.truncate(titleText, to: titleRoom), to: titleRoom)
        var out = [StyledLine([Segment("  "), Segment(title, offer == nil ? Palette.missing : Palette.plain), Segment("  ")] + right)]
        if let offer {
            out.append(StyledLine(CellWidth.truncate("    " + catalogue.firm(of: offer).name, to: width), Palette.firm))
        }
        if let note = o.notes.last {
            let text = s.lastNote(dossierTimes.day(note.at), TextWrap.paragraphs(note.text).filter { !$0.isEmpty }.joined(separator: " "))
            out.append(StyledLine(CellWidth.truncate("    " + TextCleaning.forDisplay(text), to: width), Palette.muted))
        }
        return out
    }

    /// Keeps the selected offer in range and its lines in view (with its group's heading when it
    /// is the first of the group; from the top, profile included, for the first offer).
    mutating func clampDossierView(_ l: Layout? = nil) {
        guard openDossier != nil else { return }
        let l = l ?? layout
        let doc = dossierDocument(l)
        let count = doc.offerLines.count
        dossiers.offerSelection = count == 0 ? 0 : min(max(0, dossiers.offerSelection), count - 1)
        guard count > 0 else {
            dossiers.document = dossiers.document.window(count: doc.lines.count, height: l.contentHeight)
            return
        }
        let first = doc.offerLines[dossiers.offerSelection]
        let last = (dossiers.offerSelection + 1 < count ? doc.offerLines[dossiers.offerSelection + 1] : doc.lines.count) - 1
        let startOfGroup = first >= 2 && doc.lines[first - 2].segments.isEmpty
        let lead = dossiers.offerSelection == 0 ? first : (startOfGroup ? 2 : 0)
        dossiers.document.fit(count: doc.lines.count, height: l.contentHeight, selecting: last, lead: last - first + lead)
    }

    /// The offer selected on the dossier screen.
    var selectedDossierOffer: DossierOffer? {
        let offers = openDossierOffers
        return offers.indices.contains(dossiers.offerSelection) ? offers[dossiers.offerSelection] : nil
    }

    mutating func handleDossierKey(_ key: Key) -> [Effect] {
        let selected = selectedDossierOffer
        switch ScreenKeys.dossier.action(for: key) {
        case .move(let move):
            let l = layout
            dossiers.offerSelection = move.apply(to: dossiers.offerSelection, count: openDossierOffers.count, page: max(1, l.contentHeight / 3))
            clampDossierView(l)
        case .openSheet:
            guard let o = selected else { break }
            if let i = catalogue.index(ofOffer: o.offerID) {
                sheetOffer = i
                sheetScroll = 0
                stack.append(.sheet)
            } else {
                status = StatusMessage(.dossier(.missingOffer))
            }
        case .status:
            if let d = openDossier, let o = selected {
                dossiers.dialog = .status(StatusMenu(ref: DossierRef(d), offerID: o.offerID, title: offerTitle(o.offerID), current: o.status))
            }
        case .note:
            if let d = openDossier, let o = selected {
                dossiers.dialog = .note(NoteEditor(ref: DossierRef(d), offerID: o.offerID, title: offerTitle(o.offerID)))
            }
        case .history:
            dossiers.historyScroll = 0
            stack.append(.dossierHistory)
        case .pathway:
            if let d = openDossier { openPathway(Pathway.Needs(d.profile), dossier: DossierRef(d)) }
        case .filter:
            applyDossierFilters()
        case .export:
            openDossierExport()
        case .back:
            goBack()
        case .language:
            return switchLanguage()
        case .help:
            openHelp()
        case nil:
            break
        }
        return []
    }

    /// An offer's title, or its id when it left the catalogue.
    func offerTitle(_ id: String) -> String { catalogue.offer(id: id)?.title ?? id }

    /// « Filtrer pour ce dossier »: the profile's territory, stage, budget, staff and needs
    /// become the list's filters in place of the others (the search text is kept; the
    /// favourites-only view is left), and the list shows.
    mutating func applyDossierFilters() {
        guard let d = openDossier else { return }
        let p = d.profile
        var f = OfferFilter()
        f.query = filter.query
        if let t = p.territory { f.territories = [t] }
        if let v = p.stage { f[Stage.self] = [v] }
        if let v = p.budget { f[BudgetBand.self] = [v] }
        if let v = p.employer { f[EmployerStatus.self] = [v] }
        f[SupportKind.self] = Set(p.needs)
        guard f.territories != [] || f.selectedBits != 0 else {
            status = StatusMessage(.dossier(.emptyProfile))
            return
        }
        stack = [.list]
        favouritesOnly = false
        filter = f
        requery(resetSelection: true)
        status = StatusMessage(.dossier(.filtersApplied(d.name)))
        clampAll()
    }

    func renderDossier(_ l: Layout, into grid: inout Grid) {
        guard let d = openDossier else { return }
        let doc = dossierDocument(l)
        let h = l.contentHeight
        let window = dossiers.document.window(count: doc.lines.count, height: h)
        var title = strings.dossierTitle(d.name)
        if let range = AppState.rangeLabel(count: doc.lines.count, scroll: window.offset, height: h) { title += range }
        grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        let frame = SheetFrame(x: l.contentX, y: l.contentY, width: l.contentWidth, height: h, beside: false)
        drawSheet(doc.lines, scroll: window.offset, frame: frame, into: &grid)
        grid.cursor = Position(l.contentY, l.contentX)
        if doc.offerLines.indices.contains(dossiers.offerSelection) {
            let line = doc.offerLines[dossiers.offerSelection]
            if window.visible.contains(line) {
                let y = l.contentY + line - window.offset
                grid.highlight(row: y, from: 0, width: min(l.width, dossierDocumentWidth(l) + 2))
                grid.cursor = Position(y, 0)
            }
        }
    }

    // MARK: Mouse

    mutating func mouseDossiers(_ action: MouseAction, row: Int, _ l: Layout) {
        let step = action == .wheelUp ? -1 : action == .wheelDown ? 1 : 0
        switch screen {
        case .dossiers:
            let count = listedDossiers.count
            if action != .press {
                dossiers.list.fit(count: count, height: dossierListHeight(l))
                dossiers.list.move(.by(step))
                return
            }
            let window = dossiers.list.fitted(count: count, height: dossierListHeight(l))
            guard row >= l.contentY else { return }
            let i = window.offset + (row - l.contentY) / AppState.dossierRows
            guard window.visible.contains(i) else { return }
            if i == dossiers.list.selection {
                _ = handleDossiersKey(.enter)
            } else {
                dossiers.list.fit(count: count, height: dossierListHeight(l), selecting: i)
            }
        case .dossier:
            if action != .press {
                dossiers.offerSelection = Move.by(step).apply(to: dossiers.offerSelection, count: openDossierOffers.count, page: 1)
                clampDossierView(l)
                return
            }
            let doc = dossierDocument(l)
            let line = dossiers.document.window(count: doc.lines.count, height: l.contentHeight).offset + row - l.contentY
            guard row >= l.contentY, let n = doc.offerLines.lastIndex(where: { $0 <= line }) else { return }
            if n == dossiers.offerSelection {
                _ = handleDossierKey(.enter)
            } else {
                dossiers.offerSelection = n
                clampDossierView(l)
            }
        default:
            dossiers.historyScroll = Move.by(step * wheelStep).scroll(dossiers.historyScroll, maxOffset: dossierHistoryMaxScroll(l), page: 1)
        }
    }
}
