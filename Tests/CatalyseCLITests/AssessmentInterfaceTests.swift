import Foundation
import Glibc
import Testing

/// The self-assessment in the real interface (tmux): through every question, left and resumed,
/// to the result, saved as a dossier that `catalyse dossier show` then reads; and the pathway.
@Suite("Self-assessment in the interface, end to end (tmux)", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct AssessmentInterfaceTests {
    static func sandbox() -> Sandbox {
        let box = Sandbox()
        box.extraEnvironment["XDG_DATA_HOME"] = box.directory + "/data"
        box.extraEnvironment["SOURCE_DATE_EPOCH"] = "1764115200"  // 26 November 2025
        return box
    }

    @Test func throughTheQuestionnaireToASavedDossier() throws {
        let box = Self.sandbox()
        var session: TmuxSession? = try TmuxSession(sandbox: box)
        let t = session!
        t.waitFor(text: "75 / 75 offres")
        t.send("n")
        t.waitFor(text: "1 / 12")
        t.type("59")
        t.waitFor(text: "❯ Nord (59)")
        t.send("Enter")
        t.waitFor(text: "2 / 12")
        t.send("3")                                     // stade: se stabiliser
        t.waitFor(text: "3 / 12")
        t.send("Escape")                                // left: the answers are kept
        t.waitFor(text: "75 / 75 offres")
        t.send("q")
        #expect(t.exitStatus() == 0)
        session = nil
        let kept = try #require(box.read("state/catalyse/autodiagnostic.yaml"))
        #expect(kept.contains("lieu: \"59\"") && kept.contains("stade: stabiliser") && kept.contains("current: budget"), "\(kept)")

        // catalyse autodiagnostic resumes at the budget question.
        let again = try TmuxSession(["autodiagnostic"], sandbox: box)
        again.waitFor(text: "3 / 12")
        #expect(again.screen.contains("budget annuel"))
        again.send("Enter", "1")                        // budget skipped; salariés: oui
        again.waitFor(text: "5 / 12")
        again.send("Enter", "Down", "Space", "Enter")   // besoins-association: revoir sa stratégie
        again.waitFor(text: "7 / 12")
        for n in 8...12 {
            again.send("Enter")
            again.waitFor(text: "\(n) / 12")
        }
        again.send("Enter")
        again.waitFor(text: nb("Autodiagnostic : votre résultat"))
        again.waitFor(text: nb("Votre besoin relève d'un accompagnement à finalité stratégique (stratégie)."))
        #expect(again.screen.contains("Diagnostic stratégique partagé"))
        // Saved as a dossier: the form comes filled from the answers.
        again.send("d")
        again.waitFor(text: "Nouveau dossier")
        #expect(again.screen.contains("Autodiagnostic du 26 novembre 2025") && again.screen.contains("Nord (59)") && again.screen.contains("Conseil en stratégie"))
        again.send("Enter")
        again.waitFor(text: nb("Offre ajoutée au dossier « Autodiagnostic du 26 novembre 2025 »."))
        // The pathway, then back.
        again.send("P")
        again.waitFor(text: "Parcours proposé")
        again.waitFor(text: "Pour aller plus loin")
        again.send("Escape")
        again.waitFor(text: nb("Autodiagnostic : votre résultat"))
        again.send("Escape")
        again.waitFor(text: "75 / 75 offres")
        again.send("q")
        #expect(again.exitStatus() == 0)

        let show = box.run("dossier", "show", "Autodiagnostic du 26 novembre 2025")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Nord (59)") && show.stdout.contains("À étudier"), "\(show.stdout)")
        let done = try #require(box.read("state/catalyse/autodiagnostic.yaml"))
        #expect(!done.contains("current:") && done.contains("besoins-association: [strategie]"), "\(done)")
    }

    @Test func aPathwaySavedIntoADossier() throws {
        let box = Self.sandbox()
        let r = box.run("dossier", "new", "Les Jardins partagés", "--territory", "69", "--need", "gouvernance", "--need", "mise en réseau")
        #expect(r.status == 0, "\(r.stderr)")
        let t = try TmuxSession(sandbox: box)
        t.waitFor(text: "75 / 75 offres")
        t.send("d")
        t.waitFor(text: "Les Jardins partagés")
        t.send("Enter")
        t.waitFor(text: "Aucune offre dans ce dossier.")
        t.send("P")
        t.waitFor(text: nb("Parcours proposé pour « Les Jardins partagés »"))
        t.waitFor(text: "Étape 2")
        t.send("d")
        t.waitFor(text: "ajoutées au dossier")
        t.send("Escape")
        t.waitFor(text: "À étudier (2)")
        t.send("q", "q", "q")
        #expect(t.exitStatus() == 0)
        let show = box.run("dossier", "show", "jardins")
        #expect(show.stdout.contains("Un consultant au conseil d’administration") && show.stdout.contains("Réseau des tiers-lieux ruraux"), "\(show.stdout)")
    }
}
