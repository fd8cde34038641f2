import CatalyseCore

/// The export dialog (`e`): a format (text, Markdown, CSV), the CSV separator (`;` or `,`, by
/// default `;` in French and `,` in English, for the spreadsheets of each), what to export (the
/// favourites, the default when there are any, or the current list), a file name (default
/// `catalyse-selection-YYYY-MM-DD.txt`, focused at open) and the folder it goes in (the folder
/// `catalyse` started from), both editable. `~` and `~/…` are the home folder; a name that
/// holds a folder (`~/x.md`, `/tmp/x.md`, `sub/x.md`) is split into the two lines when the
/// focus leaves it. It never overwrites a file without asking.
struct ExportDialog: Sendable, Equatable {
    enum Field: Int, CaseIterable { case format, separator, scope, name, folder }
    enum Scope: Sendable, Equatable {
        case favourites, list
        /// A dossier's report (`DossierReport`), with or without its notes.
        case dossier(id: Int64, notes: Bool)
        /// The pathway shown (`PathwayReport`), as text or Markdown.
        case pathway

        var isDossier: Bool { if case .dossier = self { true } else { false } }

        /// The other choice of the content row.
        var toggled: Scope {
            switch self {
            case .favourites: .list
            case .list: .favourites
            case .dossier(let id, let notes): .dossier(id: id, notes: !notes)
            case .pathway: .pathway
            }
        }
    }

    /// The CSV separators offered, in the order shown.
    static let separators: [Character] = [";", ","]

    /// The separator a language's spreadsheets expect: `;` where the decimal mark is a comma.
    static func defaultSeparator(_ language: Language) -> Character { language == .fr ? ";" : "," }

    var field: Field = .name
    var format: ShortlistExport.Format = .text
    var separator: Character = ";"
    var scope: Scope
    var name: TextField
    var folder: TextField = TextField()
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

    /// The fields ↑ ↓ go through: the separator only for CSV.
    var fields: [Field] { Field.allCases.filter { ($0 != .separator || format == .csv) && ($0 != .scope || scope != .pathway) } }

    /// The formats offered: a pathway is text or Markdown.
    var formats: [ShortlistExport.Format] { scope == .pathway ? [.text, .markdown] : ShortlistExport.Format.allCases }

    /// The next (or previous) field, staying at the ends.
    func neighbour(of field: Field, forward: Bool) -> Field {
        let list = fields
        guard let at = list.firstIndex(of: field) else { return forward ? .scope : .format }
        return list[max(0, min(list.count - 1, at + (forward ? 1 : -1)))]
    }

    /// A name that holds a folder goes into the two lines: `~/docs/a.md` becomes `a.md` in
    /// `~/docs`; `sub/a.md`, `a.md` in the folder's `sub`.
    mutating func splitName() {
        guard let parts = ExportPath.split(name.text) else { return }
        let typed = name.text.trimmingCharacters(in: .whitespaces)
        folder.set(ExportPath.isRooted(typed) ? parts.folder : ExportPath.join(folder.text.trimmingCharacters(in: .whitespaces), parts.folder))
        name.set(parts.file)
    }

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
        export = newExportDialog(scope: favourites.isEmpty ? .list : .favourites, name: format.defaultFileName(today))
    }

    /// A dialog on a scope and a default name: the file name focused, the folder `catalyse`
    /// started from, the separator of the language.
    func newExportDialog(scope: ExportDialog.Scope, name: String) -> ExportDialog {
        ExportDialog(separator: ExportDialog.defaultSeparator(language), scope: scope, name: TextField(name),
                     folder: TextField(exportDirectory))
    }

    /// The path the dialog's two lines mean (`ExportPath.resolve`).
    func exportPath(_ dialog: ExportDialog) -> String {
        ExportPath.resolve(name: dialog.name.text, folder: dialog.folder.text, base: exportDirectory, home: homeDirectory)
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
        case .dossier, .pathway:
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
        case .pathway: (assessment.pathway?.pathway.steps.count ?? 0, 0)
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
        let before = dialog
        switch action {
        case .cancel:
            export = nil
            return []
        case .export:
            return startExport(&dialog)
        case .previousField, .nextField:
            if dialog.field == .name { dialog.splitName() }
            dialog.field = dialog.neighbour(of: dialog.field, forward: action == .nextField)
        case .previousChoice, .nextChoice, nil:
            switch dialog.field {
            case .format:
                guard let action else { return [] }
                let all = dialog.formats
                let at = all.firstIndex(of: dialog.format) ?? 0
                let next = action == .previousChoice ? (at + all.count - 1) % all.count : (at + 1) % all.count
                let old = dialog.format
                dialog.format = all[next]
                // The name's extension follows when it is the old format's one.
                if let ext = ExportDialog.knownExtension(dialog.name.text), ShortlistExport.Format(fileName: "." + ext) == old {
                    dialog.name.set(String(dialog.name.text.dropLast(ext.count)) + dialog.format.fileExtension)
                }
            case .separator:
                guard action != nil else { return [] }
                let all = ExportDialog.separators
                let at = all.firstIndex(of: dialog.separator) ?? 0
                dialog.separator = all[(at + 1) % all.count]
            case .scope:
                if action != nil { dialog.scope = dialog.scope.toggled }
            case .name:
                // ← → and Space edit the name; the format follows a typed extension (.md, .csv, .txt).
                if dialog.name.handle(key) == .changed, ExportDialog.knownExtension(dialog.name.text) != nil,
                   dialog.formats.contains(ShortlistExport.Format(fileName: dialog.name.text)) {
                    dialog.format = ShortlistExport.Format(fileName: dialog.name.text)
                }
            case .folder:
                _ = dialog.folder.handle(key)
            }
        }
        // Whatever the user changes, the last problem no longer applies: it goes.
        if dialog.name != before.name || dialog.folder != before.folder || dialog.format != before.format
            || dialog.scope != before.scope || dialog.separator != before.separator {
            dialog.error = nil
        }
        return []
    }

    /// Enter: checks the name and the content, then asks for the file to be written (never
    /// over an existing one: the answer `.exists` makes the dialog ask).
    mutating func startExport(_ dialog: inout ExportDialog) -> [Effect] {
        dialog.error = nil
        // The lines show where the file goes: a typed folder moves to « Dossier ».
        dialog.splitName()
        let name = dialog.name.text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            dialog.error = .emptyName
            dialog.field = .name
            return []
        }
        let count = exportCount(dialog.scope)
        // A dossier without offers still has its profile to send.
        guard count.offers + count.missing > 0 || dialog.scope.isDossier || dialog.scope == .pathway else {
            dialog.error = .nothingToExport
            return []
        }
        let content = exportContent(dialog.scope)
        let contents = pathwayReport(dialog.scope, format: dialog.format)
            ?? dossierReport(dialog.scope, format: dialog.format, separator: dialog.separator)
            ?? ShortlistExport.render(content.offers, format: dialog.format, context: content.context, separator: dialog.separator)
        let path = exportPath(dialog)
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
            dialog.field = failure.cause.isMissingFolder ? .folder : .name
        }
        export = dialog
        return []
    }
}

extension WriteFailure.Cause {
    var isMissingFolder: Bool { if case .missingFolder = self { true } else { false } }
}
