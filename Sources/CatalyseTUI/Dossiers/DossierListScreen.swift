import CatalyseCore

/// The dossiers list (`d`): each dossier on two rows (its name, territory and tags; its offers
/// per status and the number to follow up), the selected one's profile beside the list on a
/// wide terminal. Enter opens one and makes it current; `n` creates, `r` renames, `a` archives,
/// `v` shows the archived ones, `x` deletes (after a question). When the database cannot be
/// used, the screen says why and how to restore it; the rest of the interface works.
extension AppState {
    /// Rows per dossier in the list.
    static let dossierRows = 2

    /// `d`: the dossiers, read again from the store (a command may have changed them).
    mutating func openDossiers() -> [Effect] {
        if screen != .dossiers { stack.append(.dossiers) }
        dossiers.loading = dossiers.snapshot == nil
        clampDossiers()
        return [.loadDossiers]
    }

    /// The list's width: the whole screen, or three fifths beside the profile on a wide one.
    func dossierListWidth(_ l: Layout) -> Int { l.split ? (l.width - 1) * 3 / 5 : l.width }

    /// How many dossiers show at once.
    func dossierListHeight(_ l: Layout) -> Int { max(0, l.contentHeight / AppState.dossierRows) }

    /// The selected dossier of the list.
    var selectedListedDossier: Dossier? {
        let listed = listedDossiers
        return dossiers.list.selection < listed.count ? listed[dossiers.list.selection] : nil
    }

    /// The current dossier in the header, before the badge and the count (which are never cut):
    /// at most 36 cells, and room is left for the program's name.
    func headerDossierSegments() -> [Segment] {
        guard let current = currentDossier else { return [] }
        let s = strings
        let others = (catalogue.illustrative ? CellWidth.of(s.illustrativeBadge) + 3 : 0) + CellWidth.of(s.count(result.offers.count, of: catalogue.offers.count))
        let room = min(36, width - others - CellWidth.of(s.appName) - 4)
        guard room >= 12 else { return [] }
        return [Segment(CellWidth.truncate(s.headerDossier(current.name), to: room), Palette.checked), Segment("  ")]
    }

    /// The offer of the selected list row, when it is one of the catalogue.
    var selectedListOffer: Int? {
        guard selection < rowCount, case .offer(let i) = row(selection) else { return nil }
        return i
    }

    /// `a` (to the current dossier; with none, or with `A`, a dossier is chosen first).
    mutating func addToDossier(_ offerIndex: Int?, choosing: Bool) -> [Effect] {
        guard let i = offerIndex else {
            status = StatusMessage(.dossier(screen == .list && selectedID != nil ? .missingOffer : .nothingToAdd))
            return []
        }
        let offer = catalogue.offers[i]
        if !choosing, let current = currentDossier {
            return [.addToDossier(DossierRef(current), offerIDs: [offer.id])]
        }
        dossiers.dialog = .choose(DossierChooser(offerID: offer.id, title: offer.title))
        dossiers.loading = dossiers.snapshot == nil
        return [.loadDossiers]
    }

    mutating func handleDossiersKey(_ key: Key) -> [Effect] {
        let l = layout
        let selected = selectedListedDossier
        switch ScreenKeys.dossiers.action(for: key) {
        case .move(let move):
            dossiers.list.fit(count: listedDossiers.count, height: dossierListHeight(l))
            dossiers.list.move(move)
        case .open:
            if let d = selected { openDossierScreen(d) }
        case .create:
            if dossiers.snapshot != nil { dossiers.dialog = .create(DossierForm()) }
        case .rename:
            if let d = selected { dossiers.dialog = .rename(RenamePrompt(ref: DossierRef(d))) }
        case .archive:
            if let d = selected { return [.archiveDossier(DossierRef(d), archived: !d.archived)] }
        case .showArchived:
            let id = selected?.id
            dossiers.showArchived.toggle()
            let at = listedDossiers.firstIndex { $0.id == id } ?? 0
            dossiers.list.fit(count: listedDossiers.count, height: dossierListHeight(l), selecting: at)
        case .remove:
            if let d = selected { dossiers.dialog = .remove(RemoveConfirmation(ref: DossierRef(d), offers: d.offers.count)) }
        case .reload:
            dossiers.loading = dossiers.snapshot == nil
            return [.loadDossiers]
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

    /// Enter: the dossier's screen; it becomes the current dossier (an archived one is only shown).
    mutating func openDossierScreen(_ d: Dossier) {
        if !d.archived { dossiers.currentID = d.id }
        dossiers.openID = d.id
        dossiers.offerSelection = 0
        dossiers.document = ScrollState(marksMore: true)
        stack.append(.dossier)
        clampDossierView()
    }

    func renderDossiers(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let listed = listedDossiers
        var title = s.dossiersTitle
        if dossiers.snapshot != nil { title += " (\(listed.count))" + (dossiers.showArchived ? s.archivedIncluded : "") }
        grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        grid.cursor = Position(l.contentY, 0)
        let width = l.contentWidth
        func message(_ lines: [(String, CellStyle)]) {
            var y = l.contentY + 1
            for (text, style) in lines {
                for line in TextFit.lines(text, width: width, maxLines: 6) where y < l.footerY {
                    grid.put(line, row: y, column: l.contentX, style: style)
                    y += 1
                }
                y += 1
            }
        }
        if let problem = dossiers.problem {
            // The core's message may already say how to restore; the rest is said once.
            let why = s.notice(.failed(problem))
            let how = why.contains("dossier restore") ? s.checkHint : s.restoreHint + " " + s.checkHint
            message([(s.storeProblemTitle, Palette.title), (why, Palette.error), (how, Palette.plain), (s.restOfInterfaceWorks, Palette.muted)])
            return
        }
        guard dossiers.snapshot != nil else {
            message([(s.dossiersLoading, Palette.muted)])
            return
        }
        if listed.isEmpty {
            let hint = allDossiers.isEmpty ? s.dossiersEmptyHint : s.dossiersAllArchived
            message([(allDossiers.isEmpty ? s.dossiersEmpty : "", Palette.title), (hint, Palette.muted)])
            return
        }
        let listWidth = dossierListWidth(l)
        let window = dossiers.list.fitted(count: listed.count, height: dossierListHeight(l))
        for i in window.visible {
            let y = l.contentY + (i - window.offset) * AppState.dossierRows
            drawDossierItem(listed[i], y: y, width: listWidth, into: &grid)
            if i == dossiers.list.selection {
                for r in 0..<AppState.dossierRows { grid.highlight(row: y + r, from: 0, width: listWidth) }
                grid.cursor = Position(y, 0)
            }
        }
        if l.split { renderDossierPreview(l, x: listWidth, into: &grid) }
    }

    /// Two rows: « Les Jardins partagés (courant)      Nord (59) », then the offers per status
    /// and « 1 à relancer ».
    func drawDossierItem(_ d: Dossier, y: Int, width: Int, into grid: inout Grid) {
        let s = strings
        var tags: [String] = []
        if d.id == dossiers.currentID { tags.append(s.currentTag) }
        if d.archived { tags.append(s.archivedTag) }
        let tagText = tags.isEmpty ? "" : " (" + tags.joined(separator: ", ") + ")"
        let place = d.profile.territory?.displayName(language) ?? ""
        let placeWidth = CellWidth.of(place)
        let nameRoom = max(4, width - 3 - CellWidth.of(tagText) - (place.isEmpty ? 0 : placeWidth + 2))
        var x = 2
        x += grid.put(CellWidth.truncate(TextCleaning.forDisplay(d.name), to: nameRoom), row: y, column: x, style: Palette.title)
        x += grid.put(tagText, row: y, column: x, style: Palette.muted)
        if !place.isEmpty, x + 2 + placeWidth <= width - 1 {
            grid.put(place, row: y, column: width - 1 - placeWidth, style: Palette.muted)
        }
        let followUps = followUps(d)
        let tail = followUps > 0 ? " · " + s.followUpCount(followUps) : ""
        let room = max(1, width - 5 - CellWidth.of(tail))
        // The number of offers goes first when the counts per status need the room.
        var summary = s.statusSummary(d)
        if CellWidth.of(summary) > room { summary = s.statusSummary(d, total: false) }
        summary = CellWidth.truncate(summary, to: room)
        let used = grid.put(summary, row: y + 1, column: 4, style: Palette.muted)
        if !tail.isEmpty { grid.put(tail, row: y + 1, column: 4 + used, style: Palette.error, maxWidth: max(0, width - 4 - used)) }
    }

    /// Beside the list on a wide terminal: the selected dossier's profile, its offers per
    /// status and the number to follow up.
    func renderDossierPreview(_ l: Layout, x: Int, into grid: inout Grid) {
        for r in l.titleY..<l.footerY { grid.put("│", row: r, column: x, style: Palette.border) }
        guard let d = selectedListedDossier else { return }
        let s = strings
        let px = x + 2
        let width = max(1, l.width - px - 1)
        var lines: [StyledLine] = [StyledLine(TextCleaning.forDisplay(d.name), Palette.title), .blank]
        let fields = DossierReport.profileFields(d.profile, language)
        if !fields.isEmpty {
            lines.append(StyledLine(s.profileHeading, Palette.heading))
            for (label, value) in fields { lines += labelledLines(label, value, width: width) }
            lines.append(.blank)
        }
        lines.append(StyledLine(s.offersHeading + " (\(d.offers.count))", Palette.heading))
        let counts = d.statusCounts
        for status in OfferStatus.allCases {
            lines.append(StyledLine([Segment(s.field(status.heading(language)), Palette.key), Segment("\(counts[status] ?? 0)")]))
        }
        let followUps = followUps(d)
        lines.append(StyledLine([Segment(s.field(s.followUpTag.prefix(1).uppercased() + s.followUpTag.dropFirst()), Palette.key),
                                 Segment("\(followUps)", followUps > 0 ? Palette.error : Palette.plain)]))
        let frame = SheetFrame(x: px, y: l.titleY, width: width, height: l.footerY - l.titleY, beside: true)
        drawSheet(lines, scroll: 0, frame: frame, into: &grid)
    }

    /// « Label : value », the value wrapped under itself.
    func labelledLines(_ label: String, _ value: String, width: Int) -> [StyledLine] {
        let head = strings.field(label)
        let headWidth = CellWidth.of(head)
        let wrapped = TextWrap.lines(TextCleaning.forDisplay(value), first: max(8, width - headWidth), rest: max(8, width - 2))
        var out = [StyledLine([Segment(head, Palette.key), Segment(wrapped.first ?? "")])]
        for line in wrapped.dropFirst() { out.append(StyledLine("  " + line)) }
        return out
    }
}
