import Crypto
import Foundation

/// Publishing (the curator's side): a validated catalogue compiled into `SITE/catalogue.catalyse`,
/// its manifest `SITE/manifest.json` and the manifest's Ed25519 signature
/// `SITE/manifest.json.sig`, for any static web host. The catalogue is written first, then the
/// signature, then the manifest: a user fetching in between gets a manifest whose signature or
/// file does not match, and keeps the copy in use.
public enum Publisher {
    public static let manifestName = "manifest.json"
    public static let signatureName = "manifest.json.sig"

    /// Publishes `index`'s catalogue in `site` with `key`; the serial is one more than the last
    /// publication found in `site`, or `serial` when given (it must be above it).
    public static func publish(_ index: SearchIndex, key: Curve25519.Signing.PrivateKey, site: String, serial: Int?) throws(PublicationError) -> Manifest {
        do { try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true) } catch {
            throw .unwritable(path: site, reason: Label(fr: "impossible de créer le dossier", en: "cannot create the folder"))
        }
        let last = FileManager.default.contents(atPath: site + "/" + manifestName).flatMap { try? Manifest.decode([UInt8]($0)).get() }?.serial ?? 0
        if let serial, serial <= last { throw .serialNotAbove(given: serial, last: last) }
        let bytes = CompiledWriter.compile(index)
        let c = index.catalogue
        let manifest = Manifest(name: c.name, updated: c.updated.description, serial: serial ?? last + 1, size: bytes.count,
                                sha256: Manifest.sha256(bytes), firms: c.firms.count, offers: c.offers.count)
        let manifestBytes: [UInt8]
        do { manifestBytes = try manifest.encoded() } catch { throw .unwritable(path: site + "/" + manifestName, reason: Label(fr: error.reason, en: error.reason)) }
        let signature: Data
        do { signature = try key.signature(for: manifestBytes) } catch { throw .unwritable(path: site + "/" + signatureName, reason: Label(fr: "la signature n'a pas pu être calculée", en: "the signature could not be computed")) }
        for (name, content) in [(manifest.file, bytes), (signatureName, Array((signature.base64EncodedString() + "\n").utf8)), (manifestName, manifestBytes)] {
            if case .failure(let e) = AtomicFile.write(content, to: site + "/" + name, overwrite: true) { throw .unwritable(path: e.path, reason: Label(fr: e.problem.text(.fr), en: e.problem.text(.en))) }
        }
        return manifest
    }

    /// Whether `signature` (the `.sig` file's text: base64) signs `manifest` with `key`.
    public static func verify(_ manifest: [UInt8], signature: [UInt8], key: Curve25519.Signing.PublicKey) -> Bool {
        guard let text = String(bytes: signature, encoding: .utf8), let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return false }
        return key.isValidSignature(raw, for: manifest)
    }
}
