/// Where an export goes, from the dialog's « Fichier » and « Dossier » lines, as a shell would
/// read them: `~` and `~/…` are the home folder, a name starting with `/` is used as typed, any
/// other name goes in the folder (itself relative to the folder `catalyse` started from when it
/// is not absolute). Pure: the home folder and the starting folder are given.
enum ExportPath {
    /// `~` and `~/…` with the home folder (`~user/…` is left as written); other paths as they are.
    static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty else { return path }
        let trimmedHome = home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
        if path == "~" { return trimmedHome }
        if path.hasPrefix("~/") { return join(trimmedHome, String(path.dropFirst(2))) }
        return path
    }

    /// Whether a file name says its own folder (absolute, or from the home folder).
    static func isRooted(_ name: String) -> Bool {
        name.hasPrefix("/") || name == "~" || name.hasPrefix("~/")
    }

    /// The folder a folder line means: expanded, and relative to `base` when not absolute
    /// (empty: `base` itself).
    static func folder(_ folder: String, base: String, home: String?) -> String {
        let f = expandingTilde(folder.trimmingCharacters(in: .whitespaces), home: home)
        if f.isEmpty { return base }
        if f.hasPrefix("/") || base.isEmpty { return f }
        return join(base, f)
    }

    /// The path of the file: the name alone when it is rooted, else the name in the folder.
    static func resolve(name: String, folder folderText: String, base: String, home: String?) -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        if isRooted(name) { return expandingTilde(name, home: home) }
        let f = folder(folderText, base: base, home: home)
        return f.isEmpty ? name : join(f, name)
    }

    /// The two parts of a typed name that holds a folder (`~/docs/a.md` → `~/docs`, `a.md`;
    /// `/a.md` → `/`, `a.md`); nil when it holds none.
    static func split(_ name: String) -> (folder: String, file: String)? {
        let name = name.trimmingCharacters(in: .whitespaces)
        if name == "~" { return ("~", "") }
        guard let slash = name.lastIndex(of: "/") else { return nil }
        let file = String(name[name.index(after: slash)...])
        var folder = String(name[..<slash])
        if folder.isEmpty { folder = "/" }
        return (folder, file)
    }

    /// `a` and `b` with one slash between them.
    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }
}
