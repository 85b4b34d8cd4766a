//! The schema, as numbered migration steps tracked by `PRAGMA user_version`.
//!
//! Step N brings a database from version N-1 to N. Steps are only ever appended: a released
//! step is never edited, because databases in the field already ran it.

use rusqlite::{Connection, TransactionBehavior};

use super::fault::Fault;

/// `PRAGMA application_id`: "HMYR". It tells our files from other programs' SQLite files.
pub const APPLICATION_ID: i32 = 0x484D_5952;

/// The tables a change in the audit log may name, and that `counts` reports.
pub const TABLES: &[&str] = &[
    "series",
    "agencies",
    "people",
    "categories",
    "meetings",
    "attendance",
    "issues",
    "agenda_items",
    "statements",
    "decisions",
    "review_items",
    "follow_ups",
    "amendments",
    "invitees",
    "changes",
];

const MIGRATIONS: &[&str] = &[STEP_1, STEP_2, STEP_3, STEP_4, STEP_5, STEP_6, STEP_7];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

// Searchable rows carry a folded copy of their text (`*_f`) and a stable integer `fts_key`: the
// rowid of their entry in a contentless FTS5 index. A table's own rowid would not do, since
// VACUUM may renumber the rowids of tables whose key is not an INTEGER PRIMARY KEY.
// Lists of agencies (series members, supporting agencies) are JSON arrays of ids, so that one
// row holds one record and the audit log can restore it whole.
const STEP_1: &str = r#"
CREATE TABLE series (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    default_place TEXT NOT NULL DEFAULT '',
    member_agencies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(member_agencies)),
    quorum INTEGER NOT NULL DEFAULT 0 CHECK (quorum >= 0)
);
CREATE TABLE agencies (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    short_name TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    names_f TEXT NOT NULL
);
CREATE TABLE people (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    agency TEXT REFERENCES agencies(id),
    name_f TEXT NOT NULL
);
CREATE INDEX people_agency ON people(agency);
CREATE TABLE categories (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    ord INTEGER NOT NULL DEFAULT 0,
    name_f TEXT NOT NULL
);
CREATE TABLE meetings (
    id TEXT PRIMARY KEY NOT NULL,
    series TEXT NOT NULL REFERENCES series(id),
    number INTEGER NOT NULL CHECK (number >= 1),
    date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    place TEXT NOT NULL DEFAULT '',
    chair TEXT REFERENCES people(id),
    secretary TEXT REFERENCES people(id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_progress', 'closed', 'approved')),
    next_meeting TEXT,
    -- The highest decision item ever issued here: numbers are never reused after a deletion.
    last_item INTEGER NOT NULL DEFAULT 0 CHECK (last_item >= 0),
    UNIQUE (series, number)
);
CREATE TABLE attendance (
    id TEXT PRIMARY KEY NOT NULL,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    person TEXT NOT NULL REFERENCES people(id),
    state TEXT NOT NULL CHECK (state IN ('present', 'absent', 'excused', 'substitute')),
    substitute_for TEXT REFERENCES people(id),
    reason TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting, person)
);
CREATE TABLE issues (
    id TEXT PRIMARY KEY NOT NULL,
    series TEXT NOT NULL REFERENCES series(id),
    category TEXT REFERENCES categories(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    raised_in TEXT REFERENCES meetings(id),
    raised_by TEXT REFERENCES people(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'dropped')),
    fts_key INTEGER NOT NULL UNIQUE,
    text_f TEXT NOT NULL
);
CREATE INDEX issues_series ON issues(series, status);
CREATE INDEX issues_category ON issues(category);
CREATE TABLE agenda_items (
    id TEXT PRIMARY KEY NOT NULL,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    issue TEXT NOT NULL REFERENCES issues(id),
    position INTEGER NOT NULL,
    UNIQUE (meeting, issue)
);
CREATE TABLE statements (
    id TEXT PRIMARY KEY NOT NULL,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    issue TEXT REFERENCES issues(id),
    speaker TEXT NOT NULL REFERENCES people(id),
    text TEXT NOT NULL,
    fts_key INTEGER NOT NULL UNIQUE,
    text_f TEXT NOT NULL
);
CREATE INDEX statements_meeting ON statements(meeting);
CREATE TABLE decisions (
    id TEXT PRIMARY KEY NOT NULL,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    item INTEGER NOT NULL CHECK (item >= 1),
    issue TEXT REFERENCES issues(id),
    text TEXT NOT NULL,
    lead_agency TEXT NOT NULL REFERENCES agencies(id),
    supporting_agencies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(supporting_agencies)),
    due TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'done', 'cancelled')),
    fts_key INTEGER NOT NULL UNIQUE,
    text_f TEXT NOT NULL,
    UNIQUE (meeting, item)
);
CREATE INDEX decisions_lead ON decisions(lead_agency, status);
CREATE INDEX decisions_status_due ON decisions(status, due);
CREATE INDEX decisions_issue ON decisions(issue);
CREATE TABLE review_items (
    id TEXT PRIMARY KEY NOT NULL,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    decision TEXT NOT NULL REFERENCES decisions(id),
    position INTEGER NOT NULL,
    UNIQUE (meeting, decision)
);
CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY NOT NULL,
    decision TEXT NOT NULL REFERENCES decisions(id),
    meeting TEXT REFERENCES meetings(id),
    date TEXT NOT NULL,
    new_status TEXT NOT NULL CHECK (new_status IN ('pending', 'in_progress', 'done', 'cancelled')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX follow_ups_decision ON follow_ups(decision);
CREATE TABLE amendments (
    id TEXT PRIMARY KEY NOT NULL,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    date TEXT NOT NULL,
    reason TEXT NOT NULL,
    text TEXT NOT NULL
);

-- The audit log. `txn` groups the rows of one user action; an undo is itself an action whose
-- rows name the action they revert in `undoes`.
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    txn INTEGER NOT NULL,
    action TEXT NOT NULL,
    at TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    undoes INTEGER
);
CREATE INDEX changes_txn ON changes(txn);
CREATE INDEX changes_entity ON changes(entity_id);
CREATE INDEX changes_undoes ON changes(undoes) WHERE undoes IS NOT NULL;
CREATE TRIGGER changes_append_only_update BEFORE UPDATE ON changes
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER changes_append_only_delete BEFORE DELETE ON changes
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

CREATE VIRTUAL TABLE issues_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3');
CREATE VIRTUAL TABLE statements_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3');
CREATE VIRTUAL TABLE decisions_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3');

CREATE TRIGGER issues_fts_ins AFTER INSERT ON issues
BEGIN INSERT INTO issues_fts(rowid, body) VALUES (new.fts_key, new.text_f); END;
CREATE TRIGGER issues_fts_del AFTER DELETE ON issues
BEGIN DELETE FROM issues_fts WHERE rowid = old.fts_key; END;
CREATE TRIGGER issues_fts_upd AFTER UPDATE OF text_f, fts_key ON issues
BEGIN
    DELETE FROM issues_fts WHERE rowid = old.fts_key;
    INSERT INTO issues_fts(rowid, body) VALUES (new.fts_key, new.text_f);
END;
CREATE TRIGGER statements_fts_ins AFTER INSERT ON statements
BEGIN INSERT INTO statements_fts(rowid, body) VALUES (new.fts_key, new.text_f); END;
CREATE TRIGGER statements_fts_del AFTER DELETE ON statements
BEGIN DELETE FROM statements_fts WHERE rowid = old.fts_key; END;
CREATE TRIGGER statements_fts_upd AFTER UPDATE OF text_f, fts_key ON statements
BEGIN
    DELETE FROM statements_fts WHERE rowid = old.fts_key;
    INSERT INTO statements_fts(rowid, body) VALUES (new.fts_key, new.text_f);
END;
CREATE TRIGGER decisions_fts_ins AFTER INSERT ON decisions
BEGIN INSERT INTO decisions_fts(rowid, body) VALUES (new.fts_key, new.text_f); END;
CREATE TRIGGER decisions_fts_del AFTER DELETE ON decisions
BEGIN DELETE FROM decisions_fts WHERE rowid = old.fts_key; END;
CREATE TRIGGER decisions_fts_upd AFTER UPDATE OF text_f, fts_key ON decisions
BEGIN
    DELETE FROM decisions_fts WHERE rowid = old.fts_key;
    INSERT INTO decisions_fts(rowid, body) VALUES (new.fts_key, new.text_f);
END;
"#;

// Drafts keep text being typed into a form, so that a crash loses nothing typed. They are not
// records of the meeting: no audit rows, no undo. Statements get an index by issue, for an
// issue's history across meetings, and issues one by the meeting that raised them, for the room.
const STEP_2: &str = r#"
CREATE TABLE drafts (
    key TEXT PRIMARY KEY NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body)),
    saved_at TEXT NOT NULL
);
CREATE INDEX statements_issue ON statements(issue);
CREATE INDEX issues_raised_in ON issues(raised_in);
"#;

// Step 3: agenda items by issue, so that the meetings list counts each meeting's open issues
// from the few open issues rather than from every agenda item of every meeting; review items
// by decision, for the meetings that reviewed a decision (a million rows in a long series);
// follow-ups by meeting, so that removing a meeting (undoing its creation) checks them at once.
const STEP_3: &str = r#"
CREATE INDEX agenda_items_issue ON agenda_items(issue);
CREATE INDEX review_items_decision ON review_items(decision);
CREATE INDEX follow_ups_meeting ON follow_ups(meeting);
"#;

// Step 4: the search indexes also hold 4-letter prefixes. Search runs as the secretary types,
// and a word of 4 letters or more (بانک) made FTS5 merge the doclists of every term starting
// with it before it could stop at the newest hits: 3.6 ms for «بانك» and 6.7 ms for «بانك
// كشاورزي وام» on 100,000 decisions and 300,000 statements, 0.5 and 3.5 ms with this index.
// FTS5 cannot change the prefix option of a table, so each index is made again from the
// folded texts (`text_f`) and merged into one segment; the insert, update and delete triggers
// name the index by table name and keep working. About 7 s for that series, once.
const STEP_4: &str = r#"
DROP TABLE issues_fts;
CREATE VIRTUAL TABLE issues_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3 4');
INSERT INTO issues_fts (rowid, body) SELECT fts_key, text_f FROM issues;
INSERT INTO issues_fts (issues_fts) VALUES ('optimize');
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3 4');
INSERT INTO statements_fts (rowid, body) SELECT fts_key, text_f FROM statements;
INSERT INTO statements_fts (statements_fts) VALUES ('optimize');
DROP TABLE decisions_fts;
CREATE VIRTUAL TABLE decisions_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3 4');
INSERT INTO decisions_fts (rowid, body) SELECT fts_key, text_f FROM decisions;
INSERT INTO decisions_fts (decisions_fts) VALUES ('optimize');
"#;

// Step 5: what a secretary sets up for her own series. A series has the usual interval between
// its meetings (days; 0 when there is none) and can be archived; its standing invitees, people
// asked to every meeting whatever their agency, are rows of their own (a person may be the
// invitee of several series). People can be deactivated (never deleted: records name them).
// Categories can be archived, and belong to one series or (NULL) to every series.
const STEP_5: &str = r#"
ALTER TABLE series ADD COLUMN interval_days INTEGER NOT NULL DEFAULT 0 CHECK (interval_days >= 0);
ALTER TABLE series ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE people ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE categories ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE categories ADD COLUMN series TEXT REFERENCES series(id);
CREATE TABLE invitees (
    id TEXT PRIMARY KEY NOT NULL,
    series TEXT NOT NULL REFERENCES series(id),
    person TEXT NOT NULL REFERENCES people(id),
    UNIQUE (series, person)
);
CREATE INDEX invitees_person ON invitees(person);
"#;

// Step 6: row versions. Every record a person edits carries a `version` that the database
// itself bumps whenever a column a person sees changes (a trigger, so no write can forget it);
// an edit names the version its screen read, checked in its `UPDATE`, so a screen that is
// stale (another hamyar changed the record since) never overwrites the newer change. Columns
// the store keeps for itself (folded text, search keys, a meeting's last item) do not count.
const STEP_6: &str = r#"
ALTER TABLE decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE statements ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE issues ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE series ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agencies ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE categories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER decisions_version AFTER UPDATE OF issue, text, lead_agency, supporting_agencies, due, status ON decisions
WHEN NEW.version = OLD.version
BEGIN UPDATE decisions SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER statements_version AFTER UPDATE OF issue, speaker, text ON statements
WHEN NEW.version = OLD.version
BEGIN UPDATE statements SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER issues_version AFTER UPDATE OF category, title, description, raised_by, status ON issues
WHEN NEW.version = OLD.version
BEGIN UPDATE issues SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER meetings_version AFTER UPDATE OF number, date, start_time, end_time, place, chair, secretary, status, next_meeting ON meetings
WHEN NEW.version = OLD.version
BEGIN UPDATE meetings SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER series_version AFTER UPDATE OF title, organisation, default_place, member_agencies, quorum, interval_days, archived ON series
WHEN NEW.version = OLD.version
BEGIN UPDATE series SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER agencies_version AFTER UPDATE OF name, name_en, short_name, active ON agencies
WHEN NEW.version = OLD.version
BEGIN UPDATE agencies SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER people_version AFTER UPDATE OF name, title, agency, active ON people
WHEN NEW.version = OLD.version
BEGIN UPDATE people SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER categories_version AFTER UPDATE OF name, ord, archived, series ON categories
WHEN NEW.version = OLD.version
BEGIN UPDATE categories SET version = OLD.version + 1 WHERE id = NEW.id; END;
"#;

// Step 7: amendments that change what they amend. An amendment keeps what it changed in the
// record (a decision's text, deadline or agencies, an attendance line) as a JSON array of
// before → after (`domain::Amended`), written in the transaction that applies the change. The
// amendments recorded before this step changed nothing but their words: `[]`.
const STEP_7: &str = r#"
ALTER TABLE amendments ADD COLUMN changes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes));
"#;

/// Brings the database up to [`SCHEMA_VERSION`]: every step still to run, in one transaction.
///
/// One transaction for them all, so that a file is only ever at the version it had or at the
/// newest: a crash (or a full disk) in the middle of an upgrade leaves the old file as it was,
/// never a schema between the two that no hamyar was ever released with data in.
///
/// The caller has already refused a newer version; the check is repeated inside the write lock,
/// in case another hamyar migrated the file in between.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), Fault> {
    // A file already current (nearly every open) is not written, so opening it never waits
    // for the write lock: a second hamyar, or the app started while another writes, would
    // otherwise queue behind every save and fail once the busy timeout ran out.
    let found: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found >= SCHEMA_VERSION {
        return Ok(());
    }
    let pending = MIGRATIONS.get(found as usize..).unwrap_or_default();
    for (version, step) in (found..).zip(pending) {
        tx.execute_batch(step)?;
        if version == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}
