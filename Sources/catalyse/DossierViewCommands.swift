import ArgumentParser
import CatalyseCore
import Foundation

struct DossierList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: loc("Lister les dossiers avec leurs offres par statut et le nombre à relancer.", "List the dossiers with their offers per status and the number to follow up."),
        discussion: loc("Hors d'un terminal, un dossier par ligne, séparé par des tabulations : nom, territoire, offres, puis le nombre de chaque statut (a-etudier, contacte, en-discussion, retenu, ecarte), à relancer, archivé (yes/no).", "Piped, one dossier per line, tab-separated: name, territory, offers, then the count of each status (a-etudier, contacte, en-discussion, retenu, ecarte), to follow up, archived (yes/no)."))
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: .loc("Inclure les dossiers archivés.", "Include the archived dossiers.")) var all = false
    @Flag(name: .long, help: .loc("Imprimer du JSON.", "Print JSON.")) var json = false

    struct Entry: Encodable {
        var name: String, territory: String?, archived: Bool, offers: Int, statuses: [String: Int], followUp: Int
        enum CodingKeys: String, CodingKey { case name, territory, archived, offers, statuses, followUp = "follow_up" }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(territory, forKey: .territory); try c.encode(archived, forKey: .archived)
            try c.encode(offers, forKey: .offers); try c.encode(statuses, forKey: .statuses); try c.encode(followUp, forKey: .followUp)
        }
    }

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let (dossiers, delay) = try c.run { () throws(DossierError) in (try store.dossiers(includeArchived: all), try store.followUpDelay()) }
        let now = c.now
        if json {
            let entries = dossiers.map { d in
                Entry(name: d.name, territory: d.profile.territory?.code, archived: d.archived, offers: d.offers.count,
                      statuses: Dictionary(uniqueKeysWithValues: OfferStatus.allCases.map { ($0.code, d.statusCounts[$0] ?? 0) }),
                      followUp: d.followUps(now: now, delay: delay).count)
            }
            try Output.json(c.language) { () throws(JSONOutput.EncodingError) in try JSONOutput.encode(entries) }
            return
        }
        let l = c.language, fr = l == .fr
        if Output.stdoutIsTerminal {
            if dossiers.isEmpty {
                Output.out(fr ? "Aucun dossier. « catalyse dossier new NOM » en ouvre un.\n" : "No dossier. “catalyse dossier new NAME” opens one.\n")
                return
            }
            let header = fr ? ["DOSSIER", "TERRITOIRE", "OFFRES", "À RELANCER"] : ["DOSSIER", "TERRITORY", "OFFERS", "FOLLOW UP"]
            let rows = dossiers.map { d -> [String] in
                let counts = OfferStatus.allCases.compactMap { s in d.statusCounts[s].map { "\($0) \(s.label(l))" } }.joined(separator: ", ")
                let name = TextCleaning.forDisplay(d.name) + (d.archived ? (fr ? " (archivé)" : " (archived)") : "")
                return [name, d.profile.territory?.displayName(l) ?? "", counts.isEmpty ? "0" : counts, String(d.followUps(now: now, delay: delay).count)]
            }
            Output.out(Output.table(header, rows, width: Output.terminalWidth, shrink: [0, 1, 2]))
            return
        }
        var out = ""
        for d in dossiers {
            let counts = OfferStatus.allCases.map { String(d.statusCounts[$0] ?? 0) }
            let fields = [Output.tsvField(d.name), d.profile.territory?.code ?? "", String(d.offers.count)] + counts
                + [String(d.followUps(now: now, delay: delay).count), d.archived ? "yes" : "no"]
            out += fields.joined(separator: "\t") + "\n"
        }
        Output.out(out)
    }
}

struct DossierShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: loc("Afficher un dossier : son profil, ses offres par statut, ses notes et ses relances.", "Show a dossier: its profile, its offers by status, notes and follow-ups."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String
    @Flag(name: .long, help: .loc("Imprimer le dossier en JSON (le format que lit `dossier import`).", "Print the dossier as JSON (the format `dossier import` reads).")) var json = false
    @Flag(name: .long, help: .loc("Imprimer aussi son historique.", "Also print its history.")) var history = false

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let d = try c.dossier(dossier, in: store)
        if json {
            try Output.json(c.language) { () throws(JSONOutput.EncodingError) in try DossierTransfer.encode(d) }
            return
        }
        let delay = try c.run { () throws(DossierError) in try store.followUpDelay() }
        let context = DossierReport.Context(catalogue: try c.catalogue(), language: c.language, date: Day.printed(environment: global.environment),
                                            now: c.now, followUpDelay: delay)
        var text = DossierReport.text(d, context)
        if history { text += "\n" + DossierShow.history(d, c.language) }
        Output.out(text)
    }

    /// The history, one event a line.
    static func history(_ d: Dossier, _ l: Language) -> String {
        let fr = l == .fr
        var out = [fr ? "Historique" : "History"]
        for e in d.history {
            let what: String
            switch e.kind {
            case .created: what = fr ? "dossier ouvert" : "dossier opened"
            case .added(let id): what = (fr ? "ajout de " : "added ") + id
            case let .status(id, from, to):
                what = "\(id) : " + (from.map { "\($0.label(l)) → " } ?? "") + to.label(l)
            case let .note(id, text): what = (fr ? "note sur \(id) : " : "note on \(id): ") + text
            case let .renamed(from, to): what = fr ? "renommé « \(from) » → « \(to) »" : "renamed “\(from)” → “\(to)”"
            case .archived: what = fr ? "archivé" : "archived"
            case .unarchived: what = fr ? "désarchivé" : "unarchived"
            case .imported(let file): what = (fr ? "importé de " : "imported from ") + file
            case .profileChanged: what = fr ? "profil modifié" : "profile changed"
            }
            out.append("  \(e.at.local)  " + TextCleaning.forDisplay(what.replacingOccurrences(of: "\n", with: " ")))
        }
        return out.joined(separator: "\n").replacingOccurrences(of: " : ", with: fr ? " : " : ": ") + "\n"
    }
}

struct DossierFollowUp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up", abstract: loc("Lister toutes les offres à relancer, dans tous les dossiers (les plus anciennes d'abord).", "List every offer to follow up, in every dossier (oldest first)."),
        discussion: loc("Une offre est à relancer quand elle est « contacté » ou « en discussion » depuis le délai ou plus longtemps. Hors d'un terminal : dossier, identifiant de l'offre, statut, depuis (AAAA-MM-JJ), jours, séparés par des tabulations.", "An offer is to follow up when it has been “contacted” or “in discussion” for the delay or longer. Piped: dossier, offer id, status, since (YYYY-MM-DD), days, tab-separated."))
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: .loc("Imprimer du JSON.", "Print JSON.")) var json = false
    @Option(name: .customLong("set-days"), help: .loc("Régler le délai de relance, en jours (gardé dans la base).", "Set the follow-up delay, in days (kept in the database).", value: ("jours", "days")))
    var setDays: Int?

    func validate() throws {
        if let setDays, !(1...365).contains(setDays) { throw Output.usage(fr: "--set-days prend un nombre de jours de 1 à 365.", en: "--set-days takes a number of days from 1 to 365.") }
    }

    struct Entry: Encodable {
        var dossier: String, offer: String, title: String?, status: String, since: String, days: Int
    }

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        if let setDays {
            try c.run { () throws(DossierError) in try store.setFollowUpDelay(setDays) }
            c.done("Délai de relance : \(setDays) jour\(setDays > 1 ? "s" : "").", "Follow-up delay: \(setDays) day\(setDays == 1 ? "" : "s").")
            return
        }
        let now = c.now
        let items = try c.run { () throws(DossierError) in try store.followUps(now: now, delay: try store.followUpDelay()) }
        let catalogue = try c.catalogue()
        if json {
            let entries = items.map { Entry(dossier: $0.dossier.name, offer: $0.offer.offerID, title: catalogue.offer(id: $0.offer.offerID)?.title,
                                            status: $0.offer.status.code, since: $0.offer.statusSince.day.description,
                                            days: $0.offer.statusSince.days(until: now)) }
            try Output.json(c.language) { () throws(JSONOutput.EncodingError) in try JSONOutput.encode(entries) }
            return
        }
        let l = c.language, fr = l == .fr
        if Output.stdoutIsTerminal {
            if items.isEmpty { Output.out(fr ? "Rien à relancer.\n" : "Nothing to follow up.\n"); return }
            let header = fr ? ["DOSSIER", "OFFRE", "STATUT", "DEPUIS"] : ["DOSSIER", "OFFER", "STATUS", "SINCE"]
            let rows = items.map { item -> [String] in
                let days = item.offer.statusSince.days(until: now)
                return [TextCleaning.forDisplay(item.dossier.name), catalogue.offer(id: item.offer.offerID)?.title ?? item.offer.offerID,
                        item.offer.status.label(l), fr ? "\(days) jours" : "\(days) days"]
            }
            Output.out(Output.table(header, rows, width: Output.terminalWidth, shrink: [0, 1]))
            return
        }
        Output.out(items.map { item in
            [Output.tsvField(item.dossier.name), item.offer.offerID, item.offer.status.code, item.offer.statusSince.day.description,
             String(item.offer.statusSince.days(until: now))].joined(separator: "\t") + "\n"
        }.joined())
    }
}
