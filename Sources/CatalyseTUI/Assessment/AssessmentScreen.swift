import CatalyseCore

/// Drawing one question of the self-assessment: the questionnaire's name and « 3 / 12 », the
/// question and its help, then its answers (ticked or not, the highlighted one reversed), or,
/// for a place, the field and the places it matches.
extension AppState {
    func renderAssessmentQuestion(_ l: Layout, into grid: inout Grid) {
        guard let q = currentQuestion else { return }
        let s = strings
        let x = l.contentX, w = l.contentWidth
        let progress = s.progress(assessment.question + 1, of: questionnaire.questions.count)
        let pw = CellWidth.of(progress)
        grid.put(questionnaire.name.text(language), row: l.titleY, column: x, style: Palette.heading, maxWidth: max(1, w - pw - 2))
        grid.put(progress, row: l.titleY, column: max(x, x + w - pw), style: Palette.count)
        var y = l.contentY + 1
        let bottom = l.footerY
        func para(_ text: String, _ style: CellStyle, indent: Int = 0) {
            for line in TextWrap.lines(text, first: max(8, w - indent), rest: max(8, w - indent)) where y < bottom {
                grid.put(line, row: y, column: x + indent, style: style, maxWidth: w - indent)
                y += 1
            }
        }
        para(q.text.text(language), Palette.title)
        if let help = q.help { para(help.text(language), Palette.muted) } else if q.kind == .several { para(s.assessmentMultiple, Palette.muted) }
        y += 1
        if q.kind == .place {
            renderPlaceQuestion(l, y: y, into: &grid)
            return
        }
        var cursorRow = y
        for (i, answer) in q.answers.enumerated() where y < bottom {
            let ticked = assessment.marked.contains(answer.id)
            let box = q.kind == .several ? (ticked ? "[x]" : "[ ]") : (ticked ? "(•)" : "( )")
            let here = i == assessment.cursor
            let prefix = (here ? "❯ " : "  ") + "\(i + 1). " + box + " "
            let indent = CellWidth.of(prefix)
            let lines = TextWrap.lines(answer.text.text(language), first: max(8, w - indent), rest: max(8, w - indent))
            if here { cursorRow = y }
            for (k, line) in lines.enumerated() where y < bottom {
                let style = here ? Palette.selected : (ticked ? Palette.checked : Palette.plain)
                let text = (k == 0 ? prefix : String(repeating: " ", count: indent)) + line
                if here { grid.fill(row: y, from: x, width: w, style: style) }
                grid.put(text, row: y, column: x, style: style, maxWidth: w)
                y += 1
            }
        }
        grid.cursor = Position(cursorRow, x)
    }

    func renderPlaceQuestion(_ l: Layout, y start: Int, into grid: inout Grid) {
        let s = strings
        let x = l.contentX, w = l.contentWidth
        var y = start
        let bottom = l.footerY
        guard y < bottom else { return }
        let label = s.assessmentPlaceLabel
        let lw = CellWidth.of(label)
        grid.put(label, row: y, column: x, style: Palette.title)
        let visible = assessment.place.visible(width: max(4, w - lw - 1))
        grid.put(visible.text, row: y, column: x + lw, style: Palette.plain)
        let fieldRow = y
        y += 1
        if let unknown = assessment.unknownPlace {
            for line in TextWrap.lines(s.assessmentUnknownPlace(unknown), first: w, rest: w) where y < bottom {
                grid.put(line, row: y, column: x, style: Palette.error)
                y += 1
            }
        } else {
            for line in TextWrap.lines(s.assessmentPlaceHint, first: w, rest: w) where y < bottom {
                grid.put(line, row: y, column: x, style: Palette.muted)
                y += 1
            }
        }
        y += 1
        let room = max(0, bottom - y)
        let shown = Array(assessment.candidates.enumerated()).dropFirst(max(0, assessment.cursor - room + 1)).prefix(room)
        for (i, place) in shown {
            let here = i == assessment.cursor
            let text = (here ? "❯ " : "  ") + place.displayName(language)
            if here { grid.fill(row: y, from: x, width: w, style: Palette.selected) }
            grid.put(text, row: y, column: x, style: here ? Palette.selected : Palette.plain, maxWidth: w)
            y += 1
        }
        grid.cursor = Position(fieldRow, x + lw + visible.caretColumn)
    }
}
