import GRDB

/// The dossiers database's schema, as GRDB migrations. A migration, once released, is never
/// edited: a change of schema is a new migration appended here (and a test that migrates a
/// database of the previous schema).
enum DossierSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-dossiers") { db in
            try db.execute(sql: """
                CREATE TABLE dossier (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    name_key TEXT NOT NULL UNIQUE,
                    territory TEXT,
                    stage TEXT,
                    budget TEXT,
                    employer TEXT,
                    needs TEXT NOT NULL DEFAULT '',
                    description TEXT,
                    contact_name TEXT,
                    contact_email TEXT,
                    note TEXT,
                    archived INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE dossier_offer (
                    dossier_id INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                    offer_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    status_since INTEGER NOT NULL,
                    added_at INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (dossier_id, offer_id)
                );
                -- What happened, in order: status changes, notes, renames… Never rewritten:
                -- rows only go with their dossier.
                CREATE TABLE dossier_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    dossier_id INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                    at INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    offer_id TEXT,
                    old_value TEXT,
                    new_value TEXT
                );
                CREATE INDEX dossier_event_by_dossier ON dossier_event(dossier_id, id);
                CREATE TRIGGER dossier_event_never_updated BEFORE UPDATE ON dossier_event
                BEGIN SELECT RAISE(ABORT, 'the history of a dossier is never rewritten'); END;
                CREATE TRIGGER dossier_event_never_deleted BEFORE DELETE ON dossier_event
                WHEN EXISTS (SELECT 1 FROM dossier WHERE id = OLD.dossier_id)
                BEGIN SELECT RAISE(ABORT, 'the history of a dossier is never rewritten'); END;
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        // Issue 20: what the user has seen of each catalogue (`News/`), and saved searches.
        migrator.registerMigration("v2-news") { db in
            try db.execute(sql: """
                CREATE TABLE news_catalogue (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    digest INTEGER NOT NULL,
                    since TEXT NOT NULL
                );
                CREATE TABLE news_seen (
                    catalogue_id INTEGER NOT NULL REFERENCES news_catalogue(id) ON DELETE CASCADE,
                    offer_id TEXT NOT NULL,
                    digest INTEGER NOT NULL,
                    fields BLOB NOT NULL,
                    PRIMARY KEY (catalogue_id, offer_id)
                ) WITHOUT ROWID;
                CREATE TABLE saved_search (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    name_key TEXT NOT NULL UNIQUE,
                    query TEXT NOT NULL,
                    selection TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                """)
        }
        // Issue 20 at 1,000,000 offers: what was seen of a catalogue is one row of two blobs
        // (`SeenBaseline.swift`: every offer's id hash, digest and field hashes, sorted), written
        // by one statement, instead of one row an offer. The rows of `news_seen` are folded into
        // it; `news_seen` then holds only the offers seen one at a time since (a sheet opened),
        // until they are folded in turn.
        migrator.registerMigration("v3-news-baseline") { db in
            try db.execute(sql: """
                CREATE TABLE news_baseline (
                    catalogue_id INTEGER PRIMARY KEY REFERENCES news_catalogue(id) ON DELETE CASCADE,
                    offers INTEGER NOT NULL,
                    field_count INTEGER NOT NULL,
                    entries BLOB NOT NULL,
                    fields BLOB NOT NULL
                );
                """)
            try DossierStore.foldAllSeenRows(db)
        }
        return migrator
    }
}
