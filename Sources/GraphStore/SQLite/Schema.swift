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
        return migrator
    }
}
