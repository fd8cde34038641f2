import CatalyseCore
import Foundation
import Testing

/// The command line in the user's language (issue 11): every help screen, every parser error,
/// every usage, store and I/O error in French and in English, never a sentence of the other
/// language; the suggestions; the manual pages in docs/man/ current.
@Suite("Command line in both languages")
struct LocalisationTests {
    // MARK: The word-list check

    /// English words no French message may hold, and French words no English one may.
    /// (Words both languages share — « options », « arguments », « code », « format » — are
    /// allowed; so are quoted text, ids, paths and options, which the user typed or which are
    /// names.)
    static let english: Set<String> = ["the", "is", "not", "and", "for", "with", "file", "cannot", "expected", "unknown",
                                       "missing", "error", "see", "value", "values", "did", "mean", "command", "must", "does",
                                       "this", "takes", "give", "was", "were", "added", "removed", "nothing", "needs",
                                       "lists", "usage", "overview", "subcommands", "subcommand", "help", "information",
                                       "default", "print", "only", "offers", "folder", "write", "replace"]
    static let french: Set<String> = ["le", "la", "les", "des", "une", "est", "pas", "pour", "avec", "fichier", "inconnue",
                                      "inconnu", "vouliez", "dire", "commande", "erreur", "valeur", "voir", "aucune", "aucun",
                                      "il", "manque", "prend", "attend", "donnez", "rien", "ajouté", "retiré", "cette", "sont",
                                      "aperçu", "utilisation", "affiche", "aide", "défaut", "imprimer", "seulement", "offres",
                                      "cabinets", "écrire", "remplacer", "lister"]

    /// The words of `text` a reader reads as sentences: quoted parts (« … », '…', "…", `…`)
    /// and words that are names (options, ids, paths, variables) left out.
    static func sentenceWords(_ text: String) -> [String] {
        var s = text
        // A diagnostic's place and field (`file.yaml:3:5: firms[0].id : `) and lists of keys or
        // codes (`(clés possibles : id, name, …)`) are names.
        s = s.replacingOccurrences(of: #"(?m)^\S+[ \u00A0]?: (\S+[ \u00A0]?: )?"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"(possibles|one of)[ \u00A0]?: [^)]*\)"#, with: ")", options: .regularExpression)
        for (open, close) in [("«", "»"), ("“", "”"), ("`", "`"), ("\"", "\"")] {
            while let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) {
                s.replaceSubrange(a.lowerBound..<b.upperBound, with: " ")
            }
        }
        // '…' as quotes (not the apostrophe of « l'option »): a quote after a space or a parenthesis.
        s = s.replacingOccurrences(of: #"(^|[\s(])'[^']*'"#, with: " ", options: .regularExpression)
        return s.split(whereSeparator: { $0.isWhitespace }).flatMap { token -> [String] in
            if token.contains("-") || token.contains("/") || token.contains("$") || token.contains("<") || token.contains("_")
                || token.dropLast().contains(".") || token.contains("=") { return [] }
            return token.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map { String($0).lowercased() }
                .flatMap { $0.split(separator: "'").map(String.init) }
        }
    }

    /// The words of the other language in `text` (empty: none).
    static func foreignWords(_ text: String, french: Bool) -> [String] {
        let words = sentenceWords(text)
        return words.filter { (french ? Self.english : Self.french).contains($0) }
    }

    static func expectOneLanguage(_ text: String, french: Bool, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let foreign = foreignWords(text, french: french)
        #expect(foreign.isEmpty, "\(what) (\(french ? "fr" : "en")): words of the other language \(foreign) in:\n\(text)", sourceLocation: sourceLocation)
        let problems = typographyProblems(text, french: french)
        #expect(problems.isEmpty, "\(what): \(problems)\n\(text)", sourceLocation: sourceLocation)
    }

    @Test func theWordListCheckCatchesMixedSentences() {
        #expect(!Self.foreignWords(nb("catalyse : impossible d'écrire /x/y.txt : the folder /x does not exist."), french: true).isEmpty)
        #expect(!Self.foreignWords("catalyse: unknown option; vouliez-vous dire la commande ?", french: false).isEmpty)
        #expect(Self.foreignWords(nb("catalyse : option inconnue « --terr » ; vouliez-vous dire « --territory » ?"), french: true).isEmpty)
        #expect(Self.foreignWords("catalyse: no offer has the id 'les-jardins-et-la-mer'.", french: false).isEmpty)
    }

    // MARK: Help

    /// Every command path of the tree (`[]`, `["list"]`, `["dossier", "new"]`…), from the
    /// library's own description of it.
    static func commandPaths() -> [[String]] {
        let r = Sandbox().run("--experimental-dump-help")
        guard let data = r.stdout.data(using: .utf8),
              let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let command = root["command"] as? [String: Any] else { return [] }
        var paths: [[String]] = []
        func walk(_ node: [String: Any], _ path: [String]) {
            paths.append(path)
            for sub in node["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                walk(sub, path + [name])
            }
        }
        walk(command, [])
        return paths
    }

    @Test func everyHelpScreenInEachLanguage() {
        let paths = Self.commandPaths()
        #expect(paths.count > 30, "the command tree: \(paths.count) commands")
        let box = Sandbox()
        for path in paths {
            for lang in ["fr", "en"] {
                let r = box.run(path + ["--help", "--lang", lang], env: ["COLUMNS": "100"])
                let name = "catalyse " + path.joined(separator: " ") + " --help"
                #expect(r.status == 0, "\(name): \(r.stderr)")
                if lang == "fr" {
                    #expect(r.stdout.hasPrefix("APERÇU\u{00A0}: ") || r.stdout.hasPrefix("UTILISATION\u{00A0}: "), "\(name)\n\(r.stdout)")
                    #expect(r.stdout.contains("UTILISATION\u{00A0}: "), "\(name)")
                    #expect(r.stdout.contains("OPTIONS\u{00A0}:"), "\(name)")
                    #expect(r.stdout.contains("Affiche cette aide."), "\(name)")
                } else {
                    #expect(r.stdout.contains("USAGE: ") && r.stdout.contains("OPTIONS:") && r.stdout.contains("Show help information."), "\(name)")
                }
                Self.expectOneLanguage(r.stdout, french: lang == "fr", name)
            }
        }
    }

    @Test func theLanguageRuleForHelp() {
        let box = Sandbox()
        #expect(box.run("--help").stdout.hasPrefix("APERÇU"))
        #expect(box.run(["--help"], env: ["LANG": "en_GB.UTF-8"]).stdout.hasPrefix("OVERVIEW"))
        #expect(box.run(["list", "--help"], env: ["LC_MESSAGES": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"]).stdout.hasPrefix("OVERVIEW"))
        #expect(box.run(["list", "--help", "--lang", "fr"], env: ["LANG": "en_GB.UTF-8"]).stdout.hasPrefix("APERÇU"))
        // --lang before the subcommand, and `help list`.
        #expect(box.run("--lang", "en", "list", "--help").stdout.contains("List the offers"))
        #expect(box.run("help", "list").stdout.contains("Lister les offres"))
        let helpOfHelp = box.run("help", "help").stdout
        #expect(helpOfHelp.contains(nb("UTILISATION : catalyse help [<sous-commandes> ...]")) && !helpOfHelp.contains("subcommands"), "\(helpOfHelp)")
        let sub = box.run("--help").stdout
        #expect(sub.contains("SOUS-COMMANDES\u{00A0}:") && sub.contains("<sous-commande>") && sub.contains(nb("Voir « catalyse help <sous-commande> »")))
    }

    // MARK: Every error path

    /// Each command line, what it is, and the status it ends with.
    static let errorLines: [(args: [String], kind: String, status: Int32)] = [
        (["list", "--terr", "59"], "unknown option", 64),
        (["list", "--query"], "missing value", 64),
        (["list", "--counts=3"], "value for a flag", 64),
        (["list", "x"], "too many arguments", 64),
        (["show", "a", "b"], "too many arguments", 64),
        (["lsit"], "unknown subcommand", 64),
        (["favourites", "lsit"], "unknown subcommand (default subcommand)", 64),
        (["dossier", "nwe"], "unknown subcommand (nested)", 64),
        (["help", "lsit"], "unknown help topic", 64),
        (["help", "dossier", "nwe"], "unknown help topic (nested)", 64),
        (["show"], "missing argument", 64),
        (["favourites", "add"], "missing arguments", 64),
        (["compile"], "missing required option", 64),
        (["dossier", "follow-up", "--set-days", "x"], "value that does not parse", 64),
        (["--generate-completion-script", "tcsh"], "unsupported shell", 64),
        (["list", "--purpose", "zz"], "unknown code value", 64),
        (["list", "--kind", "a"], "ambiguous code value", 64),
        (["list", "--territory", "zzzz"], "unknown place", 64),
        (["list", "--territory", "val"], "ambiguous place", 64),
        (["list", "--lang", "xx"], "bad --lang", 64),
        (["export", "--as", "pdf"], "bad --as", 64),
        (["export", "--separator", "|"], "bad --separator", 64),
        (["compile", "-o", "x.bin"], "bad compiled name", 64),
        (["show", "x", "--territory", "59"], "filters without --why", 64),
        (["show", "pas-une-offre"], "unknown offer id", 1),
        (["favourites", "add", "pas-une-offre"], "unknown offer id", 1),
        (["list", "--firm", "pas-un-cabinet"], "unknown firm id", 1),
        (["firms", "pas-un-cabinet"], "unknown firm id", 1),
        (["list", "--catalogue", "/nonexistent/catalogue.yaml"], "missing catalogue", 66),
        (["export", "--purpose", "strategique", "-o", "/nonexistent/folder/x.txt"], "unwritable output", 73),
        (["compile", "-o", "/nonexistent/folder/x.catalyse"], "unwritable compiled file", 73),
        (["dossier", "add", "personne", "x"], "unknown dossier", 1),
        (["parcours"], "parcours without need", 64),
        (["autodiagnostic", "--answers", "/nonexistent/reponses.yaml"], "missing answers file", 66),
        (["autodiagnostic", "--answers", "/dev/null"], "answers that are a device", 66),
        (["publish", "catalogue.yaml", "--key", "/nonexistent.key", "-o", "site"], "missing key", 66),
        (["update", "http://127.0.0.1:1/manifest.json", "--key", "/dev/null"], "a key that is a device", 66),
        (["dossier", "restore", "/nonexistent.sqlite"], "missing backup", 66),
        (["dossier", "import", "/etc/passwd"], "import that is not JSON", 65),
    ]

    @Test(arguments: ["fr", "en"])
    func everyErrorPathInOneLanguage(_ lang: String) {
        let box = Sandbox()
        for line in Self.errorLines {
            // The language from the locale here (`--lang` is the help test's and the suggestions').
            let r = box.run(line.args, env: ["LC_ALL": lang == "fr" ? "fr_FR.UTF-8" : "en_GB.UTF-8"])
            let name = "catalyse " + line.args.joined(separator: " ") + " (\(line.kind))"
            #expect(r.status == line.status, "\(name): status \(r.status)\n\(r.stderr)")
            #expect(!r.stderr.isEmpty, "\(name): nothing said")
            #expect(r.stderr.hasPrefix(lang == "fr" ? "catalyse\u{00A0}: " : "catalyse: "), "\(name)\n\(r.stderr)")
            #expect(!r.stderr.contains("Error:") && !r.stderr.contains("Usage:"), "\(name): the library's own words\n\(r.stderr)")
            Self.expectOneLanguage(r.stderr, french: lang == "fr", name)
        }
        // A self-assessment answers file that is not one: diagnostics as `validate` gives them.
        let r = box.run(["autodiagnostic", "--answers", "/etc/passwd"], env: ["LC_ALL": lang == "fr" ? "fr_FR.UTF-8" : "en_GB.UTF-8"])
        #expect(r.status == 65 && r.stderr.hasPrefix("/etc/passwd:1:1: "), "\(r.stderr)")
        Self.expectOneLanguage(r.stderr, french: lang == "fr", "autodiagnostic --answers /etc/passwd")
    }

    @Test(arguments: ["fr", "en"])
    func storeErrorsInOneLanguage(_ lang: String) {
        let box = Sandbox()
        // A corrupt favourites file, then one that cannot be read.
        let folder = box.directory + "/state/catalyse"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = box.write("state/catalyse/favourites", "pas un identifiant !\n")
        for args in [["favourites", "list"], ["favourites", "add", "lanterne-boussole-diagnostic-strategique"], ["list", "--favourites"]] {
            let r = box.run(args + ["--lang", lang])
            #expect(r.status == 65, "\(args): \(r.stderr)")
            Self.expectOneLanguage(r.stderr, french: lang == "fr", "\(args) with a corrupt favourites file")
        }
        try? FileManager.default.removeItem(atPath: folder + "/favourites")
        try? FileManager.default.createDirectory(atPath: folder + "/favourites", withIntermediateDirectories: true)
        let r = box.run("favourites", "list", "--lang", lang)
        #expect(r.status == 66, "a folder as the favourites file: \(r.stderr)")
        Self.expectOneLanguage(r.stderr, french: lang == "fr", "a folder as the favourites file")
    }

    /// The catalogue's diagnostics (`validate`, `compile`, YAML and JSON syntax, sheets) in the
    /// language of the summary under them.
    @Test(arguments: ["fr", "en"])
    func catalogueDiagnosticsInOneLanguage(_ lang: String) {
        let box = Sandbox()
        let bad = box.write("bad.yaml", CommandLineTests.smallCatalogue
            .replacingOccurrences(of: "format: mi-chemin", with: "format: gratuit")
            .replacingOccurrences(of: "territories: [2A, 2B]", with: "territories: [2A, R99, 2A]")
            .replacingOccurrences(of: "headquarters: 2A", with: "headquarters: 2Z\n    extra: 1")
            .replacingOccurrences(of: "joined: 2020", with: "joined: 1999")
            .replacingOccurrences(of: "themes: [innovation-associative]", with: "themes: []")
            .replacingOccurrences(of: "email: anne@seul.example.org", with: "email: pas-une-adresse")
            .replacingOccurrences(of: "id: seul-cabinet", with: "id: Seul"))
        let files = [
            bad,
            box.write("syntax.yaml", "a: [b\nc: d: e\n"),
            box.write("anchors.yaml", "catalogue: &a {name: x}\nfirms: *a\n"),
            box.write("empty.yaml", "# nothing\n"),
            box.write("bad.json", "{\"catalogue\": {\"name\": \"x\"}, \"firms\": [1,}"),
            box.write("dup.json", "{\"firms\": [], \"firms\": []}"),
            box.write("fake.catalyse", "not a compiled catalogue at all"),
        ]
        let env = ["LC_ALL": lang == "fr" ? "fr_FR.UTF-8" : "en_GB.UTF-8"]
        for file in files {
            let r = box.run(["validate", file], env: env)
            #expect(r.status == 65, "\(file): \(r.status) \(r.stderr)")
            let lines = r.stderr.split(separator: "\n").map(String.init)
            #expect(lines.count >= 2, "\(file)")
            #expect(lines.last?.hasSuffix(lang == "fr" ? "catalogue refusé." : "catalogue refused.") == true, "\(file): \(r.stderr)")
            Self.expectOneLanguage(r.stderr, french: lang == "fr", "validate \(file)")
        }
        #expect(box.run(["validate", bad], env: env).stderr.contains(lang == "fr" ? nb("firms[0].joined : l'année 1999") : "firms[0].joined: year 1999"))
    }

    // MARK: The stores' errors

    /// Every reason a file or the database can give, in every store's sentence, in each
    /// language: the system's errors and SQLite's result codes are worded from tables, so a
    /// French sentence never ends in the C library's or SQLite's English.
    @Test(arguments: ["fr", "en"])
    func everyStoreErrorInOneLanguage(_ lang: String) {
        let language: Language = lang == "fr" ? .fr : .en
        let codes: [Int32] = [EACCES, EPERM, ENOENT, ENOSPC, EDQUOT, EROFS, EIO, EBADF, EISDIR, ENOTDIR, ELOOP, ENAMETOOLONG,
                              EFBIG, EMFILE, EPIPE, EEXIST, ETXTBSY, ENXIO, EAGAIN, EINVAL, ENOMEM, EXDEV, EINTR]
        // SQLite's primary result codes, with the message SQLite gives in English.
        let sqlite: [(Int32, String)] = [(1, "SQL logic error"), (3, "access permission denied"), (5, "database is locked"),
                                         (6, "database table is locked"), (7, "out of memory"), (8, "attempt to write a readonly database"),
                                         (10, "disk I/O error"), (11, "database disk image is malformed"), (13, "database or disk is full"),
                                         (14, "unable to open database file"), (19, "UNIQUE constraint failed: dossier.name"),
                                         (26, "file is not a database"), (522, "disk I/O error")]
        var reasons: [FileProblem] = codes.map { .system($0) } + sqlite.map { .database(code: $0.0, message: $0.1) }
        reasons += [.notAFile(.folder), .notAFile(.symbolicLink), .notAFile(.namedPipe), .tooLarge(size: 70_000_000, limit: 64 << 20),
                    .tooLarge(size: nil, limit: 16 << 20), .missingFolder("/x"), .exists, .lock("/x/favourites.lock", EACCES),
                    .lock("/x/favourites.lock", ELOOP), .lock("/x/favourites.lock", EIO), .changedWhileRead, .namesAFolder,
                    .folderNotCreated("/lecture-seule"), .integrity(problems: 1, first: "*** in database main ***"),
                    .integrity(problems: 3, first: "Page 5 is never used")]
        for reason in reasons {
            let path = "/home/asso/.local/share/catalyse/catalyse.sqlite"
            let messages = [DossierError.unreadable(path: path, reason: reason).message(language),
                            DossierError.damaged(path: path, reason: reason).message(language),
                            DossierError.unwritable(path: path, reason: reason).message(language),
                            DossierError.unusableBackup(path: path, problem: .unreadable(reason)).message(language),
                            DossierError.unusableBackup(path: path, problem: .damaged(reason)).message(language),
                            SearchHistoryError.unreadable(path: path, reason: reason).message(language),
                            SearchHistoryError.unwritable(path: path, reason: reason).message(language),
                            FavouritesError.unreadable(path: path, reason: reason).message(language),
                            FavouritesError.unwritable(path: path, reason: reason).message(language),
                            PublicationError.unreadableKey(path: path, reason: reason).message(language)]
            for message in messages {
                let text = language == .fr ? nb(message) : message
                Self.expectOneLanguage(text, french: language == .fr, "\(reason)")
            }
        }
        for problem in [DossierError.BackupProblem.foreign, .newerVersion] {
            let message = DossierError.unusableBackup(path: "/b.sqlite", problem: problem).message(language)
            Self.expectOneLanguage(language == .fr ? nb(message) : message, french: language == .fr, "\(problem)")
        }
        // The French words are the table's, not SQLite's.
        #expect(DossierError.damaged(path: "/d", reason: .database(code: 26, message: "file is not a database")).message(.fr)
            .contains("(ce fichier n'est pas une base de données)"))
        #expect(DossierError.damaged(path: "/d", reason: .database(code: 26, message: "file is not a database")).message(.en)
            .contains("(file is not a database)"))
    }

    /// Every way a download fails, in each language: libcurl's codes are worded from a table
    /// (its own messages are English), and so is a libcurl that cannot be loaded.
    @Test(arguments: ["fr", "en"])
    func everyDownloadProblemInOneLanguage(_ lang: String) {
        let language: Language = lang == "fr" ? .fr : .en
        var problems: [PublicationError.NetworkProblem] = (-1...101).map { HTTPDownload.problem(curlCode: $0, limit: 4096) }
        problems += [HTTPDownload.problem(curlCode: 18, expected: 100, received: 40), HTTPDownload.problem(curlCode: 23, cutForSize: true, limit: 4096),
                     .unreachable(Label(fr: "pas de réponse", en: "no response")), .status(500), .libcurlMissing]
        for problem in problems {
            let message = PublicationError.network(url: "https://example.org/manifest.json", problem: problem).message(language)
            Self.expectOneLanguage(language == .fr ? nb(message) : message, french: language == .fr, "\(problem)")
        }
    }

    // MARK: Suggestions

    @Test func suggestionsArePrefixFirstThenEditDistance() {
        let box = Sandbox()
        func err(_ args: String...) -> String { box.run(args).stderr }
        #expect(err("list", "--terr", "59").hasPrefix(nb("catalyse : option inconnue « --terr » ; vouliez-vous dire « --territory » ?")))
        #expect(err("list", "--purpse", "x").contains(nb("vouliez-vous dire « --purpose » ?")))
        #expect(err("list", "--terr", "59", "--lang", "en").hasPrefix("catalyse: unknown option '--terr'; did you mean '--territory'?"))
        #expect(err("lsit").hasPrefix(nb("catalyse : commande inconnue « lsit » ; vouliez-vous dire « list » ?")))
        #expect(err("--lang", "en", "lsit").hasPrefix("catalyse: unknown command 'lsit'; did you mean 'list'?"))
        #expect(err("favourites", "remvoe", "x").contains(nb("vouliez-vous dire « remove » ?")))
        #expect(err("dossier", "nwe").contains(nb("vouliez-vous dire « new »")))
        // `help WORD`: the library would show the root's help for a word it does not know.
        #expect(err("help", "lsit") == nb("catalyse : commande inconnue « lsit » ; vouliez-vous dire « list » ?\nVoir « catalyse --help ».\n"))
        #expect(err("--lang", "en", "help", "dossier", "nwe") == "catalyse: unknown command 'nwe'; did you mean 'new' or 'note'?\nSee 'catalyse dossier --help'.\n")
        #expect(box.run("help", "--lang", "en", "dossier", "new").stdout.hasPrefix("OVERVIEW: Open a dossier for an association."))
        #expect(err("show").hasPrefix(nb("catalyse : il manque l'argument « <id-offre> » : l'identifiant de l'offre")))
        #expect(err("show", "--lang", "en").hasPrefix("catalyse: missing argument '<offer-id>': the offer's id"))
        #expect(err("dossier", "status", "jardins").hasPrefix(nb("catalyse : il manque l'argument « <id-offre> »")))
        #expect(err("favourites", "add").hasPrefix(nb("catalyse : il manque l'argument « <ids-offres> … »")))
        #expect(err("list", "x").hasPrefix(nb("catalyse : argument en trop : « x ».")))
        #expect(err("--lang", "en", "show", "a", "b").hasPrefix("catalyse: unexpected argument: 'b'."))
        #expect(err("compile").hasPrefix(nb("catalyse : l'option « --output <fichier> » est obligatoire.")))
        #expect(err("list", "--query").hasPrefix(nb("catalyse : l'option « --query » attend une valeur")))
        #expect(err("--generate-completion-script", "tcsh").contains("bash, zsh ou fish"))
    }

    @Test func codeValuesAreTypedAsWords() {
        let box = Sandbox()
        let strategic = box.run("list", "--purpose", "strategique").stdout
        #expect(!strategic.isEmpty)
        for typed in ["stratégique", "Stratégique", "STRATEGIQUE", "strategic", "Strategic", "strat"] {
            let r = box.run("list", "--purpose", typed)
            #expect(r.status == 0 && r.stdout == strategic, "--purpose \(typed): \(r.stderr)")
        }
        let sponsorship = box.run("list", "--format", "mecenat-competences").stdout
        #expect(box.run("list", "--format", "mecenat").stdout == sponsorship)
        #expect(box.run("list", "--format", "Mécénat de compétences").stdout == sponsorship)
        #expect(box.run("list", "--mode", "à distance").stdout == box.run("list", "--mode", "a-distance").stdout)
        let ambiguous = box.run("list", "--kind", "a")
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("apport-expertise") && ambiguous.stderr.contains("gouvernance") && ambiguous.stderr.contains("plusieurs valeurs"))
        let typo = box.run("list", "--purpose", "strqtegique")
        #expect(typo.stderr == nb("catalyse : valeur inconnue « strqtegique » pour --purpose ; vouliez-vous dire « strategique » ?\n"))
        let typoEN = box.run("list", "--purpose", "strqtegique", "--lang", "en")
        #expect(typoEN.stderr == "catalyse: unknown value 'strqtegique' for --purpose; did you mean 'strategique'?\n")
        let none = box.run("list", "--theme", "zzzzzzzz")
        #expect(none.stderr.contains("valeurs possibles") && none.stderr.contains("innovation-associative"))
    }

    @Test func unknownIdsGetTheNearestOnes() {
        let box = Sandbox()
        let show = box.run("show", "lanterne-boussole-diagnostic-strat")
        #expect(show.status == 1)
        #expect(show.stderr == nb("catalyse : aucune offre n'a l'identifiant « lanterne-boussole-diagnostic-strat » ; vouliez-vous dire « lanterne-boussole-diagnostic-strategique » ?\n"))
        let typo = box.run("show", "lanterne-bousole-diagnostic-strategique", "--lang", "en")
        #expect(typo.stderr.hasPrefix("catalyse: no offer has the id 'lanterne-bousole-diagnostic-strategique'; did you mean 'lanterne-boussole-diagnostic-strategique'"))
        let add = box.run("favourites", "add", "lanterne-boussole-diagnostic-strat")
        #expect(add.status == 1)
        #expect(add.stderr.contains(nb("vouliez-vous dire « lanterne-boussole-diagnostic-strategique » ?")) && add.stderr.contains("rien n'a été ajouté"))
        let firm = box.run("list", "--firm", "lanterne")
        #expect(firm.status == 1 && firm.stderr.contains(nb("vouliez-vous dire « lanterne-boussole » ?")))
    }

    @Test func favouritesSayWhatTheyDid() {
        let box = Sandbox()
        let a = "lanterne-boussole-diagnostic-strategique", b = "ancre-et-envol-accompagnement-croissance"
        #expect(box.run("favourites", "add", a, b).stderr == "2 favoris ajoutés.\n")
        #expect(box.run("favourites", "add", a).stderr == nb("Aucun favori ajouté : cette offre l'était déjà.\n"))
        #expect(box.run("favourites", "remove", a, "--lang", "en").stderr == "1 favourite removed.\n")
        #expect(box.run("favourites", "remove", a, b).stderr == nb("1 favori retiré ; 1 n'était pas un favori.\n"))
        #expect(box.run("favourites", "list").stdout.isEmpty)
    }

    // MARK: Completion and manual

    @Test func completionScriptsCompleteTheFacetValues() {
        let box = Sandbox()
        for shell in ["bash", "zsh", "fish"] {
            let r = box.run("--generate-completion-script", shell)
            #expect(r.status == 0, "\(shell): \(r.stderr)")
            #expect(r.stdout.contains("strategique") && r.stdout.contains("mecenat-competences") && r.stdout.contains("--territory"), "\(shell)")
        }
    }

    @Test func theManualPagesAreCurrent() {
        let box = Sandbox()
        for (lang, file) in [("en", "docs/man/catalyse.1"), ("fr", "docs/man/catalyse.fr.1")] {
            let made = box.run("--generate-manual", "--lang", lang)
            #expect(made.status == 0)
            let checkedIn = try? String(contentsOfFile: Spawn.packageRoot + "/" + file, encoding: .utf8)
            #expect(checkedIn == made.stdout, "\(file) is not current: run scripts/generate-manual.sh")
            #expect(made.stdout.contains(lang == "fr" ? ".SH NOM" : ".SH NAME"))
            #expect(made.stdout.contains(".SS catalyse dossier new"))
        }
    }

    @Test func theArgumentParserIsPinned() throws {
        // The wording reads the library's internals (Sources/catalyse/Localisation/): the
        // version is exact, and the tests above run every kind of error on it.
        let manifest = try String(contentsOfFile: Spawn.packageRoot + "/Package.swift", encoding: .utf8)
        #expect(manifest.contains(#".package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")"#))
    }
}
