import Foundation
import Testing

/// One help screen in each language, in a real terminal (tmux, 80 columns): the headings, the
/// library's lines and the command's own texts in the language, wrapped to the terminal.
@Suite("Help in each language end to end (tmux)", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct LocalisationInterfaceTests {
    @Test func listHelpInFrenchFromTheLocale() throws {
        let t = try TmuxSession(["list", "--help"], env: ["LANG": "fr_FR.UTF-8"], width: 80, height: 60)
        t.waitFor(text: "EXIT=0")
        // The whole help as the terminal shows it (the pane and what scrolled above it).
        let screen = t.history
        #expect(screen.contains(nb("APERÇU : Lister les offres qui répondent à des filtres et à une recherche.")))
        #expect(screen.contains(nb("UTILISATION : catalyse list <options>")))
        #expect(screen.contains(nb("OPTIONS :")))
        #expect(screen.contains("Affiche cette aide."))
        #expect(screen.contains(nb("--purpose <code>        Finalité : operationnelle, strategique (ou le")))
        #expect(!screen.contains("OVERVIEW") && !screen.contains("Show help information") && !screen.contains("Repeat for OR"))
        // Every character of this screen is one cell wide.
        for line in screen.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func rootHelpInEnglishWithLang() throws {
        let t = try TmuxSession(["--lang", "en", "--help"], env: ["LANG": "fr_FR.UTF-8"], width: 80, height: 80)
        t.waitFor(text: "EXIT=0")
        // The whole help as the terminal shows it (the pane and what scrolled above it).
        let screen = t.history
        #expect(screen.contains("OVERVIEW: A terminal directory of the accompaniment offers"))
        #expect(screen.contains("USAGE: catalyse [--catalogue <file>] [--lang <fr|en>] [--no-cache] <subcommand>"))
        #expect(screen.contains("SUBCOMMANDS:"))
        #expect(screen.contains("  list                    List the offers that match filters and a search."))
        #expect(screen.contains("See 'catalyse help <subcommand>' for detailed help."))
        #expect(!screen.contains("APERÇU") && !screen.contains("Lister les offres") && !screen.contains("\u{00A0}"))
    }

    @Test func anErrorInFrenchInTheTerminal() throws {
        let t = try TmuxSession(["lsit"], env: ["LANG": "fr_FR.UTF-8"])
        t.waitFor(text: "EXIT=64")
        #expect(t.screen.contains(nb("catalyse : commande inconnue « lsit » ; vouliez-vous dire « list » ?")))
        #expect(t.screen.contains(nb("Voir « catalyse --help ».")))
    }
}
