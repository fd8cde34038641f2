import Foundation
import GRDB
import Glibc

/// The dossiers, in one SQLite database (`$XDG_DATA_HOME/catalyse/catalyse.sqlite`) through
/// GRDB: schema migrations (`DossierSchema`), foreign keys, WAL and a busy timeout so that the
/// interface and command-line calls can work on the same file at once, and each user action in
/// one immediate transaction. The file and its WAL files are 0600 (they hold people's names and
/// e-mails). A database it cannot read, a damaged one, a newer one or another program's is
/// refused with a message and never changed.
public final class DossierStore: @unchecked Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// The database's place for this environment.
    public static func defaultPath(environment: [String: String]) -> String {
        StorePaths(environment: environment).data + "/catalyse.sqlite"
    }

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    public init(path: String) throws(DossierError) {
        self.path = path
        try DossierStore.prepareFile(path)
        var config = Configuration()
        // WAL is set once the file is known to be ours: setting it rewrites the header.
        config.journalMode = .default
        config.busyMode = .timeout(15)
        config.foreignKeysEnabled = true
        config.label = "catalyse-dossiers"
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw DossierStore.failure(error, path: path)
        }
        try guarded { () throws in
            try queue.read { db in
                try DossierStore.checkOwner(db, path: path)
            }
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
            }
            try DossierSchema.migrator.migrate(queue)
        }
    }

    public convenience init(environment: [String: String]) throws(DossierError) {
        try self.init(path: DossierStore.defaultPath(environment: environment))
    }

    // MARK: The file

    /// The folder exists (0700 when made here) and the file is a regular file (never a link
    /// followed silently, never a FIFO or a device); a new file is created empty with mode 0600
    /// less the umask, before SQLite opens it, so its WAL files get the same mode; an existing
    /// file keeps the mode it has (SQLite never changes it).
    static func prepareFile(_ path: String) throws(DossierError) {
        let folder = FilePath.folder(of: path)
        if folder != "." {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw .unwritable(path: path, reason: .folderNotCreated(folder))
            }
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: return
            case S_IFLNK: throw .unreadable(path: path, reason: .notAFile(.symbolicLink))
            case S_IFDIR: throw .unreadable(path: path, reason: .notAFile(.folder))
            default: throw .unreadable(path: path, reason: .notAFile(FileKind(mode: info.st_mode)))
            }
        }
        guard errno == ENOENT else { throw .unreadable(path: path, reason: .current) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd < 0 && errno != EEXIST { throw .unwritable(path: path, reason: .current) }
        if fd >= 0 { close(fd) }
    }

    /// Refuses a database that holds tables but not Catalyse's, or that a newer version wrote.
    static func checkOwner(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        guard !tables.isEmpty else { return }
        guard tables.contains("grdb_migrations"), tables.contains("dossier") else { throw DossierError.foreign(path: path) }
        if try DossierSchema.migrator.hasBeenSuperseded(db) { throw DossierError.newerVersion(path: path) }
    }

    /// What an SQLite error means for the user.
    static func failure(_ error: any Error, path: String) -> DossierError {
        if let e = error as? DossierError { return e }
        if let e = error as? BaselineDamage { return .damaged(path: path, reason: .worded(e.reason)) }
        guard let db = error as? DatabaseError else {
            if let problem = error as? FileProblem { return .unreadable(path: path, reason: problem) }
            return .unreadable(path: path, reason: .database(code: 1, message: String(describing: error)))
        }
        let reason = FileProblem.database(code: db.resultCode.rawValue, message: db.message)
        switch db.resultCode.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .damaged(path: path, reason: reason)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return .unreadable(path: path, reason: reason)
        case .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED: return .unwritable(path: path, reason: reason)
        default: return .unwritable(path: path, reason: reason)
        }
    }

    /// Runs `body`, turning its errors into `DossierError`s.
    func guarded<T>(_ body: () throws -> T) throws(DossierError) -> T {
        do { return try body() } catch { throw DossierStore.failure(error, path: path) }
    }

    /// One user action: one immediate transaction (it takes the write lock at once, waiting
    /// for another writer up to the busy timeout, so concurrent writers never lose a change).
    func write<T>(_ body: (Database) throws -> T) throws(DossierError) -> T {
        try guarded {
            try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(DossierError) -> T {
        try guarded { try queue.read(body) }
    }

    /// `PRAGMA integrity_check`: "ok", or what SQLite found.
    public func integrityCheck() throws(DossierError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
