import CatalyseCore

/// `e` in a dossier: the shortlist's export dialog and rules (a format, a file name that is
/// never replaced without asking), with the dossier's report (`DossierReport`) as its content,
/// with or without the notes.
extension AppState {
    mutating func openDossierExport() {
        guard let d = openDossier else { return }
        let format = ShortlistExport.Format.text
        export = newExportDialog(scope: .dossier(id: d.id, notes: true), name: AppState.dossierFileName(d.name, today, format))
    }

    /// `catalyse-dossier-les-jardins-partages-2026-11-26.txt`: the name folded to letters,
    /// digits and hyphens (at most 40 of them).
    static func dossierFileName(_ name: String, _ day: Day, _ format: ShortlistExport.Format) -> String {
        var slug = ""
        for ch in TextFolding.fold(name) {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                slug.append(ch)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        slug = String(slug.prefix(40))
        while slug.hasSuffix("-") { slug.removeLast() }
        return "catalyse-dossier-" + (slug.isEmpty ? "" : slug + "-") + "\(day).\(format.fileExtension)"
    }

    /// The report of a dossier scope in a format (nil for the other scopes). Follow-ups are
    /// computed at the moment of the store's last answer, as the screen shows them.
    func dossierReport(_ scope: ExportDialog.Scope, format: ShortlistExport.Format, separator: Character = ",") -> String? {
        guard case .dossier(let id, let notes) = scope, let d = dossier(id: id), let snapshot = dossiers.snapshot else { return nil }
        let context = DossierReport.Context(catalogue: catalogue, language: language, date: today, now: snapshot.now,
                                            followUpDelay: snapshot.followUpDelay, notes: notes)
        switch format {
        case .text: return DossierReport.text(d, context)
        case .markdown: return DossierReport.markdown(d, context)
        case .csv: return DossierReport.csv(d, context, separator: separator)
        }
    }

    func exportDialogTitle(_ scope: ExportDialog.Scope) -> String {
        scope == .pathway ? strings.exportPathwayTitle : (scope.isDossier ? strings.exportDossierTitle : strings.exportTitle)
    }
}
