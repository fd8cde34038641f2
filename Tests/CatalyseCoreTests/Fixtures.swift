import Foundation
@testable import CatalyseCore

/// Small catalogues written in the tests, and helpers to load them.
enum Fixtures {
    /// The package root (for data/catalogue.yaml).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let today = Day(year: 2026, month: 11, day: 26)!

    /// One firm with the given offers (YAML text of each offer, indented by 6).
    static func catalogue(firms: [String]) -> String {
        """
        catalogue:
          name: Catalogue de test
          updated: 2026-11-20
          illustrative: true
        firms:
        \(firms.joined(separator: "\n"))
        """
    }

    static func firm(id: String = "cabinet-test", name: String = "Cabinet Test", offers: [String]) -> String {
        """
          - id: \(id)
            name: \(name)
            presentation: Cabinet fictif.
            headquarters: 59
            website: https://www.test.example.org
            contact:
              name: Claire Test
              email: contact@test.example.org
            joined: 2012
            provenance:
              source: Fiche fictive
              verified: 2026-11-20
            offers:
        \(offers.joined(separator: "\n"))
        """
    }

    static func offer(id: String = "offre-test", title: String = "Diagnostic stratégique partagé",
                      format: String = "mecenat-competences", purpose: String = "strategique",
                      kinds: String = "[conseil-strategie]", themes: String = "[accompagnement-strategique]",
                      territories: String = "[R32]", mode: String = "presentiel", extra: String = "",
                      summary: String = "Un regard extérieur sur le projet associatif.",
                      description: String = "Trois ateliers avec le conseil d'administration.") -> String {
        var text = """
              - id: \(id)
                title: \(title)
                summary: \(summary)
                description: \(description)
                format: \(format)
                purpose: \(purpose)
                kinds: \(kinds)
                themes: \(themes)
                territories: \(territories)
                mode: \(mode)
                audience: [individuel]
                duration: trois mois
                apply: Écrire au cabinet.
        """
        if !extra.isEmpty { text += "\n" + extra }
        return text
    }

    static func load(_ yaml: String, file: String = "test.yaml") throws -> CatalogueLoader.Loaded {
        try CatalogueLoader.load(yaml: yaml, file: file, today: today)
    }

    /// The diagnostics of a file that must fail to load.
    static func errors(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try load(yaml)
            return []
        } catch let e as CatalogueError {
            return e.errors
        } catch {
            return []
        }
    }

    /// The shipped catalogue, read from `data/catalogue.yaml` (the embedded copy if the file
    /// cannot be read: the tests that need the file itself say so).
    static var shipped: Catalogue {
        if let loaded = try? CatalogueLoader.load(path: root + "/data/catalogue.yaml", today: Fixtures.today) { return loaded.catalogue }
        return (try? CatalogueSource.embedded.load(today: Fixtures.today).catalogue) ?? Catalogue(name: "", updated: Fixtures.today, illustrative: true, firms: [], offers: [])
    }

    /// A new temporary folder (mkdtemp, no `try!`; a failure shows as a missing folder).
    static func tempDirectory() -> String {
        var template = Array((NSTemporaryDirectory() + "catalyse-test-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            return NSTemporaryDirectory() + "catalyse-test-" + UUID().uuidString
        }
        return String(cString: made)
    }
}
