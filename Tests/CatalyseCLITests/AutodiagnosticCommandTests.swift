import Foundation
import Testing

/// `catalyse autodiagnostic --answers FILE` and `catalyse parcours --answers FILE` as a user
/// runs them: the reading and the ranked offers, errors placed in the file, exit statuses.
@Suite("Self-assessment command line")
struct AutodiagnosticCommandTests {
    static let example = Spawn.packageRoot + "/docs/examples/answers.yaml"

    @Test func theExampleAnswers() {
        let box = Sandbox()
        let r = box.run("autodiagnostic", "--answers", Self.example)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Autodiagnostic\n──────────────\n\n" + nb("Votre besoin relève d'un accompagnement à finalité opérationnelle")))
        #expect(r.stdout.contains("1. Réseau associatif de Haute-Corse — Cyprès & Cigale Conseil"))
        #expect(r.stdout.contains(nb("✓ Territoire : couvre Haute-Corse (2B)")))
        let en = box.run("autodiagnostic", "--answers", Self.example, "--lang", "en", "--limit", "1")
        #expect(en.stdout.contains("Your need is for operational support (networking and communication).") && en.stdout.contains("1 more offer fits too (--limit)."))
    }

    @Test func jsonCarriesEveryOfferWithItsReasons() throws {
        let box = Sandbox()
        let r = box.run("autodiagnostic", "--answers", Self.example, "--json")
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let offers = try #require(json["offers"] as? [[String: Any]])
        #expect(offers.first?["offer"] as? String == "cypres-et-cigale-mise-en-reseau")
        #expect(offers.contains { $0["suitable"] as? Bool == false })
        let reasons = try #require(offers.first?["reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["criterion"] as? String } == ["territory", "eligibility", "need", "format", "mode"])
        #expect((json["profile"] as? [String: Any])?["territory"] as? String == "2B")
    }

    @Test func badAnswersAreNamedInTheFile() {
        let box = Sandbox()
        let path = box.write("reponses.yaml", "lieu: atlantide\nstade: [idee, debut]\n")
        let r = box.run("autodiagnostic", "--answers", path)
        #expect(r.status == 65)
        // In the user's language, lines and summary alike.
        #expect(r.stderr.contains(nb("reponses.yaml:1:7: lieu : lieu inconnu « atlantide »")), "\(r.stderr)")
        #expect(r.stderr.contains(nb("reponses.yaml:2:8: stade : une seule réponse attendue, 2 trouvées")), "\(r.stderr)")
        #expect(r.stderr.contains(nb("reponses.yaml : 2 erreurs, réponses refusées.")))
        let en = box.run("autodiagnostic", "--answers", path, "--lang", "en")
        #expect(en.stderr.contains("reponses.yaml:1:7: lieu: unknown place 'atlantide'"), "\(en.stderr)")
        #expect(en.stderr.contains("reponses.yaml:2:8: stade: takes one answer, found 2"))
        #expect(en.stderr.contains("reponses.yaml: 2 errors, answers refused."))
        #expect(box.run("autodiagnostic", "--answers", box.directory + "/absent.yaml").status == 66)
        #expect(box.run("autodiagnostic", "--json").status == 64)
        // Without a terminal, the questions cannot be asked: said, with what to do.
        let noTerminal = box.run("autodiagnostic")
        #expect(noTerminal.status == 64 && noTerminal.stderr.contains("--answers FICHIER"), "\(noTerminal.stderr)")
    }

    @Test func anotherQuestionnaire() {
        let box = Sandbox()
        let q = box.write("q.yaml", """
            questionnaire: {name: {fr: Court, en: Short}}
            questions:
              - id: ou
                type: place
                question: {fr: "Où ?", en: "Where?"}
              - id: besoin
                type: one
                question: {fr: "Quoi ?", en: "What?"}
                answers:
                  - {id: gouv, text: {fr: Gouvernance, en: Governance}, needs: {gouvernance: 1}}
                  - {id: rien, text: {fr: Rien, en: Nothing}}
            """)
        let a = box.write("a.yaml", "ou: 59\nbesoin: gouv\n")
        let r = box.run("autodiagnostic", "--questionnaire", q, "--answers", a)
        #expect(r.status == 0 && r.stdout.contains("finalité stratégique (gouvernance)"), "\(r.stderr)")
        let bad = box.write("bad.yaml", "questionnaire: {name: {fr: X}}\nquestions: []\n")
        let e = box.run("autodiagnostic", "--questionnaire", bad, "--answers", a)
        #expect(e.status == 65 && e.stderr.contains(nb("bad.yaml:1:23: questionnaire.name.en : champ obligatoire absent")), "\(e.stderr)")
        let en = box.run("autodiagnostic", "--questionnaire", bad, "--answers", a, "--lang", "en")
        #expect(en.stderr.contains("bad.yaml:1:23: questionnaire.name.en: missing required field"), "\(en.stderr)")
    }

    @Test func aPathwayFromAnswers() {
        let box = Sandbox()
        let r = box.run("parcours", "--answers", Spawn.packageRoot + "/Tests/CatalyseCoreTests/Fixtures/personas/03-tiers-lieu-lyon.yaml", "--json")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"offer\" : \"sextant-et-tilleul-administrateurs-distance\"") || r.stdout.contains("\"offer\":\"sextant-et-tilleul-administrateurs-distance\""), "\(r.stdout)")
        let empty = box.write("vide.yaml", "lieu: 59\n")
        #expect(box.run("parcours", "--answers", empty).status == 64)
        #expect(box.run("parcours", "--answers", empty, "--dossier", "x").status == 64)
    }
}
