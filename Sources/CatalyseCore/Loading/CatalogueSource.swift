import Foundation

/// Which catalogue is in effect: `--catalogue FILE`, else the `CATALYSE_CATALOGUE` environment
/// variable, else the copy `catalyse update` keeps in `$XDG_DATA_HOME/catalyse/`, else the
/// catalogue embedded in the binary.
public enum CatalogueSource: Equatable, Sendable {
    case file(String)
    /// The copy brought by `catalyse update`.
    case updated(String)
    case embedded

    /// The name used in messages for the embedded catalogue.
    public static let embeddedName = "<catalogue intégré>"

    public static func resolve(option: String?, environment: [String: String]) -> CatalogueSource {
        if let option, !option.isEmpty { return .file(option) }
        if let env = environment["CATALYSE_CATALOGUE"], !env.isEmpty { return .file(env) }
        let updated = Updater.Paths(environment: environment).catalogue
        if FileManager.default.fileExists(atPath: updated) { return .updated(updated) }
        return .embedded
    }

    public var displayName: String {
        switch self {
        case .file(let path), .updated(let path): path
        case .embedded: CatalogueSource.embeddedName
        }
    }

    /// Loads the catalogue; `today` bounds the years it may name; a compiled file up to
    /// `mapAbove` bytes is read into memory rather than mapped. With `cache`, a YAML or JSON
    /// file (or a folder of sheets) goes through the compiled cache.
    /// `keeping`: what the loader keeps besides the model (`CatalogueLoader.Keeping`; not with `cache`).
    public func load(today: Day, mapAbove: Int = CatalogueLoader.Format.defaultMapAbove, cache: CompiledCache? = nil,
                     keeping: CatalogueLoader.Keeping = .modelAndIndex) throws -> CatalogueLoader.Loaded {
        switch self {
        case .file(let path): try cache.map { try $0.load(path: path, today: today, mapAbove: mapAbove) } ?? CatalogueLoader.load(path: path, today: today, mapAbove: mapAbove, keeping: keeping)
        case .updated(let path): try CatalogueLoader.load(path: path, today: today, mapAbove: mapAbove, keeping: keeping)
        case .embedded: try CatalogueLoader.load(bytes: EmbeddedCatalogue.bytes, file: CatalogueSource.embeddedName, today: today, keeping: keeping)
        }
    }
}

extension EmbeddedCatalogue {
    /// The embedded `data/catalogue.yaml`, byte for byte.
    public static var bytes: [UInt8] {
        [UInt8](Data(base64Encoded: base64, options: .ignoreUnknownCharacters) ?? Data())
    }
}
