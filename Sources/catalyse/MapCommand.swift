import ArgumentParser
import CatalyseCore
import Foundation

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: loc("Où sont les offres : une carte en tuiles des régions avec le nombre d'offres de chacune, pour les filtres donnés.", "Where the offers are: a tile map of the régions with the number of offers each, for the filters given."),
        discussion: loc("""
            Les nombres suivent tous les filtres sauf le territoire. Puis une ligne par région : \
            code, nom, nombre, séparés par des tabulations. Avec --json : {"regions": [{"code", \
            "name", "count", "departments": [{"code", "name", "count"}]}]}.

            Exemple :
              catalyse map --purpose strategique
            """, """
            The counts follow every filter but the territory. Then one line per région: code, name, count, \
            tab-separated. With --json: {"regions": [{"code", "name", "count", "departments": [{"code", "name", "count"}]}]}.

            Example:
              catalyse map --purpose strategique
            """))
    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: FilterOptions
    @Flag(name: .long, help: .loc("Imprimer du JSON.", "Print JSON.")) var json = false

    struct Entry: Encodable {
        struct Department: Encodable { var code: String; var name: String; var count: Int }
        var code: String, name: String, count: Int, departments: [Department]
    }

    func run() throws {
        let l = global.language
        var selection = try Selection(global, filters, counts: false)
        var filter = selection.filter
        filter.territories = []
        let loaded = try global.loadCatalogue()
        let counts = loaded.searchIndex().run(filter, counts: true).counts
        selection.filter = filter
        let byRegion = TileMap.regionCounts(counts)
        if json {
            let entries = Territories.regionCodes.map { code in
                Entry(code: "R" + code, name: Territories.regionNames[code] ?? code, count: byRegion[code] ?? 0,
                      departments: TileMap.departmentCounts(counts, region: code).map { .init(code: $0.department.code, name: $0.department.name, count: $0.count) })
            }
            try Output.json(l) { () throws(JSONOutput.EncodingError) in try JSONOutput.encode(["regions": entries]) }
            return
        }
        var out = TileMap.lines(counts: byRegion, language: l).joined(separator: "\n") + "\n\n"
        for code in Territories.regionCodes {
            out += "R\(code)\t\(Territories.regionNames[code] ?? code)\t\(byRegion[code] ?? 0)\n"
        }
        Output.out(out)
    }
}
