import CatalyseCore

/// The export dialog (`e`): a format (text, Markdown, CSV), what to export (the favourites,
/// the default when there are any, or the current list) and a file name (default
/// `catalyse-selection-YYYY-MM-DD.txt` in the export folder), editable. It never overwrites
/// a file without asking.
struct ExportDialog: Sendable, Equatable {
    enum Field: Int, CaseIterable { case format, scope, name }
    enum Scope: Sendable, Equatable { case favourites, list }

    var field: Field = .format
    var format: ShortlistExport.Format = .text
    var scope: Scope
    var name: TextField
    /// A write asked for and not answered yet: the path and the contents (kept to overwrite).
    var pending: (path: String, contents: String)? = nil
    /// The file exists: asking whether to replace it.
    var confirmingOverwrite = false
    var error: String? = nil

    static func == (a: ExportDialog, b: ExportDialog) -> Bool {
        a.field == b.field && a.format == b.format && a.scope == b.scope && a.name == b.name
            && a.pending?.path == b.pending?.path && a.pending?.contents == b.pending?.contents
            && a.confirmingOverwrite == b.confirmingOverwrite && a.error == b.error
    }
}

extension AppState {
    mutating func openExport() {
        let format = ShortlistExport.Format.text
        export = ExportDialog(format: format, scope: favourites.isEmpty ? .list : .favourites,
                              name: TextField(format.defaultFileName(today)))
    }

    /// The path a file name means: as typed when absolute, else in the export folder.
    func exportPath(_ name: String) -> String {
        if name.hasPrefix("/") { return name }
        if exportDirectory.isEmpty { return name }
        return exportDirectory.hasSuffix("/") ? exportDirectory + name : exportDirectory + "/" + name
    }

    /// The offers and heading context of an export scope.
    func exportContent(_ scope: ExportDialog.Scope) -> (offers: [Offer], context: ShortlistExport.Context) {
        switch scope {
        case .favourites:
            let offers = favourites.compactMap { catalogue.offer(id: $0) }
            let context = ShortlistExport.Context(catalogue: catalogue, date: today, language: language,
                                                  filter: OfferFilter(), favouritesOnly: true, missingIDs: missingFavourites)
            return (offers, context)
        case .list:
            // The whole current list (an export is not a screen: every offer, not only the visible ones).
            let offers = result.offers.map { catalogue.offers[$0] }
            let context = ShortlistExport.Context(catalogue: catalogue, date: today, language: language,
                                                  filter: filter, favouritesOnly: favouritesOnly,
                                                  missingIDs: favouritesOnly ? missingFavourites : [])
            return (offers, context)
        }
    }

    func exportCount(_ scope: ExportDialog.Scope) -> Int {
        switch scope {
        case .favourites: favourites.count
        case .list: rowCount
        }
    }

    mutating func handleExportKey(_ key: Key) -> [Effect] {
        guard var dialog = export else { return [] }
        defer { if export != nil { export = dialog } }
        if dialog.confirmingOverwrite {
            switch key {
            case .char("o"), .char("O"), .char("y"), .char("Y"):
                guard let pending = dialog.pending else { dialog.confirmingOverwrite = false; return [] }
                dialog.confirmingOverwrite = false
                return [.writeExport(path: pending.path, contents: pending.contents, overwrite: true)]
            case .char("n"), .char("N"), .escape:
                dialog.confirmingOverwrite = false
                dialog.pending = nil
                dialog.field = .name
            default:
                break
            }
            return []
        }
        if dialog.pending != nil {
            // Waiting for the write: only Esc (close; the outcome still shows) does something.
            if key == .escape { export = nil }
            return []
        }
        switch key {
        case .escape:
            export = nil
            return []
        case .enter:
            dialog.error = nil
            let name = dialog.name.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                dialog.error = strings.exportEmptyName
                dialog.field = .name
                return []
            }
            guard exportCount(dialog.scope) > 0 else {
                dialog.error = strings.exportNothing
                return []
            }
            let content = exportContent(dialog.scope)
            let contents = ShortlistExport.render(content.offers, format: dialog.format, context: content.context)
            let path = exportPath(name)
            dialog.pending = (path, contents)
            return [.writeExport(path: path, contents: contents, overwrite: false)]
        case .up, .backTab:
            dialog.field = ExportDialog.Field(rawValue: max(0, dialog.field.rawValue - 1)) ?? .format
            return []
        case .down, .tab:
            dialog.field = ExportDialog.Field(rawValue: min(2, dialog.field.rawValue + 1)) ?? .name
            return []
        default:
            break
        }
        switch dialog.field {
        case .format:
            let all = ShortlistExport.Format.allCases
            let at = all.firstIndex(of: dialog.format) ?? 0
            let next: Int
            switch key {
            case .left: next = (at + all.count - 1) % all.count
            case .right, .char(" "): next = (at + 1) % all.count
            default: return []
            }
            let old = dialog.format
            dialog.format = all[next]
            // Follow the extension when the name still has the old format's one.
            let text = dialog.name.text
            if text.hasSuffix("." + old.fileExtension) {
                dialog.name.set(String(text.dropLast(old.fileExtension.count)) + dialog.format.fileExtension)
            }
        case .scope:
            switch key {
            case .left, .right, .char(" "):
                dialog.scope = dialog.scope == .favourites ? .list : .favourites
            default:
                break
            }
        case .name:
            _ = dialog.name.handle(key)
        }
        return []
    }

    mutating func exportWritten(path: String) -> [Effect] {
        export = nil
        status = StatusMessage(text: strings.exportWritten(TextCleaning.forDisplay(path)), isError: false)
        return []
    }

    mutating func exportFailed(message: String, exists: Bool) -> [Effect] {
        guard var dialog = export else {
            status = StatusMessage(text: strings.exportFailed(TextCleaning.forDisplay(message)), isError: true)
            return []
        }
        if exists && dialog.pending != nil {
            dialog.confirmingOverwrite = true
        } else {
            dialog.pending = nil
            dialog.error = strings.exportFailed(TextCleaning.forDisplay(message))
            dialog.field = .name
        }
        export = dialog
        return []
    }

    func renderExportDialog(_ dialog: ExportDialog, into grid: inout Grid) {
        let s = strings
        let boxWidth = min(width - 4, 76)
        let boxHeight = 11
        guard boxWidth >= 20, height >= boxHeight + 2 else { return }
        let x = (width - boxWidth) / 2
        let y = max(1, (height - boxHeight) / 2)
        grid.box(row: y, column: x, width: boxWidth, height: boxHeight, title: s.exportTitle)
        let innerX = x + 2
        let innerWidth = boxWidth - 4
        let labels = [s.exportFormat, s.exportScope, s.exportName]
        let labelWidth = labels.map { CellWidth.of(s.field($0)) }.max()! + 2
        func drawLabel(_ field: ExportDialog.Field, row: Int) {
            let focused = dialog.field == field && !dialog.confirmingOverwrite && dialog.pending == nil
            grid.put(focused ? "›" : " ", row: row, column: innerX - 1, style: Palette.key)
            grid.put(s.field(labels[field.rawValue]), row: row, column: innerX, style: focused ? Palette.selected : Palette.key)
        }
        func drawChoices(_ choices: [(String, Bool)], row: Int) {
            var cx = innerX + labelWidth
            for (text, on) in choices {
                let item = (on ? "(•) " : "( ) ") + text
                if cx + CellWidth.of(item) > innerX + innerWidth { break }
                cx += grid.put(item, row: row, column: cx, style: on ? Palette.checked : Palette.plain)
                cx += 2
            }
        }
        let formatY = y + 2, scopeY = y + 3, nameY = y + 4, folderY = y + 5, messageY = y + 7, keysY = y + 9
        drawLabel(.format, row: formatY)
        drawChoices(ShortlistExport.Format.allCases.map { (s.formatName($0), $0 == dialog.format) }, row: formatY)
        drawLabel(.scope, row: scopeY)
        drawChoices([(s.scopeFavourites(exportCount(.favourites)), dialog.scope == .favourites),
                     (s.scopeList(exportCount(.list)), dialog.scope == .list)], row: scopeY)
        drawLabel(.name, row: nameY)
        let fieldWidth = max(1, innerWidth - labelWidth)
        let visible = dialog.name.visible(width: fieldWidth)
        grid.put(visible.text, row: nameY, column: innerX + labelWidth, style: CellStyle(underline: true))
        let folder = dialog.name.text.hasPrefix("/") ? "" : TextCleaning.forDisplay(exportDirectory)
        grid.put(s.field(s.exportFolder), row: folderY, column: innerX, style: Palette.muted)
        grid.put(CellWidth.truncate(folder, to: fieldWidth), row: folderY, column: innerX + labelWidth, style: Palette.muted)

        if dialog.confirmingOverwrite, let pending = dialog.pending {
            grid.put(CellWidth.truncate(s.exportExists(TextCleaning.forDisplay(pending.path)), to: innerWidth), row: messageY, column: innerX, style: Palette.error)
            grid.put(CellWidth.truncate(s.exportOverwriteQuestion, to: innerWidth), row: messageY + 1, column: innerX, style: Palette.key)
            grid.cursor = (messageY + 1, innerX)
        } else if dialog.pending != nil {
            grid.put(s.exportWaiting, row: messageY, column: innerX, style: Palette.muted)
        } else if let error = dialog.error {
            for (n, line) in wrapText(error, first: innerWidth, rest: innerWidth).prefix(2).enumerated() {
                grid.put(line, row: messageY + n, column: innerX, style: Palette.error)
            }
        }
        grid.put(CellWidth.truncate(s.exportKeys, to: innerWidth), row: keysY, column: innerX, style: Palette.muted)
        if !dialog.confirmingOverwrite {
            switch dialog.field {
            case .format: grid.cursor = (formatY, innerX)
            case .scope: grid.cursor = (scopeY, innerX)
            case .name: grid.cursor = (nameY, min(width - 1, innerX + labelWidth + visible.caretColumn))
            }
        }
    }
}
