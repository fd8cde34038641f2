import CatalyseCore

extension ExportDialog {
    /// What the « Dossier » line shows: the folder, or, while a name holding a folder is being
    /// typed, the folder it will go into (as the split will write it).
    var shownFolder: String {
        var d = self
        d.splitName()
        return d.folder.text
    }
}

/// The export dialog drawn over the screen: border, a blank row, format, CSV separator, content
/// (one or two rows), file, folder, a blank row, two message rows, the keys (or the question
/// about an existing file), border.
extension AppState {
    func renderExportDialog(_ dialog: ExportDialog, into grid: inout Grid) {
        let s = strings
        let boxWidth = min(width - 4, 76)
        guard boxWidth >= 20 else { return }
        let innerWidth = boxWidth - 4
        let folderLabel = dialog.scope.isDossier ? s.exportLocation : s.exportFolder
        let labels: [ExportDialog.Field: String] = [.format: s.exportFormat, .separator: s.exportSeparator, .scope: s.exportScope,
                                                    .name: s.exportName, .folder: folderLabel]
        let labelWidth = labels.values.map { CellWidth.of(s.field($0)) }.max()! + 2
        let choiceWidth = innerWidth - labelWidth
        func item(_ text: String, _ on: Bool) -> String { (on ? "(•) " : "( ) ") + text }
        let favouritesCount = exportCount(.favourites)
        let listCount = exportCount(.list)
        var scopeChoices = [(s.scopeFavourites(favouritesCount.offers, missing: favouritesCount.missing), dialog.scope == .favourites),
                            (s.scopeList(listCount.offers, missing: listCount.missing), dialog.scope == .list)]
        if case .dossier(_, let notes) = dialog.scope { scopeChoices = [(s.scopeDossier(true), notes), (s.scopeDossier(false), !notes)] }
        if dialog.scope == .pathway { scopeChoices = [(s.scopePathway(exportCount(.pathway).offers), true)] }
        // The two contents side by side when they fit, else one under the other (never hidden).
        let scopeRows: [[(String, Bool)]] = scopeChoices.count < 2 || CellWidth.of(item(scopeChoices[0].0, true)) + 2 + CellWidth.of(item(scopeChoices[1].0, true)) <= choiceWidth
            ? [scopeChoices] : [[scopeChoices[0]], [scopeChoices[1]]]

        let message = exportMessage(dialog, width: innerWidth)
        let boxHeight = 11 + scopeRows.count
        guard height >= boxHeight + 2 else { return }
        let x = (width - boxWidth) / 2
        let y = max(1, (height - boxHeight) / 2)
        grid.box(row: y, column: x, width: boxWidth, height: boxHeight, title: exportDialogTitle(dialog.scope))
        let innerX = x + 2
        let asking = dialog.confirmingOverwrite || dialog.pending != nil
        func drawLabel(_ field: ExportDialog.Field, row: Int, muted: Bool = false) {
            let focused = dialog.field == field && !asking
            grid.put(focused ? "›" : " ", row: row, column: innerX - 1, style: Palette.key)
            grid.put(s.field(labels[field]!), row: row, column: innerX, style: focused ? Palette.selected : muted ? Palette.muted : Palette.key)
        }
        func drawChoices(_ choices: [(String, Bool)], row: Int, muted: Bool = false) {
            var cx = innerX + labelWidth
            for (text, on) in choices {
                let shown = CellWidth.truncate(item(text, on), to: innerX + innerWidth - cx)
                if shown.isEmpty { break }
                cx += grid.put(shown, row: row, column: cx, style: muted ? Palette.muted : on ? Palette.checked : Palette.plain)
                cx += 2
            }
        }
        let formatY = y + 2, separatorY = y + 3, scopeY = y + 4
        let nameY = scopeY + scopeRows.count, folderY = nameY + 1, messageY = folderY + 2, keysY = messageY + 2
        drawLabel(.format, row: formatY)
        drawChoices(dialog.formats.map { (s.formatName($0), $0 == dialog.format) }, row: formatY)
        // The separator only matters for CSV: muted (and skipped by ↑ ↓) for the other formats.
        let csv = dialog.format == .csv
        drawLabel(.separator, row: separatorY, muted: !csv)
        drawChoices(ExportDialog.separators.map { (s.separatorName($0), $0 == dialog.separator) }, row: separatorY, muted: !csv)
        drawLabel(.scope, row: scopeY)
        for (n, choices) in scopeRows.enumerated() { drawChoices(choices, row: scopeY + n) }
        let fieldWidth = max(1, innerWidth - labelWidth)
        drawLabel(.name, row: nameY)
        let name = dialog.name.visible(width: fieldWidth)
        grid.put(name.text, row: nameY, column: innerX + labelWidth, style: CellStyle(underline: true))
        drawLabel(.folder, row: folderY)
        let folderCaret: Int
        if dialog.field == .folder && !asking {
            let visible = dialog.folder.visible(width: fieldWidth)
            grid.put(TextCleaning.forDisplay(visible.text), row: folderY, column: innerX + labelWidth, style: CellStyle(underline: true))
            folderCaret = visible.caretColumn
        } else {
            let folder = TextCleaning.forDisplay(dialog.shownFolder)
            grid.put(TextFit.path(folder, width: fieldWidth), row: folderY, column: innerX + labelWidth, style: CellStyle(underline: true))
            folderCaret = 0
        }

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
            case .separator: grid.cursor = Position(separatorY, innerX)
            case .scope: grid.cursor = Position(scopeY + (scopeRows.count > 1 && !scopeChoices[0].1 ? 1 : 0), innerX)
            case .name: grid.cursor = Position(nameY, min(width - 1, innerX + labelWidth + name.caretColumn))
            case .folder: grid.cursor = Position(folderY, min(width - 1, innerX + labelWidth + folderCaret))
            }
        }
    }

    /// The message area: the question about an existing file (its name always whole), a write
    /// in progress, or an error.
    func exportMessage(_ dialog: ExportDialog, width innerWidth: Int) -> [(String, CellStyle)] {
        let s = strings
        if dialog.confirmingOverwrite, let pending = dialog.pending {
            let path = TextCleaning.forDisplay(pending.path)
            let label = s.exportExistsLabel
            if CellWidth.of(label) + 1 + CellWidth.of(path) <= innerWidth {
                return [(label + " " + path, Palette.error)]
            }
            return [(CellWidth.truncate(label, to: innerWidth), Palette.error), (TextFit.path(path, width: innerWidth), Palette.error)]
        }
        if dialog.pending != nil { return [(s.exportWaiting, Palette.muted)] }
        guard let error = dialog.error else { return [] }
        let text: String
        switch error {
        case .emptyName: text = s.exportEmptyName
        case .nothingToExport: text = s.exportNothing
        case .writeFailed(let failure):
            text = s.exportFailed(failure)
            // A long folder is shortened in its middle so that the sentence ends in view.
            if case .missingFolder(let folder) = failure.cause, TextWrap.lines(text, first: innerWidth, rest: innerWidth).count > 2 {
                // The folder, a word that does not wrap, goes on the second line with the end of
                // the sentence: it gets what that end leaves.
                let shown = TextCleaning.forDisplay(folder)
                let end = text.range(of: shown, options: .backwards).map { String(text[$0.upperBound...]) } ?? ""
                let room = max(16, innerWidth - CellWidth.of(end))
                let short = WriteFailure(path: failure.path, cause: .missingFolder(TextFit.path(shown, width: room)))
                return TextFit.lines(s.exportFailed(short), width: innerWidth, maxLines: 2).map { ($0, Palette.error) }
            }
        }
        return TextFit.lines(text, width: innerWidth, maxLines: 2).map { ($0, Palette.error) }
    }
}
