import Foundation
import Glibc

/// `catalyse update` (the user's side): fetches the publisher's manifest (conditionally), checks
/// its signature with the key the user gave (never one downloaded), refuses a downgrade,
/// downloads the announced file within its size, checks its SHA-256, opens it with the usual
/// checks, and only then puts it in place of the copy in use — atomically, keeping the previous
/// one for `--rollback`. Any failure leaves the copy in use as it was.
public enum Updater {
    /// Where the update keeps its files.
    public struct Paths: Sendable {
        /// `$XDG_CONFIG_HOME/catalyse/update.json`: the manifest's address and the public key.
        public var settings: String
        /// `$XDG_DATA_HOME/catalyse/`: the copy in use, its manifest, and the previous ones.
        public var catalogue: String, manifest: String, previousCatalogue: String, previousManifest: String
        /// `$XDG_CACHE_HOME/catalyse/update-http.json`: the manifest's ETag and Last-Modified.
        public var httpCache: String

        public init(environment: [String: String]) {
            let roots = StorePaths(environment: environment)
            settings = roots.config + "/update.json"
            catalogue = roots.data + "/catalogue.catalyse"
            manifest = roots.data + "/manifest.json"
            previousCatalogue = roots.data + "/catalogue.previous.catalyse"
            previousManifest = roots.data + "/manifest.previous.json"
            httpCache = roots.cache + "/update-http.json"
        }
    }

    public struct Settings: Codable, Equatable, Sendable {
        public var url: String
        /// The public key file's text, as given once.
        public var key: String
        public init(url: String, key: String) { self.url = url; self.key = key }
    }

    /// The manifest's validators, for the address and key they were fetched and checked with.
    struct HTTPCache: Codable { var url: String; var key: String; var etag: String?; var lastModified: String? }

    public enum Outcome: Sendable {
        /// Nothing new (a 304, or the same serial and file).
        case alreadyCurrent(Manifest?)
        /// The new copy is in use; `previous` is the one it replaced, if any.
        case updated(previous: Catalogue?, current: Catalogue, manifest: Manifest)
    }

    // MARK: Settings

    public static func settings(_ paths: Paths) -> Settings? {
        FileManager.default.contents(atPath: paths.settings).flatMap { try? JSONDecoder().decode(Settings.self, from: $0) }
    }

    public static func save(_ settings: Settings, _ paths: Paths) throws(PublicationError) {
        try write(Array(try encode(settings).utf8), to: paths.settings)
    }

    static func encode<T: Encodable>(_ value: T) throws(PublicationError) -> String {
        do { return try JSONOutput.encode(value) } catch { throw .unwritable(path: "json", reason: Label(fr: error.reason, en: error.reason)) }
    }

    static func write(_ bytes: [UInt8], to path: String) throws(PublicationError) {
        let folder = (path as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .unwritable(path: folder, reason: Label(fr: "impossible de créer le dossier", en: "cannot create the folder"))
        }
        if case .failure(let e) = AtomicFile.write(bytes, to: path, overwrite: true) { throw .unwritable(path: e.path, reason: Label(fr: e.problem.text(.fr), en: e.problem.text(.en))) }
    }

    static func read(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map([UInt8].init) }

    /// The manifest of the copy in use, when there is one.
    /// The last system error (`errno`), worded in both languages.
    public static func systemReason() -> Label {
        let problem = FileProblem.current
        return Label(fr: problem.text(.fr), en: problem.text(.en))
    }

    public static func currentManifest(_ paths: Paths) -> Manifest? {
        guard FileManager.default.fileExists(atPath: paths.catalogue), let bytes = read(paths.manifest) else { return nil }
        return try? Manifest.decode(bytes).get()
    }

    // MARK: Updating

    public static func update(_ settings: Settings, _ paths: Paths, timeouts: HTTPDownload.Timeouts, today: Day) throws(PublicationError) -> Outcome {
        guard let key = PublicationKey.publicKey(settings.key) else { throw .invalidKey(path: paths.settings) }
        guard let manifestURL = URL(string: settings.url), ["http", "https"].contains(manifestURL.scheme?.lowercased() ?? "") else {
            throw .invalidManifest(url: settings.url, reason: Label(fr: "pas une adresse http:// ou https://", en: "not an http:// or https:// address"))
        }
        let current = currentManifest(paths)
        var conditional: [String: String] = [:]
        if current != nil, let data = read(paths.httpCache), let cache = try? JSONDecoder().decode(HTTPCache.self, from: Data(data)), cache.url == settings.url, cache.key == settings.key {
            conditional["If-None-Match"] = cache.etag
            conditional["If-Modified-Since"] = cache.lastModified
        }
        let response = try HTTPDownload.get(manifestURL, headers: conditional, limit: 64 * 1024, timeouts: timeouts)
        if response.status == 304 { return .alreadyCurrent(current) }
        guard response.status == 200 else { throw .network(url: settings.url, problem: .status(response.status)) }
        let signatureURL = URL(string: manifestURL.absoluteString + ".sig")!
        let signature = try HTTPDownload.get(signatureURL, limit: 4096, timeouts: timeouts)
        guard signature.status == 200 else { throw .network(url: signatureURL.absoluteString, problem: .status(signature.status)) }
        guard Publisher.verify(response.body, signature: signature.body, key: key) else { throw .badSignature(url: settings.url) }
        let manifest: Manifest
        switch Manifest.decode(response.body) {
        case .success(let m): manifest = m
        case .failure(let reason): throw .invalidManifest(url: settings.url, reason: reason.text)
        }
        let cache = HTTPCache(url: settings.url, key: settings.key, etag: response.header("ETag"), lastModified: response.header("Last-Modified"))
        if let current {
            if manifest.serial < current.serial { throw .downgrade(offered: manifest.serial, current: current.serial) }
            if manifest.serial == current.serial {
                guard manifest.sha256 == current.sha256 else { throw .conflictingSerial(serial: manifest.serial) }
                try? write(Array(try encode(cache).utf8), to: paths.httpCache)
                return .alreadyCurrent(current)
            }
        }
        guard let fileURL = URL(string: manifest.file, relativeTo: manifestURL)?.absoluteURL else { throw .invalidManifest(url: settings.url, reason: Label(fr: "nom de fichier", en: "file name")) }
        let file = try HTTPDownload.get(fileURL, limit: manifest.size, timeouts: timeouts)
        guard file.status == 200 else { throw .network(url: fileURL.absoluteString, problem: .status(file.status)) }
        guard file.body.count == manifest.size else {
            throw .wrongFile(reason: Label(fr: "\(file.body.count) octets au lieu de \(manifest.size)", en: "\(file.body.count) bytes instead of \(manifest.size)"))
        }
        guard Manifest.sha256(file.body) == manifest.sha256 else {
            throw .wrongFile(reason: Label(fr: "son SHA-256 n'est pas celui du manifeste", en: "its SHA-256 is not the manifest's"))
        }
        // Opened with every check, from a file beside the copy in use, before anything moves.
        let incoming = (paths.catalogue as NSString).deletingLastPathComponent + "/catalogue.incoming-\(getpid()).catalyse"
        defer { unlink(incoming) }
        try write(file.body, to: incoming)
        let loaded: CatalogueLoader.Loaded
        do { loaded = try CatalogueLoader.load(path: incoming, today: today) } catch let e as CatalogueError {
            let first = e.errors.first
            throw .invalidCatalogue(reason: Label(fr: first.map { $0.french ?? $0.message } ?? "endommagé", en: first?.message ?? "damaged"))
        } catch let e as CatalogueLoader.ReadError {
            switch e {
            case .notFound: throw .invalidCatalogue(reason: Label(fr: "fichier introuvable", en: "file not found"))
            case .unreadable(_, let problem): throw .invalidCatalogue(reason: Label(fr: problem.text(.fr), en: problem.text(.en)))
            }
        } catch { throw .invalidCatalogue(reason: Label(fr: "erreur inattendue", en: "unexpected error")) }
        guard loaded.catalogue.offers.count == manifest.offers, loaded.catalogue.firms.count == manifest.firms else {
            throw .invalidCatalogue(reason: Label(fr: "le nombre d'offres ou de cabinets diffère de celui du manifeste", en: "offer or firm count differs from the manifest"))
        }
        let previous = current != nil ? (try? CatalogueLoader.load(path: paths.catalogue, today: today))?.catalogue : nil
        try install(incoming, manifest: response.body, paths: paths, keepPrevious: current != nil)
        try? write(Array(try encode(cache).utf8), to: paths.httpCache)
        return .updated(previous: previous, current: loaded.catalogue, manifest: manifest)
    }

    /// Puts the checked file in place. At every moment the copy in use is the old one or the
    /// new one, whole: the old one is linked to its previous name first, then the new one is
    /// renamed over it; the manifest follows.
    static func install(_ incoming: String, manifest: [UInt8], paths: Paths, keepPrevious: Bool) throws(PublicationError) {
        func fail(_ path: String) -> PublicationError { .unwritable(path: path, reason: Updater.systemReason()) }
        if keepPrevious {
            let staging = paths.previousCatalogue + ".new-\(getpid())"
            unlink(staging)
            guard link(paths.catalogue, staging) == 0 else { throw fail(paths.previousCatalogue) }
            guard Glibc.rename(staging, paths.previousCatalogue) == 0 else { unlink(staging); throw fail(paths.previousCatalogue) }
            if let old = read(paths.manifest) { try write(old, to: paths.previousManifest) }
        }
        guard Glibc.rename(incoming, paths.catalogue) == 0 else { throw fail(paths.catalogue) }
        try write(manifest, to: paths.manifest)
    }

    /// Goes back to the copy the last update replaced.
    public static func rollback(_ paths: Paths) throws(PublicationError) -> Manifest? {
        guard FileManager.default.fileExists(atPath: paths.previousCatalogue) else { throw .nothingToRollBack }
        guard Glibc.rename(paths.previousCatalogue, paths.catalogue) == 0 else { throw .unwritable(path: paths.catalogue, reason: Updater.systemReason()) }
        if let old = read(paths.previousManifest) {
            try write(old, to: paths.manifest)
            unlink(paths.previousManifest)
        }
        unlink(paths.httpCache)
        return currentManifest(paths)
    }
}
