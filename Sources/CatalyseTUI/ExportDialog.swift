import CatalyseCore

/// The export dialog (`e`): a format (text, Markdown, CSV), what to export (the favourites,
/// the default when there are any, or the current list) and a file name (default
/// `catalyse-selection-YYYY-MM-DD.txt` in the export folder), editable. It never overwrites
/// a file without asking.
struct ExportDialog: Sendable, Equatable {
    enum Field: Int, CaseIterable { case format, scope, name }
    enum Scope: Sendable, Equatable {
        case favourites, list
        /// A dossier's report (`DossierReport`), with or without its notes.
        case dossier(id: Int64, notes: Bool)

        var isDossier: Bool { if case .dossier = self { true } else { false } }

        /// The other choice of the content row.
        var toggled: Scope {
            switch self {
            case .favourites: .list
            case .list: .favourites
            case .dossier(let id, let notes): .dossier(id: id, notes: !notes)
            }
        }
    }

    var field: Field = .format
    var format: ShortlistExport.Format = .text
    var scope: Scope
    var name: TextField
    /// A write asked for and not answered yet: the path and the contents (kept to overwrite).
    struct PendingWrite: Sendable, Equatable {
        var path: String
        var contents: String
    }

    /// What the dialog's message lines say went wrong (worded when drawn).
    enum Problem: Sendable, Equatable {
        case emptyName
        case nothingToExport
        case writeFailed(WriteFailure)
    }

    var pending: PendingWrite? = nil
    /// The file exists: asking whether to replace it.
    var confirmingOverwrite = false
    var error: Problem? = nil

    /// The export extension a file name ends with (`md`, `markdown`, `csv`, `txt`, any case), as
    /// written in the name.
    static func knownExtension(_ name: String) -> String? {
        for ext in ["markdown", "md", "csv", "txt"] {
            let suffix = "." + ext
            let lower = name.lowercased()
            if lower.hasSuffix(suffix), lower.count > suffix.count { return String(name.suffix(ext.count)) }
        }
        return nil
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
        case .dossier:
            return ([], ShortlistExport.Context(catalogue: catalogue, date: today, language: language))
        }
    }

    /// What an export of a scope holds: the offers written, and the missing favourites listed
    /// after them (the dialog says both, like the file).
    func exportCount(_ scope: ExportDialog.Scope) -> (offers: Int, missing: Int) {
        switch scope {
        case .favourites: (favourites.count - missingFavourites.count, missingFavourites.count)
        case .list: (result.offers.count, favouritesOnly ? missingFavourites.count : 0)
        case .dossier(let id, _): (dossier(id: id)?.offers.count ?? 0, 0)
        }
    }

    mutating func handleExportKey(_ key: Key) -> [Effect] {
        guard var dialog = export else { return [] }
        defer { if export != nil { export = dialog } }
        if dialog.confirmingOverwrite {
            switch ScreenKeys.overwrite.action(for: key) {
            case .replace:
                guard let pending = dialog.pending else { dialog.confirmingOverwrite = false; return [] }
                dialog.confirmingOverwrite = false
                return [.writeExport(path: pending.path, contents: pending.contents, overwrite: true)]
            case .keep:
                dialog.confirmingOverwrite = false
                dialog.pending = nil
                dialog.field = .name
            case nil:
                break
            }
            return []
        }
        if dialog.pending != nil {
            // Waiting for the write: only Esc (close; the outcome still shows) does something.
            if ScreenKeys.exportWaiting.action(for: key) == .close { export = nil }
            return []
        }
        let action = ScreenKeys.export.action(for: key)
        switch action {
        case .cancel:
            export = nil
        case .export:
            return startExport(&dialog)
        case .previousField:
            dialog.field = ExportDialog.Field(rawValue: max(0, dialog.field.rawValue - 1)) ?? .format
        case .nextField:
            dialog.field = ExportDialog.Field(rawValue: min(2, dialog.field.rawValue + 1)) ?? .name
        case .previousChoice, .nextChoice, nil:
            switch dialog.field {
            case .format:
                guard let action else { return [] }
                let all = ShortlistExport.Format.allCases
                let at = all.firstIndex(of: dialog.format) ?? 0
                let next = action == .previousChoice ? (at + all.count - 1) % all.count : (at + 1) % all.count
                let old = dialog.format
                dialog.format = all[next]
                // The name's extension follows when it is the old format's one.
                if let ext = ExportDialog.knownExtension(dialog.name.text), ShortlistExport.Format(fileName: "." + ext) == old {
                    dialog.name.set(String(dialog.name.text.dropLast(ext.count)) + dialog.format.fileExtension)
                }
            case .scope:
                if action != nil { dialog.scope = dialog.scope.toggled }
            case .name:
                // ← → and Space edit the name; the format follows a typed extension (.md, .csv, .txt).
                if dialog.name.handle(key) == .changed, ExportDialog.knownExtension(dialog.name.text) != nil {
                    dialog.format = ShortlistExport.Format(fileName: dialog.name.text)
                }
            }
        }
        return []
    }

    /// Enter: checks the name and the content, then asks for the file to be written (never
    /// over an existing one: the answer `.exists` makes the dialog ask).
    mutating func startExport(_ dialog: inout ExportDialog) -> [Effect] {
        dialog.error = nil
        let name = dialog.name.text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            dialog.error = .emptyName
            dialog.field = .name
            return []
        }
        let count = exportCount(dialog.scope)
        // A dossier without offers still has its profile to send.
        guard count.offers + count.missing > 0 || dialog.scope.isDossier else {
            dialog.error = .nothingToExport
            return []
        }
        let content = exportContent(dialog.scope)
        let contents = dossierReport(dialog.scope, format: dialog.format)
            ?? ShortlistExport.render(content.offers, format: dialog.format, context: content.context)
        let path = exportPath(name)
        dialog.pending = ExportDialog.PendingWrite(path: path, contents: contents)
        return [.writeExport(path: path, contents: contents, overwrite: false)]
    }

    mutating func exportWritten(path: String) -> [Effect] {
        status = StatusMessage(export?.scope.isDossier == true ? .dossierExported(path: path) : .exportWritten(path: path))
        export = nil
        return []
    }

    mutating func exportFailed(_ failure: WriteFailure) -> [Effect] {
        guard var dialog = export else {
            status = StatusMessage(.exportFailed(failure))
            return []
        }
        if failure.cause == .exists && dialog.pending != nil {
            dialog.confirmingOverwrite = true
        } else {
            dialog.pending = nil
            dialog.error = .writeFailed(failure)
            dialog.field = .name
        }
        export = dialog
        return []
    }

    func renderExportDialog(_ dialog: ExportDialog, into grid: inout Grid) {
        let s = strings
        let boxWidth = min(width - 4, 76)
        guard boxWidth >= 20 else { return }
        let innerWidth = boxWidth - 4
        let labels = [s.exportFormat, s.exportScope, s.exportName]
        let folderLabel = dialog.scope.isDossier ? s.exportLocation : s.exportFolder
        let labelWidth = (labels + [folderLabel]).map { CellWidth.of(s.field($0)) }.max()! + 2
        let choiceWidth = innerWidth - labelWidth
        func item(_ text: String, _ on: Bool) -> String { (on ? "(•) " : "( ) ") + text }
        let favouritesCount = exportCount(.favourites)
        let listCount = exportCount(.list)
        var scopeChoices = [(s.scopeFavourites(favouritesCount.offers, missing: favouritesCount.missing), dialog.scope == .favourites),
                            (s.scopeList(listCount.offers, missing: listCount.missing), dialog.scope == .list)]
        if case .dossier(_, let notes) = dialog.scope { scopeChoices = [(s.scopeDossier(true), notes), (s.scopeDossier(false), !notes)] }
        // The two contents side by side when they fit, else one under the other (never hidden).
        let scopeRows: [[(String, Bool)]] = CellWidth.of(item(scopeChoices[0].0, true)) + 2 + CellWidth.of(item(scopeChoices[1].0, true)) <= choiceWidth
            ? [scopeChoices] : [[scopeChoices[0]], [scopeChoices[1]]]

        // The message area: the question about an existing file (its name always whole), a
        // write in progress, or an error.
        var message: [(String, CellStyle)] = []
        if dialog.confirmingOverwrite, let pending = dialog.pending {
            let path = TextCleaning.forDisplay(pending.path)
            let label = s.exportExistsLabel
            if CellWidth.of(label) + 1 + CellWidth.of(path) <= innerWidth {
                message = [(label + " " + path, Palette.error)]
            } else {
                message = [(CellWidth.truncate(label, to: innerWidth), Palette.error), (TextFit.path(path, width: innerWidth), Palette.error)]
            }
        } else if dialog.pending != nil {
            message = [(s.exportWaiting, Palette.muted)]
        } else if let error = dialog.error {
            let text: String
            switch error {
            case .emptyName: text = s.exportEmptyName
            case .nothingToExport: text = s.exportNothing
            case .writeFailed(let failure): text = s.exportFailed(failure)
            }
            message = TextFit.lines(text, width: innerWidth, maxLines: 2).map { ($0, Palette.error) }
        }

        // Border, blank, format, content (1 or 2 rows), file, folder, blank, two message rows,
        // keys (or the question), border.
        let boxHeight = 10 + scopeRows.count
        guard height >= boxHeight + 2 else { return }
        let x = (width - boxWidth) / 2
        let y = max(1, (height - boxHeight) / 2)
        grid.box(row: y, column: x, width: boxWidth, height: boxHeight, title: exportDialogTitle(dialog.scope))
        let innerX = x + 2
        func drawLabel(_ field: ExportDialog.Field, row: Int) {
            let focused = dialog.field == field && !dialog.confirmingOverwrite && dialog.pending == nil
            grid.put(focused ? "›" : " ", row: row, column: innerX - 1, style: Palette.key)
            grid.put(s.field(labels[field.rawValue]), row: row, column: innerX, style: focused ? Palette.selected : Palette.key)
        }
        func drawChoices(_ choices: [(String, Bool)], row: Int) {
            var cx = innerX + labelWidth
            for (text, on) in choices {
                let shown = CellWidth.truncate(item(text, on), to: innerX + innerWidth - cx)
                if shown.isEmpty { break }
                cx += grid.put(shown, row: row, column: cx, style: on ? Palette.checked : Palette.plain)
                cx += 2
            }
        }
        let formatY = y + 2, scopeY = y + 3
        let nameY = scopeY + scopeRows.count, folderY = nameY + 1, messageY = folderY + 2, keysY = messageY + 2
        drawLabel(.format, row: formatY)
        drawChoices(ShortlistExport.Format.allCases.map { (s.formatName($0), $0 == dialog.format) }, row: formatY)
        drawLabel(.scope, row: scopeY)
        for (n, choices) in scopeRows.enumerated() { drawChoices(choices, row: scopeY + n) }
        drawLabel(.name, row: nameY)
        let fieldWidth = max(1, innerWidth - labelWidth)
        let visible = dialog.name.visible(width: fieldWidth)
        grid.put(visible.text, row: nameY, column: innerX + labelWidth, style: CellStyle(underline: true))
        let folder = dialog.name.text.hasPrefix("/") ? "" : TextCleaning.forDisplay(exportDirectory)
        grid.put(s.field(folderLabel), row: folderY, column: innerX, style: Palette.muted)
        grid.put(TextFit.path(folder, width: fieldWidth), row: folderY, column: innerX + labelWidth, style: Palette.muted)

        for (n, line) in message.prefix(2).enumerated() {
            grid.put(line.0, row: messageY + n, column: innerX, style: line.1)
        }
        if dialog.confirmingOverwrite {
            // The question takes the keys' row: only o / n / Esc act now.
            grid.put(CellWidth.truncate(s.exportOverwriteQuestion, to: innerWidth), row: keysY, column: innerX, style: Palette.key)
            grid.cursor = Position(keysY, innerX)
        } else {
            grid.put(TextFit.keys(ScreenKeys.export.hintPairs(language), width: innerWidth), row: keysY, column: innerX, style: Palette.muted)
            switch dialog.field {
            case .format: grid.cursor = Position(formatY, innerX)
            case .scope: grid.cursor = Position(scopeY + (scopeRows.count > 1 && !scopeChoices[0].1 ? 1 : 0), innerX)
            case .name: grid.cursor = Position(nameY, min(width - 1, innerX + labelWidth + visible.caretColumn))
            }
        }
    }
}
