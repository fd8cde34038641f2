import ArgumentParser
import CatalyseCore
import Foundation

/// Prints a publication error and gives its exit status.
func publicationExit(_ error: PublicationError, _ language: Language) -> ExitCode {
    Output.error((language == .fr ? "catalyse : " : "catalyse: ") + { let m = error.message(language); return m.prefix(1).lowercased() + m.dropFirst() }())
    switch error {
    case .unreadableKey: return ExitCode(ExitStatus.noInput)
    case .invalidKey, .badSignature, .invalidManifest, .downgrade, .conflictingSerial, .wrongFile, .invalidCatalogue: return ExitCode(ExitStatus.dataError)
    case .unwritable: return ExitCode(ExitStatus.cantCreate)
    case .serialNotAbove, .notConfigured: return ExitCode(ExitStatus.usage)
    case .network: return ExitCode(ExitStatus.unavailable)
    case .nothingToRollBack: return ExitCode(ExitStatus.notFound)
    }
}

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: loc("Créer la paire de clés de l'éditeur (Ed25519) : RÉP/catalyse-publication.key (privée, 0600) et .pub (publique).", "Make the publisher's key pair (Ed25519): DIR/catalyse-publication.key (private, 0600) and .pub (public)."))
    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: .loc("Le répertoire où écrire les clés.", "The folder to write the keys in.", value: ("répertoire", "folder"))) var output: String

    func run() throws {
        let l = global.language
        let (privateKey, publicKey) = PublicationKey.generate()
        let keyPath = output + "/catalyse-publication.key", pubPath = output + "/catalyse-publication.pub"
        do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
            throw publicationExit(.unwritable(path: output, reason: Label(fr: "impossible de créer le dossier", en: "cannot create the folder")), l)
        }
        if FileManager.default.fileExists(atPath: keyPath) {
            Output.error(l == .fr ? "catalyse : \(TextCleaning.forDisplay(keyPath)) existe déjà ; une clé n'est jamais remplacée (les utilisateurs ont la clé publique qui va avec)."
                                  : "catalyse: \(TextCleaning.forDisplay(keyPath)) already exists; a key is never replaced (users hold the public key that goes with it).")
            throw ExitCode(ExitStatus.cantCreate)
        }
        // The private key is made 0600 before anything is written in it.
        let fd = open(keyPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw publicationExit(.unwritable(path: keyPath, reason: Updater.systemReason()), l) }
        let bytes = Array(privateKey.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else { unlink(keyPath); throw publicationExit(.unwritable(path: keyPath, reason: Updater.systemReason()), l) }
        if case .failure(let e) = AtomicFile.write(Array(publicKey.utf8), to: pubPath, overwrite: false) {
            throw publicationExit(.unwritable(path: e.path, reason: Label(fr: e.problem.text(.fr), en: e.problem.text(.en))), l)
        }
        let fingerprint = PublicationKey.publicKey(publicKey).map(PublicationKey.fingerprint) ?? ""
        Output.note(l == .fr ? "Clés écrites : \(TextCleaning.forDisplay(keyPath)) (privée, à garder secrète) et \(TextCleaning.forDisplay(pubPath)) (publique, à donner aux utilisateurs) ; empreinte \(fingerprint)."
                              : "Keys written: \(TextCleaning.forDisplay(keyPath)) (private, keep it secret) and \(TextCleaning.forDisplay(pubPath)) (public, for the users); fingerprint \(fingerprint).")
    }
}

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: loc("Valider, compiler et signer un catalogue pour un hébergement web statique (catalogue.catalyse, manifest.json, manifest.json.sig).", "Validate, compile and sign a catalogue for a static web host (catalogue.catalyse, manifest.json, manifest.json.sig)."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le catalogue (YAML, JSON, compilé, ou un répertoire de feuilles).", "The catalogue (YAML, JSON, compiled, or a folder of sheets).", value: ("catalogue", "catalogue"))) var catalogue: String
    @Option(name: .long, help: .loc("La clé privée (catalyse keygen).", "The private key (catalyse keygen).", value: ("fichier", "file"))) var key: String
    @Option(name: .shortAndLong, help: .loc("Le répertoire du site où écrire.", "The site folder to write in.", value: ("répertoire", "folder"))) var output: String
    @Option(name: .long, help: .loc("Le numéro de publication (par défaut : un de plus que la dernière publication du répertoire).", "The serial number (default: one more than the last publication in the folder).", value: ("n", "n"))) var serial: Int?

    func run() throws {
        let l = global.language
        let privateKey: String
        do { privateKey = try Self.readKey(key) } catch { throw publicationExit(error, l) }
        guard let signing = PublicationKey.privateKey(privateKey) else { throw publicationExit(.invalidKey(path: key), l) }
        let loaded = try Output.loadOrExit(.file(catalogue), l)
        for w in loaded.warnings { Output.note(w.description(l)) }
        let manifest: Manifest
        do { manifest = try Publisher.publish(loaded.searchIndex(), key: signing, site: output, serial: serial) } catch { throw publicationExit(error, l) }
        Output.note(l == .fr ? "Publication n° \(manifest.serial) écrite dans \(TextCleaning.forDisplay(output)) : \(manifest.firms) cabinets, \(manifest.offers) offres, \(manifest.size) octets."
                              : "Publication no. \(manifest.serial) written to \(TextCleaning.forDisplay(output)): \(manifest.firms) firms, \(manifest.offers) offers, \(manifest.size) bytes.")
    }

    static func readKey(_ path: String) throws(PublicationError) -> String { try PublicationKey.read(path) }
}

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: loc("Apporter le nouveau catalogue de l'éditeur : signé, vérifié, jamais plus ancien, la copie précédente gardée.", "Bring the publisher's new catalogue: signed, checked, never older, the previous copy kept."),
        discussion: loc("""
            L'adresse du manifeste et la clé publique de l'éditeur sont données une fois et retenues \
            (dans $XDG_CONFIG_HOME/catalyse/update.json) ; la copie va dans $XDG_DATA_HOME/catalyse/ \
            et devient le catalogue en vigueur, sauf si --catalogue ou $CATALYSE_CATALOGUE en nomme \
            un autre. Seule cette commande utilise le réseau.

            Exemples :
              catalyse update https://example.org/annuaire/manifest.json --key catalyse-publication.pub
              catalyse update
              catalyse update --rollback
            """, """
            The manifest's address and the publisher's public key are given once and remembered (in \
            $XDG_CONFIG_HOME/catalyse/update.json); the copy goes to $XDG_DATA_HOME/catalyse/ and is then \
            the catalogue in effect, unless --catalogue or $CATALYSE_CATALOGUE names another. Only this \
            command uses the network.

            Examples:
              catalyse update https://example.org/annuaire/manifest.json --key catalyse-publication.pub
              catalyse update
              catalyse update --rollback
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("L'adresse du manifeste (retenue).", "The manifest's address (remembered).", value: ("adresse", "url"))) var url: String?
    @Option(name: .long, help: .loc("Le fichier de la clé publique de l'éditeur (retenu).", "The publisher's public key file (remembered).", value: ("fichier", "file"))) var key: String?
    @Flag(name: .long, help: .loc("Revenir à la copie que la dernière mise à jour a remplacée.", "Go back to the copy the last update replaced.")) var rollback = false

    func run() throws {
        let l = global.language, fr = l == .fr
        let environment = global.environment
        let paths = Updater.Paths(environment: environment)
        if rollback {
            do {
                let m = try Updater.rollback(paths)
                Output.note(fr ? "Copie précédente rétablie" + (m.map { " (publication n° \($0.serial) du \($0.updated))." } ?? ".")
                                : "Previous copy back in use" + (m.map { " (publication no. \($0.serial) of \($0.updated))." } ?? "."))
            } catch { throw publicationExit(error, l) }
            return
        }
        var settings = Updater.settings(paths)
        if url != nil || key != nil {
            guard let url = url ?? settings?.url else { throw publicationExit(.notConfigured, l) }
            let keyText: String
            if let key {
                do { keyText = try PublishCommand.readKey(key) } catch { throw publicationExit(error, l) }
                guard PublicationKey.publicKey(keyText) != nil else { throw publicationExit(.invalidKey(path: key), l) }
            } else {
                guard let known = settings?.key else { throw publicationExit(.notConfigured, l) }
                keyText = known
            }
            settings = Updater.Settings(url: url, key: keyText)
        }
        guard let settings else { throw publicationExit(.notConfigured, l) }
        let outcome: Updater.Outcome
        do {
            outcome = try Updater.update(settings, paths, timeouts: HTTPDownload.Timeouts(environment: environment), today: Day.today())
            try Updater.save(settings, paths)
        } catch { throw publicationExit(error, l) }
        switch outcome {
        case .alreadyCurrent(let m):
            Output.note(fr ? "Déjà à jour" + (m.map { " (publication n° \($0.serial) du \($0.updated))." } ?? ".")
                            : "Already up to date" + (m.map { " (publication no. \($0.serial) of \($0.updated))." } ?? "."))
        case let .updated(previous, current, manifest):
            var line = fr ? "Catalogue mis à jour : publication n° \(manifest.serial) du \(manifest.updated), \(manifest.firms) cabinets, \(manifest.offers) offres."
                          : "Catalogue updated: publication no. \(manifest.serial) of \(manifest.updated), \(manifest.firms) firms, \(manifest.offers) offers."
            if let previous {
                let d = CatalogueDiff.compare(previous, current)
                let (a, r, c) = (d.offers.added.count, d.offers.removed.count, d.offers.changed.count)
                func s(_ n: Int, _ fr: Bool) -> String { fr ? (n > 1 ? "s" : "") : (n == 1 ? "" : "s") }
                line += fr ? " Depuis la copie précédente, offres : \(a) ajoutée\(s(a, true)), \(r) retirée\(s(r, true)), \(c) modifiée\(s(c, true))."
                           : " Since the previous copy, offers: \(a) added, \(r) removed, \(c) changed."
            }
            Output.note(line)
            UpdateCommand.announce(previous: previous, current: current, l, environment)
        }
    }

    /// After an update: each saved search with new offers (« Nord · stratégique : 2 nouvelles
    /// offres »). The copy replaced is recorded first as seen when this catalogue was never
    /// opened, so what the update brought counts as new.
    static func announce(previous: Catalogue?, current: Catalogue, _ language: Language, _ environment: [String: String]) {
        do throws(DossierError) {
            let store = try DossierStore(environment: environment)
            if let previous, previous.name == current.name { try store.recordFirstOpening(of: previous, today: Day.today()) }
            let news = try store.news(for: current, today: Day.today())
            let searches = try store.savedSearches()
            guard !news.isEmpty, !searches.isEmpty else { return }
            let alerts = SearchAlert.alerts(searches, index: SearchIndex(catalogue: current), news: news)
            if !alerts.isEmpty { Output.note(alerts.map { $0.text(language) }.joined(separator: "\n")) }
        } catch {
            NewsAccess.unavailable(error, language)
        }
    }
}
