import CatalyseCore

/// The interface texts of what is new and the saved searches, in French and English.
extension Strings {
    private func say(_ fr: String, _ en: String) -> String { Words(fr, en)(language) }

    var newTag: String { say("nouveau", "new") }
    var changedTag: String { say("modifié", "changed") }
    func newsTag(_ kind: News.Mark.Kind) -> String { kind == .new ? newTag : changedTag }
    var newsOnlyPart: String { say("Nouveautés seulement", "New and changed only") }
    func newsCount(_ n: Int) -> String { n == 1 ? say("1 nouveauté", "1 new") : say("\(n) nouveautés", "\(n) new") }
    var newOfferMark: String { say("Nouvelle offre depuis votre dernière visite", "New offer since your last visit") }
    func changedFieldsMark(_ fields: [String]) -> String {
        let names = fields.map(newsFieldName).joined(separator: ", ")
        return say("Modifiée depuis votre dernière visite : ", "Changed since your last visit: ") + names
    }

    /// A field key of `OfferFingerprint.fieldKeys` in words.
    func newsFieldName(_ key: String) -> String {
        switch key {
        case "firm": say("cabinet", "firm")
        case "title": say("titre", "title")
        case "summary": say("résumé", "summary")
        case "description": say("description", "description")
        case "format": say("format", "format")
        case "purpose": say("finalité", "purpose")
        case "kinds": say("type d'appui", "kind of support")
        case "themes": say("thèmes", "themes")
        case "territories": say("territoires", "territories")
        case "mode": say("modalité", "mode")
        case "audience": say("public", "audience")
        case "duration": say("durée", "duration")
        case "capacity": say("places", "places")
        case "eligibility.stages": say("stades", "stages")
        case "eligibility.budgets": say("budgets", "budgets")
        case "eligibility.employer": say("employeur", "employer")
        case "cost": say("coût", "cost")
        case "apply": say("candidater", "how to apply")
        default: key
        }
    }

    func newsNotice(_ notice: NewsNotice) -> String {
        switch notice {
        case .unavailable(let error):
            say("Nouveautés non suivies : ", "What is new is not tracked: ") + error.message(language)
        case .alerts(let alerts):
            alerts.prefix(3).map { $0.text(language) }.joined(separator: " · ") + (alerts.count > 3 ? " …" : "")
                + say(" · R : voir", " · R: see")
        case .allSeen(let n): n == 1 ? say("1 nouveauté marquée comme vue", "1 new offer marked as seen")
                                     : say("\(n) nouveautés marquées comme vues", "\(n) new offers marked as seen")
        case .nothingNew: say("Rien de nouveau depuis votre dernière visite", "Nothing new since your last visit")
        case .searchSaved(let name, let replaced):
            say("Recherche « \(TextCleaning.forDisplay(name)) » " + (replaced ? "remplacée" : "enregistrée"),
                "Search “\(TextCleaning.forDisplay(name))” " + (replaced ? "replaced" : "saved"))
        case .searchRemoved(let name): say("Recherche « \(TextCleaning.forDisplay(name)) » supprimée", "Search “\(TextCleaning.forDisplay(name))” removed")
        case .failed(let error): error.message(language)
        }
    }

    // MARK: Saved searches

    var saveSearchTitle: String { say("Enregistrer la recherche", "Save the search") }
    var saveSearchLabel: String { say("Nom : ", "Name: ") }
    var saveSearchEmpty: String { say("Donnez un nom à la recherche.", "Give the search a name.") }
    var savedSearchesTitle: String { say("Recherches enregistrées", "Saved searches") }
    var noSavedSearch: String { say("Aucune recherche enregistrée : S enregistre les filtres et la recherche en cours.",
                                    "No saved search: S saves the current filters and search.") }
    func newOffers(_ n: Int) -> String { n == 1 ? say("1 nouvelle", "1 new") : say("\(n) nouvelles", "\(n) new") }
}
