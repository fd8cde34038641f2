import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The header says which catalogue is in effect (a file, the updated copy, the built-in one)
/// after its date, when the room allows; otherwise it goes first, before the name is cut.
@Suite struct CatalogueOriginTests {
    @Test(arguments: [
        (CatalogueOrigin.embedded, Language.fr, "catalogue intégré"),
        (.embedded, .en, "built-in catalogue"),
        (.updated(serial: 7), .fr, "copie mise à jour, n° 7"),
        (.updated(serial: 7), .en, "updated copy, no. 7"),
        (.updated(serial: nil), .fr, "copie mise à jour"),
        (.file("annuaire.yaml"), .fr, "fichier annuaire.yaml"),
        (.file("annuaire.yaml"), .en, "file annuaire.yaml"),
    ])
    func headerNamesTheOrigin(origin: CatalogueOrigin, language: Language, said: String) {
        var d = Driver(language: language, width: 160)
        d.state.origin = origin
        let header = d.trimmed(0)
        let date = language == .fr ? "mis à jour le 20 novembre 2026" : "updated 20 November 2026"
        #expect(header.contains(date + " · " + said), "\(header)")
    }

    @Test func aNarrowerHeaderCutsTheNameBeforeTheOrigin() {
        var d = Driver(language: .fr, width: 110)
        d.state.origin = .updated(serial: 3)
        #expect(d.trimmed(0).contains("… · 2026-11-20 · copie mise à jour, n° 3"), "\(d.trimmed(0))")
        #expect(d.trimmed(0).hasSuffix("7 / 7 offres"))
    }

    @Test func withoutRoomTheOriginGoesFirst() {
        var d = Driver(language: .fr, width: 80)
        d.state.origin = .embedded
        let without = Driver(language: .fr, width: 80)
        #expect(!d.trimmed(0).contains("intégré"))
        #expect(d.trimmed(0) == without.trimmed(0))
    }

    @Test func controlCharactersInAFileNameNeverReachTheScreen() {
        var d = Driver(language: .en, width: 160)
        d.state.origin = CatalogueOrigin(.file("/tmp/evil\u{1B}[31m.yaml"), serial: nil)
        #expect(!d.trimmed(0).contains("\u{1B}"))
        #expect(d.trimmed(0).contains("file evil"))
    }

    @Test func fromTheSource() {
        #expect(CatalogueOrigin(.file("/srv/data/catalogue.yaml"), serial: 3) == .file("catalogue.yaml"))
        #expect(CatalogueOrigin(.file("sheets/"), serial: nil) == .file("sheets"))
        #expect(CatalogueOrigin(.updated("/x/catalogue.catalyse"), serial: 3) == .updated(serial: 3))
        #expect(CatalogueOrigin(.embedded, serial: nil) == .embedded)
    }
}
