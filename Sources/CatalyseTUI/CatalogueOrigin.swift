import CatalyseCore

/// Which catalogue the interface shows, as the header names it: a file given with `--catalogue`
/// or `CATALYSE_CATALOGUE`, the copy `catalyse update` brought, or the one built into the
/// program. The executable works it out from `CatalogueSource`; the interface only words it.
public enum CatalogueOrigin: Equatable, Sendable {
    /// A file or folder: its last path component (cleaned before display).
    case file(String)
    /// The updated copy, with the publication's serial number when its manifest is readable.
    case updated(serial: Int?)
    case embedded

    /// The source in effect, as `catalyse --version` also says it.
    public init(_ source: CatalogueSource, serial: Int?) {
        switch source {
        case .file(let path):
            let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            self = .file(trimmed.split(separator: "/").last.map(String.init) ?? trimmed)
        case .updated: self = .updated(serial: serial)
        case .embedded: self = .embedded
        }
    }
}
