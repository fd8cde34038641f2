import ArgumentParser
import CatalyseCore

/// The profile options of `dossier new`.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: .loc("Où est l'association : un département (59, 2A), R + code de région (R32), national, un code postal ou un nom.", "Where the association is: a département (59, 2A), R + région code (R32), national, a postal code or a name.", value: ("lieu", "place")))
    var territory: String?
    @Option(name: .long, help: .loc("Son stade : \(Facet.stage.coded!.codeList) (ou le libellé).", "Its stage: \(Facet.stage.coded!.codeList) (or the label).", value: ("stade", "stage")))
    var stage: String?
    @Option(name: .long, help: .loc("Sa tranche de budget annuel : \(Facet.budget.coded!.codeList).", "Its yearly budget band: \(Facet.budget.coded!.codeList).", value: ("tranche", "band")))
    var budget: String?
    @Option(name: .long, help: .loc("Employeuse ou bénévole : \(Facet.employer.coded!.codeList).", "Employer or volunteer-run: \(Facet.employer.coded!.codeList).", value: ("statut", "status")))
    var employer: String?
    @Option(name: .long, help: .loc("Un type d'accompagnement dont elle a besoin : \(Facet.kind.coded!.codeList) (ou le libellé). À répéter pour plusieurs.", "A support kind it needs: \(Facet.kind.coded!.codeList) (or the label). Repeat for several.", value: ("type", "kind")))
    var need: [String] = []
    @Option(name: .long, help: .loc("Ses besoins, dans ses propres mots.", "Its needs in its own words.", value: ("texte", "text")))
    var description: String?
    @Option(name: .customLong("contact-name"), help: .loc("La personne à qui écrire.", "The person to write to.", value: ("nom", "name")))
    var contactName: String?
    @Option(name: .customLong("contact-email"), help: .loc("Son adresse électronique.", "Their e-mail address.", value: ("adresse", "address")))
    var contactEmail: String?
    @Option(name: .long, help: .loc("Une note pour vous-même.", "A note for yourself.", value: ("texte", "text")))
    var note: String?

    func validate() throws { _ = try profile(name: "x") }

    func profile(name: String) throws -> DossierProfile {
        if let contactEmail, !EmailAddress.isValid(contactEmail) {
            throw Output.usage(fr: "« \(TextCleaning.forDisplay(contactEmail)) » n'est pas une adresse électronique.", en: "'\(TextCleaning.forDisplay(contactEmail))' is not an e-mail address.")
        }
        return DossierProfile(
            name: name, territory: try territory.map(Place.typed), stage: try stage.map { try Stage.typed($0, option: "stage") },
            budget: try budget.map { try BudgetBand.typed($0, option: "budget") },
            employer: try employer.map { try EmployerStatus.typed($0, option: "employer") },
            needs: try need.map { try SupportKind.typed($0, option: "need") }, description: description,
            contactName: contactName, contactEmail: contactEmail, note: note)
    }
}

struct DossierNew: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: loc("Ouvrir un dossier pour une association.", "Open a dossier for an association."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le nom de l'association (unique, accents et casse ignorés).", "The association's name (unique, accents and case ignored).", value: ("nom", "name"))) var name: String
    @OptionGroup var profile: ProfileOptions

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let p = try profile.profile(name: name)
        let d = try c.run { () throws(DossierError) in try store.create(p, now: c.now) }
        c.done("Dossier « \(TextCleaning.forDisplay(d.name)) » créé.", "Dossier “\(TextCleaning.forDisplay(d.name))” created.")
    }
}

struct DossierAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: loc("Ajouter des offres à un dossier (« à étudier »).", "Add offers to a dossier (status “to review”)."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String
    @Argument(help: .loc("Identifiants d'offres (première colonne de `catalyse list`).", "Offer ids (first column of `catalyse list`).", value: ("ids-offres", "ids"))) var ids: [String]

    func validate() throws { if ids.isEmpty { throw Output.usage(fr: "donnez au moins un identifiant d'offre.", en: "give at least one offer id.") } }

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let d = try c.dossier(dossier, in: store)
        let ids = try c.knownOffers(ids, try c.catalogue(), verb: Label(fr: "ajouté", en: "added"))
        let already = try c.run { () throws(DossierError) in try store.add(ids, to: d, now: c.now) }
        let added = ids.count - already.count
        let name = TextCleaning.forDisplay(d.name)
        c.done("\(added) offre\(added > 1 ? "s" : "") ajoutée\(added > 1 ? "s" : "") au dossier « \(name) »"
               + (already.isEmpty ? "." : " ; déjà présente\(already.count > 1 ? "s" : "") : \(already.joined(separator: ", ")).") ,
               "\(added) offer\(added == 1 ? "" : "s") added to the dossier “\(name)”"
               + (already.isEmpty ? "." : "; already there: \(already.joined(separator: ", "))."))
    }
}

struct DossierStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: loc("Changer le statut d'une offre d'un dossier.", "Set the status of an offer of a dossier."),
        discussion: loc("Statuts : a-etudier, contacte, en-discussion, retenu, ecarte ; leurs libellés (« en discussion », « retenu »…, en français ou en anglais) ou un début unique conviennent aussi.", "Statuses: a-etudier, contacte, en-discussion, retenu, ecarte; their labels (“in discussion”, “agreed”…, French or English) or a unique beginning work too."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String
    @Argument(help: .loc("L'identifiant de l'offre.", "The offer id.", value: ("id-offre", "id"))) var id: String
    @Argument(help: .loc("Le nouveau statut.", "The new status.", value: ("statut", "status"))) var status: String

    func validate() throws { _ = try parsed() }

    func parsed() throws -> OfferStatus {
        switch OfferStatus.resolve(status) {
        case .found(let s): return s
        case .ambiguous(let all): throw Output.usage(fr: "« \(TextCleaning.forDisplay(status)) » convient à plusieurs statuts : \(all.map(\.code).joined(separator: ", ")).", en: "'\(TextCleaning.forDisplay(status))' fits several statuses: \(all.map(\.code).joined(separator: ", ")).")
        case .unknown: throw Output.usage(fr: "statut inconnu « \(TextCleaning.forDisplay(status)) » ; statuts possibles : \(OfferStatus.allCases.map(\.code).joined(separator: ", ")).", en: "unknown status '\(TextCleaning.forDisplay(status))'; accepted statuses: \(OfferStatus.allCases.map(\.code).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let d = try c.dossier(dossier, in: store)
        let s = try parsed()
        try c.run { () throws(DossierError) in try store.setStatus(s, of: id, in: d, now: c.now) }
        c.done("\(TextCleaning.forDisplay(id)) : \(s.label(.fr)).", "\(TextCleaning.forDisplay(id)): \(s.label(.en)).")
    }
}

struct DossierNote: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: loc("Ajouter une note datée à une offre d'un dossier.", "Add a dated note to an offer of a dossier."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String
    @Argument(help: .loc("L'identifiant de l'offre.", "The offer id.", value: ("id-offre", "id"))) var id: String
    @Argument(help: .loc("La note.", "The note.", value: ("texte", "text"))) var text: String

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let d = try c.dossier(dossier, in: store)
        try c.run { () throws(DossierError) in try store.addNote(text, to: id, in: d, now: c.now) }
        c.done("Note ajoutée à \(TextCleaning.forDisplay(id)).", "Note added to \(TextCleaning.forDisplay(id)).")
    }
}

struct DossierRename: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: loc("Renommer un dossier.", "Rename a dossier."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String
    @Argument(help: .loc("Son nouveau nom.", "Its new name.", value: ("nouveau-nom", "new-name"))) var newName: String

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let d = try c.dossier(dossier, in: store)
        try c.run { () throws(DossierError) in try store.rename(d, to: newName, now: c.now) }
        c.done("Dossier renommé.", "Dossier renamed.")
    }
}

struct DossierArchive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: loc("Archiver un dossier (masqué de `dossier list` sans --all ; rien n'est supprimé).", "Archive a dossier (hidden from `dossier list` without --all; nothing is deleted)."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String

    func run() throws { try DossierArchive.set(true, dossier, global) }

    static func set(_ archived: Bool, _ name: String, _ global: GlobalOptions) throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let d = try c.dossier(name, in: store)
        try c.run { () throws(DossierError) in try store.setArchived(archived, d, now: c.now) }
        let shown = TextCleaning.forDisplay(d.name)
        c.done(archived ? "Dossier « \(shown) » archivé." : "Dossier « \(shown) » désarchivé.",
               archived ? "Dossier “\(shown)” archived." : "Dossier “\(shown)” unarchived.")
    }
}

struct DossierUnarchive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unarchive", abstract: loc("Sortir un dossier des archives.", "Bring an archived dossier back."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String

    func run() throws { try DossierArchive.set(false, dossier, global) }
}

struct DossierRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: loc("Supprimer un dossier, ses offres, ses notes et son historique (demande --force).", "Delete a dossier, its offers, notes and history (asks for --force)."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String
    @Flag(name: .long, help: .loc("Le supprimer vraiment.", "Really delete it.")) var force = false

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let d = try c.dossier(dossier, in: store)
        let shown = TextCleaning.forDisplay(d.name)
        guard force else {
            let n = d.offers.count
            c.done("catalyse : supprimer le dossier « \(shown) » efface \(n == 0 ? "son historique" : "ses \(n) offre\(n > 1 ? "s" : ""), ses notes et son historique") ; ajoutez --force pour le faire (ou archivez-le : « catalyse dossier archive »).",
                   "catalyse: deleting the dossier “\(shown)” erases \(n == 0 ? "its history" : "its \(n) offer\(n == 1 ? "" : "s"), notes and history"); add --force to do it (or archive it: “catalyse dossier archive”).")
            throw ExitCode(ExitStatus.usage)
        }
        try c.run { () throws(DossierError) in try store.remove(d) }
        c.done("Dossier « \(shown) » supprimé.", "Dossier “\(shown)” deleted.")
    }
}
