import CatalyseCore

/// Renaming a dossier (`r` in the dossiers list): its name, editable.
struct RenamePrompt: Sendable, Equatable {
    var ref: DossierRef
    var field: TextField
    var pending = false
    var error: DossierError? = nil
    init(ref: DossierRef) { self.ref = ref; field = TextField(ref.name) }
}

/// The question before a dossier is deleted (`x`).
struct RemoveConfirmation: Sendable, Equatable {
    var ref: DossierRef
    var offers: Int
    var pending = false
    var error: DossierError? = nil
}

/// The status menu (`s` in a dossier): the five statuses, chosen with 1–5 or the arrows.
struct StatusMenu: Sendable, Equatable {
    var ref: DossierRef
    var offerID: String
    var title: String
    var current: OfferStatus
    var selection: Int
    var pending = false
    var error: DossierError? = nil
    init(ref: DossierRef, offerID: String, title: String, current: OfferStatus) {
        self.ref = ref; self.offerID = offerID; self.title = title; self.current = current
        selection = OfferStatus.allCases.firstIndex(of: current) ?? 0
    }
}

/// Choosing the dossier an offer goes to (`A`, or `a` with no current dossier).
struct DossierChooser: Sendable, Equatable {
    var offerID: String
    var title: String
    var list = ScrollState()
    var pending = false
    var error: DossierError? = nil
}

/// Where a dialog's parts went on screen.
struct DialogFrame {
    var x: Int, y: Int, width: Int
    /// The first content row and column, and the content's width.
    var contentY: Int, innerX: Int, innerWidth: Int
    var keysY: Int
}

extension AppState {
    /// The width of a dialog box at this size.
    var dialogWidth: Int { min(width - 4, 72) }

    /// How many content rows a dialog may have: the screen between the header and the footer,
    /// less the border, the blank rows, the message and the keys.
    func dialogRoom(_ l: Layout, messageRows: Int = 2) -> Int { max(0, l.footerY - 1 - 5 - messageRows) }

    /// Draws a centred box: its title on the border, a blank row, the content, a blank row, the
    /// message rows (kept even when empty, so the box does not jump), the keys, the border.
    @discardableResult
    func drawDialog(title: String, content: [StyledLine], message: [(String, CellStyle)], keys: String, messageRows: Int = 2,
                    _ l: Layout, into grid: inout Grid) -> DialogFrame? {
        let boxWidth = dialogWidth
        guard boxWidth >= 20 else { return nil }
        let innerWidth = boxWidth - 4
        let rows = Array(content.prefix(dialogRoom(l, messageRows: messageRows)))
        let boxHeight = rows.count + 5 + messageRows
        guard l.footerY - 1 >= boxHeight else { return nil }
        let x = (width - boxWidth) / 2
        let y = max(1, 1 + (l.footerY - 1 - boxHeight) / 2)
        grid.box(row: y, column: x, width: boxWidth, height: boxHeight, title: title)
        let innerX = x + 2
        for (n, line) in rows.enumerated() { grid.put(line, row: y + 2 + n, column: innerX, width: innerWidth) }
        let messageY = y + 3 + rows.count
        for (n, line) in message.prefix(messageRows).enumerated() {
            grid.put(CellWidth.truncate(line.0, to: innerWidth), row: messageY + n, column: innerX, style: line.1)
        }
        let keysY = messageY + messageRows
        grid.put(CellWidth.truncate(keys, to: innerWidth), row: keysY, column: innerX, style: Palette.muted)
        return DialogFrame(x: x, y: y, width: boxWidth, contentY: y + 2, innerX: innerX, innerWidth: innerWidth, keysY: keysY)
    }

    /// A dialog's message lines: « Enregistrement… » while waiting, else its error, wrapped.
    func dialogMessage(pending: Bool, error: DossierError?, width: Int) -> [(String, CellStyle)] {
        if pending { return [(strings.saving, Palette.muted)] }
        guard let error else { return [] }
        return TextFit.lines(strings.notice(.failed(error)), width: width, maxLines: 2).map { ($0, Palette.error) }
    }

    // MARK: Keys

    mutating func handleDossierDialogKey(_ key: Key) -> [Effect] {
        guard let dialog = dossiers.dialog else { return [] }
        if dialog.pending {
            // Waiting for the store: Esc closes the dialog (the outcome still shows).
            if key == .escape { dossiers.dialog = nil }
            return []
        }
        switch dialog {
        case .create(let form): return handleFormKey(key, form)
        case .rename(let prompt): return handleRenameKey(key, prompt)
        case .remove(let question): return handleRemoveKey(key, question)
        case .status(let menu): return handleStatusMenuKey(key, menu)
        case .note(let editor): return handleNoteKey(key, editor)
        case .choose(let chooser): return handleChooserKey(key, chooser)
        }
    }

    mutating func handleRenameKey(_ key: Key, _ prompt: RenamePrompt) -> [Effect] {
        var p = prompt
        switch ScreenKeys.dossierRename.action(for: key) {
        case .cancel:
            dossiers.dialog = nil
            return []
        case .confirm:
            guard !p.field.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                p.error = .emptyName
                dossiers.dialog = .rename(p)
                return []
            }
            p.pending = true
            p.error = nil
            dossiers.dialog = .rename(p)
            return [.renameDossier(p.ref, to: p.field.text)]
        case nil:
            if p.field.handle(key) == .changed { p.error = nil }
            dossiers.dialog = .rename(p)
            return []
        }
    }

    mutating func handleRemoveKey(_ key: Key, _ question: RemoveConfirmation) -> [Effect] {
        var q = question
        switch ScreenKeys.dossierRemove.action(for: key) {
        case .remove:
            q.pending = true
            dossiers.dialog = .remove(q)
            return [.removeDossier(q.ref)]
        case .keep:
            dossiers.dialog = nil
        case nil:
            break
        }
        return []
    }

    mutating func handleStatusMenuKey(_ key: Key, _ menu: StatusMenu) -> [Effect] {
        var m = menu
        let all = OfferStatus.allCases
        var chosen: Int? = nil
        switch ScreenKeys.statusMenu.action(for: key) {
        case .choose(let n): chosen = n
        case .up: m.selection = max(0, m.selection - 1)
        case .down: m.selection = min(all.count - 1, m.selection + 1)
        case .apply: chosen = m.selection
        case .cancel:
            dossiers.dialog = nil
            return []
        case nil: break
        }
        guard let chosen, all.indices.contains(chosen) else {
            dossiers.dialog = .status(m)
            return []
        }
        m.selection = chosen
        if all[chosen] == m.current {
            // The status it already has: nothing to change.
            dossiers.dialog = nil
            return []
        }
        m.pending = true
        dossiers.dialog = .status(m)
        return [.setOfferStatus(m.ref, offerID: m.offerID, status: all[chosen])]
    }

    mutating func handleChooserKey(_ key: Key, _ chooser: DossierChooser) -> [Effect] {
        var c = chooser
        let active = activeDossiers
        let l = layout
        switch ScreenKeys.dossierChooser.action(for: key) {
        case .move(let move):
            c.list.fit(count: active.count, height: chooserListHeight(l))
            c.list.move(move)
        case .pick:
            guard active.indices.contains(c.list.selection) else { break }
            c.pending = true
            dossiers.dialog = .choose(c)
            return [.addToDossier(DossierRef(active[c.list.selection]), offerIDs: [c.offerID])]
        case .cancel:
            dossiers.dialog = nil
            return []
        case nil:
            break
        }
        dossiers.dialog = .choose(c)
        return []
    }

    // MARK: Drawing

    func renderDossierDialog(_ dialog: DossierDialog, _ l: Layout, into grid: inout Grid) {
        switch dialog {
        case .create(let form): renderForm(form, l, into: &grid)
        case .rename(let prompt): renderRename(prompt, l, into: &grid)
        case .remove(let question): renderRemove(question, l, into: &grid)
        case .status(let menu): renderStatusMenu(menu, l, into: &grid)
        case .note(let editor): renderNoteEditor(editor, l, into: &grid)
        case .choose(let chooser): renderChooser(chooser, l, into: &grid)
        }
    }

    func renderRename(_ p: RenamePrompt, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = dialogWidth - 4
        let labelWidth = CellWidth.of(s.renameLabel)
        let visible = p.field.visible(width: max(1, inner - labelWidth))
        let content = [StyledLine(CellWidth.truncate(TextCleaning.forDisplay(p.ref.name), to: inner), Palette.muted), .blank,
                       StyledLine([Segment(s.renameLabel, Palette.key), Segment(visible.text, CellStyle(underline: true))])]
        guard let frame = drawDialog(title: s.renameTitle, content: content, message: dialogMessage(pending: p.pending, error: p.error, width: inner),
                                     keys: TextFit.keys(ScreenKeys.dossierRename.hintPairs(language), width: inner), l, into: &grid) else { return }
        grid.cursor = Position(frame.contentY + 2, min(width - 1, frame.innerX + labelWidth + visible.caretColumn))
    }

    func renderRemove(_ q: RemoveConfirmation, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = dialogWidth - 4
        let content = TextFit.lines(s.removeQuestion(q.ref.name, offers: q.offers), width: inner, maxLines: 4).map { StyledLine($0, Palette.title) }
        guard let frame = drawDialog(title: s.removeTitle, content: content, message: dialogMessage(pending: q.pending, error: q.error, width: inner),
                                     keys: s.removeKeys, l, into: &grid) else { return }
        grid.put(CellWidth.truncate(s.removeKeys, to: inner), row: frame.keysY, column: frame.innerX, style: Palette.key)
        grid.cursor = Position(frame.keysY, frame.innerX)
    }

    func renderStatusMenu(_ m: StatusMenu, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = dialogWidth - 4
        var content = [StyledLine(CellWidth.truncate(m.title, to: inner), Palette.title), .blank]
        for (n, status) in OfferStatus.allCases.enumerated() {
            var segments = [Segment("\(n + 1)  ", Palette.key), Segment(status.heading(language))]
            if status == m.current { segments.append(Segment("  " + s.currentStatus, Palette.muted)) }
            content.append(StyledLine(segments))
        }
        guard let frame = drawDialog(title: s.statusTitle, content: content, message: dialogMessage(pending: m.pending, error: m.error, width: inner),
                                     keys: TextFit.keys(ScreenKeys.statusMenu.hintPairs(language), width: inner), l, into: &grid) else { return }
        let y = frame.contentY + 2 + m.selection
        if y < frame.keysY - 2 {
            grid.highlight(row: y, from: frame.innerX - 1, width: inner + 2)
            grid.cursor = Position(y, frame.innerX)
        }
    }

    /// The dossiers the chooser shows at once.
    func chooserListHeight(_ l: Layout) -> Int { max(1, min(12, dialogRoom(l) - 2)) }

    func renderChooser(_ c: DossierChooser, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = dialogWidth - 4
        var content = [StyledLine(CellWidth.truncate(c.title, to: inner), Palette.title), .blank]
        let active = activeDossiers
        var message = dialogMessage(pending: c.pending, error: c.error, width: inner)
        if let problem = dossiers.problem {
            message = TextFit.lines(s.notice(.failed(problem)), width: inner, maxLines: 2).map { ($0, Palette.error) }
        } else if dossiers.snapshot == nil {
            content.append(StyledLine(s.dossiersLoading, Palette.muted))
        } else if active.isEmpty {
            content += TextFit.lines(s.chooserEmpty, width: inner, maxLines: 2).map { StyledLine($0, Palette.muted) }
        }
        let window = c.list.fitted(count: active.count, height: chooserListHeight(l))
        for i in window.visible {
            let d = active[i]
            let tag = d.id == dossiers.currentID ? " (" + s.currentTag + ")" : ""
            let count = s.offerCount(d.offers.count)
            let nameRoom = max(1, inner - CellWidth.of(count) - 2 - CellWidth.of(tag))
            let name = CellWidth.truncate(TextCleaning.forDisplay(d.name), to: nameRoom)
            let pad = String(repeating: " ", count: max(1, inner - CellWidth.of(name) - CellWidth.of(tag) - CellWidth.of(count)))
            content.append(StyledLine([Segment(name), Segment(tag, Palette.muted), Segment(pad), Segment(count, Palette.muted)]))
        }
        guard let frame = drawDialog(title: s.chooserTitle, content: content, message: message,
                                     keys: TextFit.keys(ScreenKeys.dossierChooser.hintPairs(language), width: inner), l, into: &grid) else { return }
        grid.cursor = Position(frame.contentY, frame.innerX)
        if window.visible.contains(c.list.selection) {
            let y = frame.contentY + 2 + c.list.selection - window.offset
            grid.highlight(row: y, from: frame.innerX - 1, width: inner + 2)
            grid.cursor = Position(y, frame.innerX)
        }
    }
}
