import CatalyseCore

/// The self-assessment's result: the reading of the need, the offers that suit ranked (one line
/// each, with their points), and the reasons of the highlighted one, criterion by criterion.
/// Enter opens its sheet, `o` the list with the answers as filters, `d` saves a dossier, `P`
/// proposes a pathway.
extension AppState {
    /// The reading, wrapped to the screen.
    func readingLines(_ l: Layout) -> [String] {
        guard let p = assessment.profile else { return [] }
        return TextWrap.lines(AssessmentWords.reading(p, language), first: max(8, l.contentWidth), rest: max(8, l.contentWidth))
    }

    /// Rows for the reasons of the highlighted offer: a title and one per criterion.
    static let reasonRows = 1 + AssessmentScoring.Criterion.allCases.count

    func resultListHeight(_ l: Layout) -> Int {
        max(1, l.contentHeight - readingLines(l).count - 3 - AppState.reasonRows)
    }

    var selectedRanked: AssessmentScoring.Ranked? {
        let i = assessment.resultList.selection
        return assessment.ranked.indices.contains(i) ? assessment.ranked[i] : nil
    }

    mutating func handleAssessmentResultKey(_ key: Key) -> [Effect] {
        switch ScreenKeys.assessmentResult.action(for: key) {
        case .move(let move):
            let l = layout
            assessment.resultList.fit(count: assessment.ranked.count, height: resultListHeight(l))
            assessment.resultList.move(move)
        case .openSheet:
            guard let r = selectedRanked else { return [] }
            sheetOffer = r.offer
            sheetScroll = 0
            stack.append(.sheet)
        case .filterList:
            guard let p = assessment.profile else { return [] }
            stack = [.list]
            setFilter(p.filter, resetSelection: true)
            clampAll()
        case .saveDossier:
            guard let p = assessment.profile else { return [] }
            openDossierForm(p.dossierProfile(name: strings.assessmentDossierName(today)),
                            offers: assessment.ranked.prefix(3).map { catalogue.offers.id($0.offer) })
        case .pathway:
            guard let p = assessment.profile else { return [] }
            openPathway(p.pathwayNeeds, dossier: nil)
        case .back:
            stack.removeLast()
            assessment.question = max(0, questionnaire.questions.count - 1)
            stack.append(.assessment)
            loadQuestion()
        case .restart:
            stack.removeLast()
            assessment.question = 0
            stack.append(.assessment)
            loadQuestion()
        case .leave:
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

    /// The new-dossier form, filled from a profile; `offers` go in once it is created.
    mutating func openDossierForm(_ profile: DossierProfile, offers: [String]) {
        var f = DossierForm()
        f.name.set(profile.name)
        if let t = profile.territory {
            f.territory = t
            f.territoryText.set(t.displayName(language))
        }
        f.stage = profile.stage
        f.budget = profile.budget
        f.employer = profile.employer
        f.needs = Set(profile.needs)
        f.thenAdd = offers
        dossiers.dialog = .create(f)
    }

    func renderAssessmentResult(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let x = l.contentX, w = l.contentWidth
        grid.put(s.assessmentResultTitle, row: l.titleY, column: x, style: Palette.heading, maxWidth: w)
        var y = l.contentY
        for line in readingLines(l) where y < l.footerY {
            grid.put(line, row: y, column: x, style: Palette.title, maxWidth: w)
            y += 1
        }
        y += 1
        guard y < l.footerY else { return }
        grid.put(s.assessmentSuitable(assessment.ranked.count), row: y, column: x, style: Palette.muted, maxWidth: w)
        y += 1
        if assessment.ranked.isEmpty {
            for line in TextWrap.lines(s.assessmentNothing, first: w, rest: w) where y < l.footerY {
                grid.put(line, row: y, column: x)
                y += 1
            }
            grid.cursor = Position(l.contentY, x)
            return
        }
        let height = resultListHeight(l)
        let window = assessment.resultList.fitted(count: assessment.ranked.count, height: height)
        var cursorRow = y
        for (row, i) in window.visible.enumerated() where y + row < l.footerY {
            let r = assessment.ranked[i]
            let offer = catalogue.offers[r.offer]
            let firm = catalogue.firm(of: offer).name
            let here = i == window.selection
            let points = s.assessmentPoints(r.points)
            let number = "\(i + 1). "
            let titleRoom = max(4, w - CellWidth.of(number) - CellWidth.of(points) - 2)
            let firmRoom = max(0, min(CellWidth.of(firm) + 3, titleRoom / 3))
            let title = CellWidth.truncate(offer.title, to: titleRoom - firmRoom)
            let firmText = firmRoom > 3 ? " — " + CellWidth.truncate(firm, to: firmRoom - 3) : ""
            let rowY = y + row
            if here { cursorRow = rowY; grid.fill(row: rowY, from: x, width: w, style: Palette.selected) }
            let style = here ? Palette.selected : Palette.plain
            var cx = x + grid.put(number + title, row: rowY, column: x, style: style, maxWidth: w)
            cx += grid.put(firmText, row: rowY, column: cx, style: here ? Palette.selected : Palette.firm, maxWidth: max(0, x + w - cx))
            grid.put(points, row: rowY, column: x + w - CellWidth.of(points), style: here ? Palette.selected : Palette.count)
            if row == height - 1 && window.hasMoreBelow {
                grid.put("↓", row: rowY, column: x + w - CellWidth.of(points) - 2, style: Palette.muted)
            }
        }
        y += height + 1
        if let r = selectedRanked, y < l.footerY {
            let offer = catalogue.offers[r.offer]
            let legend = "  " + strings.assessmentLegend
            let tx = x + grid.put(CellWidth.truncate(offer.title, to: max(8, w - CellWidth.of(legend))), row: y, column: x, style: Palette.heading, maxWidth: w)
            grid.put(legend, row: y, column: tx, style: Palette.muted, maxWidth: max(0, x + w - tx))
            y += 1
            for reason in r.reasons where y < l.footerY {
                let mark = AssessmentWords.mark(reason.verdict)
                let label = Typography.field(AssessmentWords.criterion(reason.criterion, language), "", language)
                let style: CellStyle = reason.verdict == .notMet ? Palette.error : (reason.verdict == .met ? Palette.checked : Palette.muted)
                var cx = x + grid.put(mark + " ", row: y, column: x, style: style)
                cx += grid.put(label, row: y, column: cx, style: Palette.title, maxWidth: max(0, x + w - cx))
                grid.put(CellWidth.truncate(reason.text, to: max(1, x + w - cx)), row: y, column: cx, maxWidth: max(0, x + w - cx))
                y += 1
            }
        }
        grid.cursor = Position(cursorRow, x)
    }
}
