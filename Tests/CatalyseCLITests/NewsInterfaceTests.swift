import Foundation
import Testing

/// What is new and the saved searches in a real terminal (tmux): the first opening marks
/// nothing; after the catalogue changes, the marks, the header, the alert of a saved search
/// and R to open it, the sheet saying what changed, N and M; S saves a search that
/// `catalyse search list` then shows.
@Suite("What is new end to end (tmux)", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct NewsInterfaceTests {
    @Test func theNextOpeningSaysWhatIsNewAndWhichSearchFindsIt() throws {
        let box = Sandbox()
        let (v1, v2) = try NewsCommandTests.catalogues(box)
        // First opening: no mark, no count in the header; S saves the search typed.
        var first: TmuxSession? = try TmuxSession(["--catalogue", v1], sandbox: box, env: NewsCommandTests.date, width: 120, height: 30)
        first!.waitFor(text: "75 / 75 offres")
        #expect(!first!.screen.contains("nouveauté") && !first!.screen.contains("nouveau "))
        first!.send("t")
        first!.type("59")
        first!.send("Enter")
        first!.send("p", "3")
        first!.waitFor(text: "Stratégique")
        first!.send("S")
        first!.waitFor(text: "Enregistrer la recherche")
        first!.send("C-u")
        first!.type("Nord strat")
        first!.send("Enter")
        first!.waitFor(text: nb("Recherche « Nord strat » enregistrée"))
        first!.send("q")
        #expect(first!.exitStatus() == 0)
        first = nil
        #expect(box.run(["search", "list"]).stdout.hasPrefix("Nord strat\t"))

        // The catalogue changed: the header, the marks and the alert at once.
        let t = try TmuxSession(["--catalogue", v2], sandbox: box, env: NewsCommandTests.later, width: 120, height: 30)
        t.waitFor(text: "76 / 76 offres")
        t.waitFor(text: "2 nouveautés depuis le 3 novembre ")
        t.waitFor(text: nb("Nord strat : 2 nouvelles offres"))
        t.send("R")
        t.waitFor(text: "Recherches enregistrées")
        t.send("1")
        t.waitFor(text: "2 / 76 offres")
        t.waitFor(text: "Nouveautés seulement")
        #expect(t.screen.contains("modifié Diagnostic stratégique partagé et revu"))
        #expect(t.screen.contains("nouveau Diagnostic stratégique partagé et revu"))
        // Its sheet says what changed; the mark goes.
        t.send("Enter")
        t.waitFor(text: nb("Modifiée depuis votre dernière visite : titre"))
        t.send("Escape")
        t.waitFor(text: "1 nouveauté")
        // M: every mark seen; N shows everything again.
        t.send("M")
        t.waitFor(text: "1 nouveauté marquée comme vue")
        t.send("N")
        t.waitFor(text: "/ 76 offres")
        t.send("q")
        #expect(t.exitStatus() == 0)
        // Recorded: nothing new any more.
        let r = box.run(["search", "check", "--catalogue", v2], env: NewsCommandTests.later)
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stdout)")
    }

    @Test func aDatabaseItCannotUseIsSaidOnceAndTheListWorks() throws {
        let box = Sandbox()
        let data = box.write("not-a-folder", "x")
        let t = try TmuxSession(sandbox: box, env: ["XDG_DATA_HOME": data])
        t.waitFor(text: "75 / 75 offres")
        t.waitFor(text: "Nouveautés non suivies")
        t.send("Down")
        t.waitFor("the note goes with the next key") { !$0.contains("Nouveautés non suivies") }
        t.send("q")
        #expect(t.exitStatus() == 0)
    }
}
