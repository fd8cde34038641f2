import CatalyseCore

/// A code value typed on the command line (`--purpose`, `--format`, `--kind`, `--theme`,
/// `--stage`, `--budget`, `--mode`, `--employer`, `--audience`, a dossier's `--need`…): its
/// code, its French or English label in any case, with or without accents (`stratégique`,
/// `Stratégique`, `strategic`), or a unique beginning of a word of it (`mecenat`), as
/// `CodedFacet.resolve` reads it from the facet table. Several fit: the candidates are listed;
/// none: the nearest values are suggested (« vouliez-vous dire … »), else every code.
enum CodedValues {
    static func typed(_ raw: String, facet: CodedFacet, option: String) throws -> String {
        // The code itself, the common case, costs no folding (20,000 repetitions of --kind).
        if let ordinal = facet.ordinal(of: raw.trimmingCharacters(in: .whitespaces)) { return facet.values[ordinal].code }
        let shown = TextCleaning.forDisplay(raw)
        switch facet.resolve(raw) {
        case .found(let ordinal):
            return facet.values[ordinal].code
        case .ambiguous(let ordinals):
            let fr = ordinals.map { "\(facet.values[$0].code) (\(facet.values[$0].label.fr))" }.joined(separator: ", ")
            let en = ordinals.map { "\(facet.values[$0].code) (\(facet.values[$0].label.en))" }.joined(separator: ", ")
            throw Output.usage(fr: "« \(shown) » pour --\(option) convient à plusieurs valeurs : \(fr). Précisez.",
                               en: "'\(shown)' for --\(option) fits several values: \(en). Say which.")
        case .unknown:
            let near = nearest(raw, facet)
            if near.isEmpty {
                throw Output.usage(fr: "valeur inconnue « \(shown) » pour --\(option) ; valeurs possibles : \(facet.codeList).",
                                   en: "unknown value '\(shown)' for --\(option); accepted values: \(facet.codeList).")
            }
            throw Output.usage(fr: "valeur inconnue « \(shown) » pour --\(option)" + Nearest.didYouMean(near, .fr),
                               en: "unknown value '\(shown)' for --\(option)" + Nearest.didYouMean(near, .en))
        }
    }

    /// The codes nearest to what was typed, by its code or either label.
    static func nearest(_ raw: String, _ facet: CodedFacet) -> [String] {
        var names: [String: String] = [:]  // a name → its code
        for v in facet.values {
            for name in [v.code, v.label.fr, v.label.en] where names[name] == nil { names[name] = v.code }
        }
        var seen = Set<String>()
        return Suggestions.nearest(raw, among: Array(names.keys).sorted()).compactMap { names[$0] }.filter { seen.insert($0).inserted }
    }
}
