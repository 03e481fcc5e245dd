import GRDB

/// The store's schema, as GRDB migrations: each release adds migrations, never edits one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, sources, nodes, edges, mentions") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id TEXT PRIMARY KEY,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    format TEXT NOT NULL,
                    encoding TEXT NOT NULL,
                    title TEXT,
                    lang TEXT NOT NULL,
                    date TEXT,
                    date_origin TEXT,
                    text TEXT NOT NULL,
                    source_map TEXT NOT NULL,
                    times TEXT NOT NULL,
                    warnings TEXT NOT NULL,
                    pipeline_version TEXT NOT NULL
                );
                CREATE TABLE sources (
                    path TEXT PRIMARY KEY,
                    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    sha256 TEXT NOT NULL,
                    pipeline_version TEXT NOT NULL
                );
                CREATE INDEX sources_doc ON sources(doc_id);
                CREATE TABLE nodes (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    props TEXT NOT NULL
                );
                CREATE INDEX nodes_kind ON nodes(kind, id);
                CREATE TABLE mentions (
                    node_id TEXT NOT NULL REFERENCES nodes(id),
                    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    sentence_start INTEGER NOT NULL,
                    sentence_end INTEGER NOT NULL,
                    PRIMARY KEY (node_id, doc_id, start, "end", rule)
                ) WITHOUT ROWID;
                CREATE INDEX mentions_doc ON mentions(doc_id);
                CREATE TABLE edges (
                    id TEXT NOT NULL,
                    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    src TEXT NOT NULL,
                    dst TEXT NOT NULL,
                    type TEXT NOT NULL,
                    props TEXT,
                    PRIMARY KEY (id, doc_id)
                ) WITHOUT ROWID;
                CREATE INDEX edges_doc ON edges(doc_id);
                """)
        }
        migrator.registerMigration("v2: edges by destination") { db in
            // Finding the edges that keep an unmentioned node (a parent company) alive.
            try db.execute(sql: "CREATE INDEX edges_dst ON edges(dst)")
        }
        migrator.registerMigration("v3: retired nodes and their history") { db in
            // A node no mention supports any more is retired, not deleted: it leaves the export
            // and the counts but keeps its id and properties, and comes back if found again.
            // node_history says when and why, with the mentions it last had.
            try db.execute(sql: """
                ALTER TABLE nodes ADD COLUMN retired_at TEXT;
                ALTER TABLE nodes ADD COLUMN retired_reason TEXT;
                CREATE INDEX nodes_retired ON nodes(retired_at) WHERE retired_at IS NOT NULL;
                CREATE TABLE node_history (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    node_id TEXT NOT NULL,
                    event TEXT NOT NULL CHECK (event IN ('retired', 'restored')),
                    at TEXT NOT NULL,
                    doc_id TEXT,
                    path TEXT,
                    reason TEXT NOT NULL,
                    mentions TEXT
                );
                CREATE INDEX node_history_node ON node_history(node_id, seq);
                """)
        }
        migrator.registerMigration("v4: review verdicts") { db in
            // Verdicts are the reviewers' work, never extraction output: save() does not touch
            // this table. claim_id is the claim the verdict applies to now (no foreign key: the
            // claim may be retired); the anchor finds the claim again when a re-run changes its id.
            try db.execute(sql: """
                CREATE TABLE verdicts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    claim_id TEXT NOT NULL,
                    recorded_claim_id TEXT NOT NULL,
                    verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject', 'edit')),
                    edit TEXT,
                    original TEXT NOT NULL,
                    note TEXT,
                    reviewer TEXT NOT NULL,
                    at TEXT NOT NULL,
                    anchor_doc TEXT,
                    anchor_path TEXT,
                    anchor_start INTEGER,
                    anchor_end INTEGER,
                    anchor_text TEXT,
                    state TEXT NOT NULL DEFAULT 'attached' CHECK (state IN ('attached', 'moved', 'orphaned')),
                    state_at TEXT,
                    state_detail TEXT,
                    superseded_at TEXT,
                    superseded_by INTEGER
                );
                CREATE UNIQUE INDEX verdicts_active ON verdicts(claim_id) WHERE superseded_at IS NULL;
                """)
        }
        migrator.registerMigration("v5: pipeline snapshots") { db in
            // What each lexicon and grammar fingerprint stood for, so a later run can tell which
            // entries or rule files changed and re-read only the documents they can affect.
            try db.execute(sql: """
                CREATE TABLE pipeline_snapshots (
                    part TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    content TEXT NOT NULL,
                    PRIMARY KEY (part, fingerprint)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v6: merge overrides") { db in
            // The user's splits and merges (`notegraph split`, `notegraph merge`): their own
            // table, never touched by an import, applied again to every document saved after
            // them so they survive re-runs. A split's anchor finds its mention again (same
            // document and span, or its text in the new version of the path).
            try db.execute(sql: """
                CREATE TABLE merge_overrides (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    action TEXT NOT NULL CHECK (action IN ('split', 'merge')),
                    node_id TEXT NOT NULL,
                    other_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    anchor_doc TEXT,
                    anchor_path TEXT,
                    anchor_start INTEGER,
                    anchor_end INTEGER,
                    anchor_text TEXT,
                    at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v7: merge reasons and near-duplicate fingerprints") { db in
            // Why a mention is in its record when its key would not have put it there, and each
            // document's record fingerprints, so that a later note's reworded duplicate finds
            // the record it repeats. A rowid table: SQLite 3.40's integrity_check reports NOT
            // NULL columns declared before a key column of a WITHOUT ROWID table as NULL.
            try db.execute(sql: """
                ALTER TABLE mentions ADD COLUMN merge_reason TEXT;
                ALTER TABLE mentions ADD COLUMN merge_detail TEXT;
                CREATE TABLE fingerprints (
                    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    node_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    signature TEXT NOT NULL,
                    simhash INTEGER NOT NULL,
                    PRIMARY KEY (doc_id, node_id, simhash)
                );
                CREATE INDEX fingerprints_signature ON fingerprints(kind, signature);
                CREATE INDEX fingerprints_node ON fingerprints(node_id);
                """)
        }
        migrator.registerMigration("v8: live nodes by kind") { db in
            // Counting live nodes by kind (every ingest's summary line) reads this small index
            // instead of every node's properties: 0.2 s → milliseconds on a 1000-note store.
            try db.execute(sql: "CREATE INDEX nodes_live_kind ON nodes(kind) WHERE retired_at IS NULL")
        }
        return migrator
    }
}
