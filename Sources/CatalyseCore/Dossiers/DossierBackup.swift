import Foundation
import GRDB
import Glibc

/// Backups of the dossiers database with SQLite's online backup API: consistent while the
/// interface or another command uses the database, and restored in one step that keeps the
/// replaced database beside it.
extension DossierStore {
    /// Writes a copy of the whole database to `destination`, whole or not at all; an existing
    /// file is replaced only with `overwrite`, only if it is a regular file (never through a
    /// link), and keeps its mode; a new one is 0600 less the umask.
    public func backup(to destination: String, overwrite: Bool) throws(DossierError) {
        var info = stat()
        var keptMode: mode_t? = nil
        if lstat(destination, &info) == 0 {
            guard overwrite else { throw .unwritable(path: destination, reason: .exists) }
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unwritable(path: destination, reason: .notAFile(FileKind(mode: info.st_mode))) }
            keptMode = info.st_mode & 0o777
        }
        let folder = FilePath.folder(of: destination)
        let temporary = folder + "/.catalyse-backup-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sqlite"
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path: destination, reason: .current) }
        if let keptMode { fchmod(fd, keptMode) }
        close(fd)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try queue.backup(to: copy)
            try copy.close()
        } catch {
            throw DossierStore.failure(error, path: destination).asUnwritable(destination)
        }
        guard Glibc.rename(temporary, destination) == 0 else { throw .unwritable(path: destination, reason: .current) }
    }

    /// Replaces the database's content with the backup at `source`, after checking that it is
    /// a dossiers database this version reads and that SQLite finds it sound. The replaced
    /// content is first saved beside the database; its path is returned.
    public func restore(from source: String, now: Moment, keepingPrevious: Bool = true) throws(DossierError) -> String {
        let backup = try DossierStore.checkedBackup(source)
        let kept = path + ".before-restore-" + now.local.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        if keepingPrevious { try self.backup(to: kept, overwrite: false) }
        try guarded {
            try backup.backup(to: queue)
            try backup.close()
            try DossierSchema.migrator.migrate(queue)
        }
        return kept
    }
}

extension DossierStore {
    /// The backup at `source`, opened read-only, once it is known to be a dossiers database this
    /// version reads and that SQLite finds sound (else the error names `source`).
    static func checkedBackup(_ source: String) throws(DossierError) -> DatabaseQueue {
        do { return try openBackup(source) } catch {
            switch error {
            case .unreadable(_, let reason): throw .unusableBackup(path: source, problem: .unreadable(reason))
            case .unwritable(_, let reason): throw .unusableBackup(path: source, problem: .unreadable(reason))
            case .damaged(_, let reason): throw .unusableBackup(path: source, problem: .damaged(reason))
            case .foreign: throw .unusableBackup(path: source, problem: .foreign)
            case .newerVersion: throw .unusableBackup(path: source, problem: .newerVersion)
            default: throw error
            }
        }
    }

    private static func openBackup(_ source: String) throws(DossierError) -> DatabaseQueue {
        var info = stat()
        guard stat(source, &info) == 0 else { throw .unreadable(path: source, reason: .current) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: source, reason: .notAFile(FileKind(mode: info.st_mode))) }
        var config = Configuration()
        config.readonly = true
        do {
            let backup = try DatabaseQueue(path: source, configuration: config)
            try backup.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                guard tables.contains("dossier") else { throw DossierError.foreign(path: source) }
                try DossierStore.checkOwner(db, path: source)
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard check == ["ok"] else { throw DossierError.damaged(path: source, reason: .integrity(problems: check.count, first: check.first ?? "")) }
            }
            return backup
        } catch {
            throw DossierStore.failure(error, path: source)
        }
    }

    /// Restores a backup over a database that cannot be opened (damaged, or not Catalyse's):
    /// the file and its WAL files are moved aside (never deleted), then the backup is copied in.
    /// Returns the path the old file was moved to.
    public static func restore(over path: String, from source: String, now: Moment) throws(DossierError) -> String {
        // The backup is checked before anything is moved: a bad backup leaves everything in place.
        let checked = try checkedBackup(source)
        try? checked.close()
        let kept = path + ".before-restore-" + now.local.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        var info = stat()
        guard lstat(kept, &info) != 0 else { throw .unwritable(path: kept, reason: .exists) }
        for suffix in ["", "-wal", "-shm"] where lstat(path + suffix, &info) == 0 {
            guard Glibc.rename(path + suffix, kept + suffix) == 0 else { throw .unwritable(path: path, reason: .current) }
        }
        let store = try DossierStore(path: path)
        _ = try store.restore(from: source, now: now, keepingPrevious: false)
        return kept
    }
}

extension DossierError {
    /// A failure while writing a copy is a failure to write it, whatever SQLite called it.
    func asUnwritable(_ path: String) -> DossierError {
        switch self {
        case .unwritable: self
        case .unreadable(_, let reason), .damaged(_, let reason): .unwritable(path: path, reason: reason)
        default: self
        }
    }
}
