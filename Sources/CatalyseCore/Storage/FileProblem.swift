import Glibc

/// What a file path names, as far as reading and writing it is concerned.
public enum FileKind: Sendable, Equatable {
    case regular, folder, symbolicLink, namedPipe, pipe, characterDevice, blockDevice, socket

    /// The kind of a `stat` mode (`pipe` for every FIFO: whether it is named is asked apart).
    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .namedPipe
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .socket
        }
    }

    /// "un dossier" / "a folder": what the path is, in a sentence.
    public func described(_ language: Language) -> String {
        switch self {
        case .regular: Label(fr: "un fichier", en: "a file").text(language)
        case .folder: Label(fr: "un dossier", en: "a folder").text(language)
        case .symbolicLink: Label(fr: "un lien symbolique", en: "a symbolic link").text(language)
        case .namedPipe: Label(fr: "un tube nommé (FIFO)", en: "a named pipe (FIFO)").text(language)
        case .pipe: Label(fr: "un tube", en: "a pipe").text(language)
        case .characterDevice, .blockDevice: Label(fr: "un périphérique", en: "a device").text(language)
        case .socket: Label(fr: "une socket", en: "a socket").text(language)
        }
    }
}

/// Why a file could not be read or written, worded in either language when shown. The
/// system's errors keep their number and are worded here (the C library's texts are English
/// only), so that a French sentence never ends in English.
public enum FileProblem: Error, Sendable, Equatable, ExpressibleByStringLiteral {
    /// An error of the system (`errno`).
    case system(Int32)
    /// Words given as they are (tests, and texts that are already in the right language).
    case described(String)
    /// Words given in both languages.
    case worded(Label)
    /// The path names something that is not a regular file (a folder, a link, a FIFO…).
    case notAFile(FileKind)
    /// The file is larger than the limit for what it holds (both in bytes).
    case tooLarge(size: Int?, limit: Int)
    /// The folder the file goes in does not exist (or is not a folder).
    case missingFolder(String)
    /// The file exists and was not to be replaced.
    case exists
    /// The lock beside a state file cannot be taken: its path, and why.
    case lock(String, Int32)
    /// The file was truncated or rewritten while it was being read.
    case changedWhileRead
    /// The name given can only be a folder's (it ends in `/`, or is `.`).
    case namesAFolder
    /// A folder that had to be made could not be.
    case folderNotCreated(String)
    /// An SQLite error: its primary result code (worded from a table in either language), and
    /// SQLite's own message, English only, kept for the English wording.
    case database(code: Int32, message: String?)
    /// SQLite's integrity check found problems: how many, and the first one (English only).
    case integrity(problems: Int, first: String)

    public init(stringLiteral value: String) { self = .described(value) }

    /// The current `errno`.
    public static var current: FileProblem { .system(errno) }

    public func text(_ language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .system(let code):
            return FileProblem.words(code, language)
        case .described(let words):
            return words
        case .worded(let label):
            return label.text(language)
        case .notAFile(let kind):
            return fr ? "c'est \(kind.described(.fr)), pas un fichier ordinaire" : "it is \(kind.described(.en)), not a regular file"
        case .tooLarge(let size, let limit):
            guard let size else {
                let limitText = FileProblem.size(limit, language)
                return fr ? "il dépasse la limite de \(limitText)" : "it is larger than the limit of \(limitText)"
            }
            // One byte over 64 MiB is not "64 MiB; the limit is 64 MiB": exact figures then.
            let exact = size / 1_048_576 == limit / 1_048_576
            let sizeText = FileProblem.size(size, language, exact: exact), limitText = FileProblem.size(limit, language, exact: exact)
            return fr ? "il fait \(sizeText) ; la limite est de \(limitText)" : "it is \(sizeText); the limit is \(limitText)"
        case .missingFolder(let folder):
            let shown = TextCleaning.forDisplay(folder.isEmpty ? "." : folder)
            return fr ? "le dossier \(shown) n'existe pas" : "the folder \(shown) does not exist"
        case .exists:
            return fr ? "le fichier existe déjà" : "the file already exists"
        case .changedWhileRead:
            return fr ? "le fichier a changé pendant la lecture" : "the file changed while it was read"
        case .namesAFolder:
            return fr ? "ce nom désigne un dossier ; donnez un nom de fichier" : "that name is a folder's; give a file name"
        case .database(let code, let message):
            guard fr else { return TextCleaning.forDisplay(message ?? FileProblem.databaseWords(code, .en)) }
            return FileProblem.databaseWords(code, .fr)
        case .integrity(let problems, let first):
            guard fr else { return "SQLite's integrity check found \(problems == 1 ? "a problem" : "\(problems) problems"): \(TextCleaning.forDisplay(String(first.prefix(200))))" }
            return problems == 1 ? "la vérification d'intégrité de SQLite a trouvé un problème"
                                 : "la vérification d'intégrité de SQLite a trouvé \(problems) problèmes"
        case .folderNotCreated(let folder):
            let shown = TextCleaning.forDisplay(folder)
            return fr ? "le dossier \(shown) ne peut pas être créé" : "the folder \(shown) cannot be created"
        case .lock(let path, let code):
            let shown = TextCleaning.forDisplay(path)
            if code == ELOOP {
                return fr ? "le verrou \(shown) n'est pas un fichier ordinaire (un lien symbolique ?) ; supprimez-le"
                          : "the lock \(shown) is not a regular file (a symbolic link?); delete it"
            }
            if code == EACCES || code == EPERM {
                return fr ? "le verrou \(shown) ne peut pas être ouvert (il appartient sans doute à un autre utilisateur, après un `sudo`) ; supprimez-le"
                          : "the lock \(shown) cannot be opened (another user probably owns it, after a `sudo`); delete it"
            }
            return fr ? "le verrou \(shown) ne peut pas être pris : \(FileProblem.words(code, .fr))"
                      : "the lock \(shown) cannot be taken: \(FileProblem.words(code, .en))"
        }
    }

    /// A size as people read it: whole MiB, or the exact count of bytes when `exact` (or
    /// below 1 MiB), grouped in thousands (a narrow no-break space in French).
    static func size(_ bytes: Int, _ language: Language, exact: Bool = false) -> String {
        let mib = 1_048_576
        if exact || bytes < mib { return grouped(bytes, language) + (language == .fr ? " octets" : " bytes") }
        return grouped(bytes / mib, language) + (language == .fr ? "\u{00A0}Mio" : " MiB")
    }

    static func grouped(_ n: Int, _ language: Language) -> String {
        var digits = Array(String(n)), out = ""
        while digits.count > 3 { out = (language == .fr ? "\u{202F}" : ",") + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out
    }

    /// SQLite's primary result codes in words (sqlite3.h's list), in either language.
    static func databaseWords(_ code: Int32, _ language: Language) -> String {
        let fr = language == .fr
        switch code & 0xFF {
        case 3: return fr ? "accès refusé par SQLite" : "access permission denied"  // SQLITE_PERM
        case 5: return fr ? "la base est occupée par un autre programme" : "the database is locked by another program"  // SQLITE_BUSY
        case 6: return fr ? "une table de la base est verrouillée" : "a table in the database is locked"  // SQLITE_LOCKED
        case 7: return fr ? "mémoire insuffisante" : "out of memory"  // SQLITE_NOMEM
        case 8: return fr ? "la base ne peut pas être modifiée (lecture seule)" : "the database is read-only"  // SQLITE_READONLY
        case 10: return fr ? "erreur d'entrée-sortie sur le disque" : "disk input/output error"  // SQLITE_IOERR
        case 11: return fr ? "l'image disque de la base est endommagée" : "the database disk image is malformed"  // SQLITE_CORRUPT
        case 13: return fr ? "plus de place sur le disque" : "the disk is full"  // SQLITE_FULL
        case 14: return fr ? "le fichier de la base ne peut pas être ouvert" : "unable to open the database file"  // SQLITE_CANTOPEN
        case 15: return fr ? "le protocole de verrouillage a échoué" : "the locking protocol failed"  // SQLITE_PROTOCOL
        case 17: return fr ? "le schéma de la base a changé" : "the database schema changed"  // SQLITE_SCHEMA
        case 18: return fr ? "une valeur est trop grande" : "a value is too big"  // SQLITE_TOOBIG
        case 19: return fr ? "une contrainte de la base n'est pas respectée" : "a constraint of the database failed"  // SQLITE_CONSTRAINT
        case 20: return fr ? "une valeur n'a pas le type attendu" : "a value has the wrong type"  // SQLITE_MISMATCH
        case 23: return fr ? "autorisation refusée" : "authorisation denied"  // SQLITE_AUTH
        case 26: return fr ? "ce fichier n'est pas une base de données" : "the file is not a database"  // SQLITE_NOTADB
        default: return fr ? "erreur SQLite n° \(code)" : "SQLite error \(code)"
        }
    }

    /// The system's errors in words: French from this table, English as the C library says.
    static func words(_ code: Int32, _ language: Language) -> String {
        guard language == .fr else { return String(cString: strerror(code)) }
        switch code {
        case EACCES, EPERM: return "permission refusée"
        case ENOENT: return "fichier ou dossier introuvable"
        case ENOSPC: return "plus de place sur le disque"
        case EDQUOT: return "quota de disque dépassé"
        case EROFS: return "système de fichiers en lecture seule"
        case EIO: return "erreur d'entrée-sortie"
        case EBADF: return "le flux est fermé"
        case EISDIR: return "c'est un dossier"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case ELOOP: return "trop de liens symboliques (ou un lien refusé)"
        case ENAMETOOLONG: return "nom trop long"
        case EFBIG: return "fichier trop grand"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        case EPIPE: return "tube fermé par le lecteur"
        case EEXIST: return "le fichier existe déjà"
        case ETXTBSY, EBUSY: return "fichier occupé"
        case ENXIO: return "périphérique ou adresse introuvable"
        case EAGAIN: return "ressource momentanément indisponible"
        case EINVAL: return "argument invalide"
        case ENOMEM: return "mémoire insuffisante"
        case EXDEV: return "le fichier temporaire et la cible ne sont pas sur le même disque"
        case EINTR: return "appel interrompu"
        default: return "erreur système n° \(code)"
        }
    }
}

/// Paths taken apart without Foundation's path methods (which trap on some one-character names).
public enum FilePath {
    /// The folder part of a path: `/tmp/x` for `/tmp/x/a.txt`, `/` for `/a.txt`, `.` for `a.txt`.
    public static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        var folder = path[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return String(folder)
    }

    /// Whether a path can only name a folder: it ends in `/`, or is `.` or `..` (or ends so).
    public static func namesAFolder(_ path: String) -> Bool {
        path.hasSuffix("/") || path == "." || path == ".." || path.hasSuffix("/.") || path.hasSuffix("/..")
    }
}
