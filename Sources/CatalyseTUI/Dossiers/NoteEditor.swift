import CatalyseCore

/// A note on an offer of the open dossier (`n`): a text of several lines (Enter starts a new
/// line, Ctrl-S saves, Esc drops it). The text lives in the state, so a resize, even to a
/// terminal too small to show it, loses nothing.
struct NoteEditor: Sendable, Equatable {
    var ref: DossierRef
    var offerID: String
    var title: String
    var area = TextArea()
    var pending = false
    var error: DossierError? = nil
}

extension AppState {
    /// The note's width: the dialog's inner width.
    var noteWidth: Int { max(1, dialogWidth - 4) }

    /// The note's rows on screen.
    func noteRows(_ l: Layout) -> Int { max(1, min(10, dialogRoom(l) - 2)) }

    mutating func handleNoteKey(_ key: Key, _ editor: NoteEditor) -> [Effect] {
        var e = editor
        switch ScreenKeys.noteEditor.action(for: key) {
        case .save:
            guard !e.area.isBlank else {
                e.error = .emptyNote
                dossiers.dialog = .note(e)
                return []
            }
            e.pending = true
            e.error = nil
            dossiers.dialog = .note(e)
            return [.addDossierNote(e.ref, offerID: e.offerID, text: e.area.text)]
        case .cancel:
            dossiers.dialog = nil
            return []
        case .newline:
            e.area.insertNewline()
        case .up:
            e.area.moveVertically(-1, width: noteWidth)
        case .down:
            e.area.moveVertically(1, width: noteWidth)
        case nil:
            if e.area.handle(key, width: noteWidth) == .changed { e.error = nil }
        }
        dossiers.dialog = .note(e)
        return []
    }

    func renderNoteEditor(_ e: NoteEditor, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = noteWidth
        let rows = noteRows(l)
        let texts = e.area.lineTexts(width: inner)
        let caret = e.area.caretPosition(width: inner)
        // The caret's line stays in view: the window ends on it when it is below.
        let offset = max(0, caret.row - rows + 1)
        var content = [StyledLine(CellWidth.truncate(e.title, to: inner), Palette.title), .blank]
        for r in 0..<rows {
            let n = offset + r
            content.append(StyledLine(n < texts.count ? texts[n] : "", CellStyle(underline: true)))
        }
        guard let frame = drawDialog(title: s.noteTitle, content: content, message: dialogMessage(pending: e.pending, error: e.error, width: inner),
                                     keys: TextFit.keys(ScreenKeys.noteEditor.hintPairs(language), width: inner), l, into: &grid) else { return }
        // The field's rows are underlined across their width.
        for r in 0..<rows where frame.contentY + 2 + r < frame.keysY - 2 {
            let y = frame.contentY + 2 + r
            let used = CellWidth.of(offset + r < texts.count ? texts[offset + r] : "")
            if used < inner { grid.fill(row: y, from: frame.innerX + used, width: inner - used, style: CellStyle(underline: true)) }
        }
        grid.cursor = Position(frame.contentY + 2 + caret.row - offset, min(width - 1, frame.innerX + caret.column))
    }
}
