import Crypto
import Foundation

/// What goes wrong when publishing or updating, worded in both languages; each case maps to
/// an exit status of the command line.
public enum PublicationError: Error, Equatable, Sendable {
    /// A key file that cannot be read or is not a key (exit 66 or 65).
    case unreadableKey(path: String, reason: FileProblem)
    case invalidKey(path: String)
    /// A file that could not be written (exit 73).
    case unwritable(path: String, reason: Label)
    /// `--serial` not above the last publication found in the site (exit 64).
    case serialNotAbove(given: Int, last: Int)
    /// No update address or key known yet (exit 64).
    case notConfigured
    /// The network: host unreachable, timeout, HTTP status, redirect loop, size (exit 69, EX_UNAVAILABLE).
    case network(url: String, problem: NetworkProblem)
    /// The manifest's signature does not verify with the publisher's key (exit 65).
    case badSignature(url: String)
    /// A manifest that is not one (exit 65).
    case invalidManifest(url: String, reason: Label)
    /// The publication is older than the copy in use (exit 65).
    case downgrade(offered: Int, current: Int)
    /// Same serial as the copy in use, different file (exit 65).
    case conflictingSerial(serial: Int)
    /// The file downloaded is not the one the manifest announced (exit 65).
    case wrongFile(reason: Label)
    /// The file downloaded does not open as a catalogue (exit 65).
    case invalidCatalogue(reason: Label)
    /// `--rollback` with no previous copy (exit 1).
    case nothingToRollBack

    public enum NetworkProblem: Equatable, Sendable {
        case unreachable(Label)
        case timeout
        case status(Int)
        case redirectLoop
        case tooLarge(limit: Int)
        case truncated(expected: Int, got: Int)
        /// libcurl, which downloads, cannot be loaded (not installed).
        case libcurlMissing
    }

    public func message(_ language: Language) -> String {
        let fr = language == .fr
        func show(_ s: String) -> String { TextCleaning.forDisplay(s) }
        switch self {
        case let .unreadableKey(path, reason):
            return fr ? "Impossible de lire la clé \(show(path)) : \(reason.text(.fr))." : "Cannot read the key \(show(path)): \(reason.text(.en))."
        case let .invalidKey(path):
            return fr ? "\(show(path)) n'est pas une clé de publication Catalyse (catalyse keygen en écrit une)." : "\(show(path)) is not a Catalyse publication key (catalyse keygen writes one)."
        case let .unwritable(path, reason):
            return fr ? "Impossible d'écrire \(show(path)) : \(reason.fr)." : "Cannot write \(show(path)): \(reason.en)."
        case let .serialNotAbove(given, last):
            return fr ? "Le numéro de publication \(given) n'est pas supérieur à celui de la dernière publication du site (\(last))." : "The publication serial \(given) is not above the site's last publication (\(last))."
        case .notConfigured:
            return fr ? "Aucune adresse de mise à jour n'est connue : donnez une première fois l'adresse du manifeste et la clé publique (catalyse update URL --key FICHIER.pub)."
                      : "No update address is known yet: give the manifest's address and the public key once (catalyse update URL --key FILE.pub)."
        case let .network(url, problem):
            let what: String
            switch problem {
            case .unreachable(let reason): what = fr ? "serveur injoignable (\(reason.fr))" : "server unreachable (\(reason.en))"
            case .timeout: what = fr ? "délai dépassé" : "timed out"
            case .status(let code): what = fr ? "le serveur répond \(code)" : "the server answers \(code)"
            case .redirectLoop: what = fr ? "trop de redirections" : "too many redirections"
            case .tooLarge(let limit): what = fr ? "réponse plus grande que les \(limit) octets annoncés" : "response larger than the \(limit) bytes announced"
            case let .truncated(expected, got): what = fr ? "réponse tronquée (\(got) octets sur \(expected))" : "response cut short (\(got) of \(expected) bytes)"
            case .libcurlMissing: what = fr ? "la bibliothèque libcurl ne peut pas être chargée (installez le paquet libcurl4)" : "the libcurl library cannot be loaded (install the libcurl4 package)"
            }
            return (fr ? "Téléchargement de \(show(url)) impossible : \(what)" : "Cannot download \(show(url)): \(what)") + Unchanged.tail(fr)
        case let .badSignature(url):
            return (fr ? "La signature de \(show(url)) ne correspond pas à la clé de l'éditeur : publication refusée" : "The signature of \(show(url)) does not match the publisher's key: publication refused") + Unchanged.tail(fr)
        case let .invalidManifest(url, reason):
            return (fr ? "\(show(url)) n'est pas un manifeste valide (\(reason.fr))" : "\(show(url)) is not a valid manifest (\(reason.en))") + Unchanged.tail(fr)
        case let .downgrade(offered, current):
            return (fr ? "La publication proposée (n° \(offered)) est plus ancienne que la copie utilisée (n° \(current)) : refusée" : "The publication offered (no. \(offered)) is older than the copy in use (no. \(current)): refused") + Unchanged.tail(fr)
        case let .conflictingSerial(serial):
            return (fr ? "La publication n° \(serial) proposée diffère de la copie utilisée qui porte le même numéro : refusée" : "The publication no. \(serial) offered differs from the copy in use with the same number: refused") + Unchanged.tail(fr)
        case let .wrongFile(reason):
            return (fr ? "Le fichier téléchargé n'est pas celui qu'annonce le manifeste (\(reason.fr))" : "The file downloaded is not the one the manifest announces (\(reason.en))") + Unchanged.tail(fr)
        case let .invalidCatalogue(reason):
            return (fr ? "Le catalogue téléchargé ne s'ouvre pas (\(show(reason.fr)))" : "The catalogue downloaded does not open (\(show(reason.en)))") + Unchanged.tail(fr)
        case .nothingToRollBack:
            return fr ? "Aucune copie précédente à rétablir." : "No previous copy to go back to."
        }
    }
}

/// The end of every failed update's message: nothing changed.
enum Unchanged {
    static func tail(_ fr: Bool) -> String { fr ? " ; le catalogue utilisé n'a pas changé." : "; the catalogue in use is unchanged." }
}

/// The publisher's Ed25519 key pair, as two text files: a first line naming the kind of key,
/// then its 32 bytes in base64. The private key file is written 0600.
public enum PublicationKey {
    static let privateHeader = "catalyse-publication-private-key-v1"
    static let publicHeader = "catalyse-publication-public-key-v1"

    /// A new pair: the private key file's text and the public key file's text.
    public static func generate() -> (privateKey: String, publicKey: String) {
        let key = Curve25519.Signing.PrivateKey()
        return (privateHeader + "\n" + key.rawRepresentation.base64EncodedString() + "\n",
                publicHeader + "\n" + key.publicKey.rawRepresentation.base64EncodedString() + "\n")
    }

    static func body(_ text: String, header: String) -> Data? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count == 2, lines[0] == header, let data = Data(base64Encoded: lines[1]), data.count == 32 else { return nil }
        return data
    }

    public static func privateKey(_ text: String) -> Curve25519.Signing.PrivateKey? {
        body(text, header: privateHeader).flatMap { try? Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
    }

    public static func publicKey(_ text: String) -> Curve25519.Signing.PublicKey? {
        body(text, header: publicHeader).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
    }

    /// A short fingerprint to show (the first 16 hex digits of the key's SHA-256).
    public static func fingerprint(_ key: Curve25519.Signing.PublicKey) -> String {
        String(Hex.string(SHA256.hash(data: key.rawRepresentation)).prefix(16))
    }

    /// Reads a key file (at most 4 KiB).
    public static func read(_ path: String) throws(PublicationError) -> String {
        let bytes: [UInt8]
        switch InputFile.read(path, limit: 4096, links: .follow) {
        case .success(let b): bytes = b
        case .failure(.problem(.tooLarge)): throw .invalidKey(path: path)
        case .failure(let failure): throw .unreadableKey(path: path, reason: failure.reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidKey(path: path) }
        return text
    }
}

/// The manifest a publication describes itself with: signed, fetched first, it says which
/// file to fetch, how large it is, its SHA-256, and a serial that only grows.
public struct Manifest: Codable, Equatable, Sendable {
    public static let formatName = "catalyse-manifest"
    public var format: String = Manifest.formatName
    public var version: Int = 1
    public var name: String
    public var updated: String
    public var serial: Int
    /// The compiled catalogue's file name, beside the manifest.
    public var file: String
    public var size: Int
    public var sha256: String
    public var firms: Int
    public var offers: Int

    public init(name: String, updated: String, serial: Int, file: String = "catalogue.catalyse", size: Int, sha256: String, firms: Int, offers: Int) {
        self.name = name; self.updated = updated; self.serial = serial; self.file = file; self.size = size
        self.sha256 = sha256; self.firms = firms; self.offers = offers
    }

    /// The bytes that are written, signed and verified.
    public func encoded() throws(JSONOutput.EncodingError) -> [UInt8] { Array(try JSONOutput.encode(self).utf8) }

    /// A manifest read back, checked: its kind and version, a plain file name, a size within
    /// the compiled format's limit, a hex SHA-256, a positive serial.
    public static func decode(_ bytes: [UInt8]) -> Result<Manifest, InvalidReason> {
        guard let m = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)) else { return .failure(InvalidReason("pas un manifeste JSON", "not a JSON manifest")) }
        guard m.format == formatName else { return .failure(InvalidReason("le format n'est pas \(formatName)", "format is not \(formatName)")) }
        guard m.version == 1 else { return .failure(InvalidReason("la version \(m.version) n'est pas lue par ce catalyse", "version \(m.version) is not read by this catalyse")) }
        guard !m.file.isEmpty, !m.file.contains("/"), !m.file.contains(".."), m.file.hasSuffix(".catalyse") else { return .failure(InvalidReason("nom de fichier", "file name")) }
        guard m.size > 0, m.size <= CatalogueLoader.Format.compiled.sizeLimit else { return .failure(InvalidReason("taille", "size")) }
        guard m.sha256.count == 64, m.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return .failure(InvalidReason("sha256", "sha256")) }
        guard m.serial >= 1 else { return .failure(InvalidReason("numéro de publication", "serial")) }
        return .success(m)
    }

    public struct InvalidReason: Error, Equatable, Sendable {
        public var text: Label
        init(_ fr: String, _ en: String) { self.text = Label(fr: fr, en: en) }
    }

    static func sha256(_ bytes: [UInt8]) -> String { Hex.string(SHA256.hash(data: bytes)) }
}
