import CatalyseCore

/// The pathway (« parcours », `P` from the self-assessment's result or from a dossier): its
/// steps from different firms, what each covers, the alternatives, what stays uncovered, and
/// « Pour aller plus loin ». `d` saves it: into the dossier it was proposed for, else into a
/// new dossier filled from the answers; its offers go in « à étudier ».
extension AppState {
    mutating func openPathway(_ needs: Pathway.Needs, dossier: DossierRef?) {
        assessment.pathway = PathwayView(pathway: Pathway.propose(needs, index: index), needs: needs, dossier: dossier)
        stack.append(.pathway)
    }

    func pathwayLines(_ view: PathwayView, _ l: Layout) -> [StyledLine] {
        let s = strings
        let w = l.contentWidth
        var out: [StyledLine] = []
        func para(_ text: String, _ style: CellStyle = .plain, indent: Int = 0, hang: Int = 0) {
            let pad = String(repeating: " ", count: indent), hanging = String(repeating: " ", count: indent + hang)
            for (k, line) in TextWrap.lines(text, first: max(8, w - indent), rest: max(8, w - indent - hang)).enumerated() {
                out.append(StyledLine((k == 0 ? pad : hanging) + line, style))
            }
        }
        let kinds = { (k: [SupportKind]) in k.map { Typography.inRunningText($0.label(language)) }.joined(separator: ", ") }
        if view.needs.kinds.isEmpty {
            para(s.pathwayNoNeeds)
        } else {
            para(s.pathwayNeeds + kinds(view.needs.kinds))
            if let t = view.needs.territory { para(Typography.field(Facet.territory.label.text(language), t.displayName(language), language), Palette.muted) }
            out.append(.blank)
            if view.pathway.steps.isEmpty { para(s.pathwayEmpty) }
            for (n, step) in view.pathway.steps.enumerated() {
                let offer = catalogue.offers[step.offer]
                let firm = catalogue.firm(of: offer)
                para(s.pathwayStep(n + 1) + Typography.colon(language) + offer.title + " — " + firm.name, Palette.heading)
                para(s.pathwayCovers + kinds(step.covers), indent: 3)
                para(offer.purpose.shortLabel.text(language) + " · " + offer.format.label(language) + " · " + offer.mode.label(language), Palette.muted, indent: 3)
                if !step.alternatives.isEmpty {
                    let alts = step.alternatives.map { catalogue.offers[$0].title + " (" + catalogue.firm(of: catalogue.offers[$0]).name + ")" }
                    para(s.pathwayAlternatives + alts.joined(separator: Typography.semicolon(language)), indent: 3)
                }
                out.append(.blank)
            }
            if !view.pathway.uncovered.isEmpty {
                para(s.pathwayUncovered + kinds(view.pathway.uncovered), Palette.error)
                out.append(.blank)
            }
        }
        para(s.pathwayFurther, Palette.heading)
        for r in Resource.ordered(needs: view.needs.kinds, pathway: view.pathway) {
            para("• " + r.name.text(language) + Typography.colon(language) + r.description.text(language), hang: 2)
        }
        return out
    }

    /// The pathway shown as an export file: the text or Markdown of `catalyse parcours`
    /// (nil for the other scopes).
    func pathwayReport(_ scope: ExportDialog.Scope, format: ShortlistExport.Format) -> String? {
        guard scope == .pathway, let view = assessment.pathway else { return nil }
        return PathwayReport.text(view.pathway, view.needs, catalogue, language, markdown: format == .markdown)
    }

    func pathwayMaxScroll(_ view: PathwayView, _ l: Layout) -> Int { max(0, pathwayLines(view, l).count - l.contentHeight) }

    mutating func handlePathwayKey(_ key: Key) -> [Effect] {
        guard var view = assessment.pathway else { goBack(); return [] }
        switch ScreenKeys.pathway.action(for: key) {
        case .scroll(let move):
            let l = layout
            view.scroll = move.scroll(view.scroll, maxOffset: pathwayMaxScroll(view, l), page: l.contentHeight - 1)
            assessment.pathway = view
        case .saveDossier:
            let ids = view.pathway.steps.map { catalogue.offers.id($0.offer) }
            guard !ids.isEmpty else { return [] }
            if let ref = view.dossier { return [.addToDossier(ref, offerIDs: ids)] }
            let n = view.needs
            openDossierForm(DossierProfile(name: strings.pathwayDossierName(today), territory: n.territory, stage: n.stage, budget: n.budget,
                                           employer: n.employer, needs: n.kinds), offers: ids)
        case .export:
            export = newExportDialog(scope: .pathway, name: strings.pathwayFileName(today, .text))
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

    func renderPathway(_ l: Layout, into grid: inout Grid) {
        guard let view = assessment.pathway else { return }
        let lines = pathwayLines(view, l)
        var title = view.dossier.map { strings.pathwayFor($0.name) } ?? strings.pathwayTitle
        if let range = AppState.rangeLabel(count: lines.count, scroll: view.scroll, height: l.contentHeight) { title += range }
        grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        let frame = SheetFrame(x: l.contentX, y: l.contentY, width: l.contentWidth, height: l.contentHeight, beside: false)
        drawSheet(lines, scroll: view.scroll, frame: frame, into: &grid)
        grid.cursor = Position(l.contentY, l.contentX)
    }
}
