/// The store's tables, one migration per `user_version`; a store newer than the last one
/// known here is refused, never altered.
enum Schema {
  static let migrations: [String] = [
    // 1: the foundation
    """
    CREATE TABLE rings (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 32),
      position INTEGER NOT NULL
    );
    CREATE TABLE policies (
      ring_id INTEGER PRIMARY KEY REFERENCES rings(id) ON DELETE CASCADE,
      rsr_install TEXT NOT NULL DEFAULT 'unset' CHECK (rsr_install IN ('unset','allow','block')),
      rsr_removal TEXT NOT NULL DEFAULT 'unset' CHECK (rsr_removal IN ('unset','allow','block')),
      defer_days INTEGER CHECK (defer_days IS NULL OR defer_days BETWEEN 1 AND 90),
      critical_updates TEXT NOT NULL DEFAULT 'unset' CHECK (critical_updates IN ('unset','on','off'))
    );
    CREATE TABLE devices (
      id INTEGER PRIMARY KEY,
      device_key TEXT NOT NULL UNIQUE,
      serial TEXT,
      udid TEXT,
      name TEXT NOT NULL,
      platform TEXT NOT NULL CHECK (platform IN ('ios','ipados','macos')),
      model TEXT,
      os_base TEXT,
      os_sort TEXT NOT NULL DEFAULT '',
      rsr TEXT NOT NULL DEFAULT 'unknown',
      build TEXT,
      supplemental_build TEXT,
      supervised INTEGER CHECK (supervised IN (0,1)),
      user_enrolled INTEGER NOT NULL DEFAULT 0 CHECK (user_enrolled IN (0,1)),
      ring_id INTEGER NOT NULL REFERENCES rings(id),
      last_checkin INTEGER,
      user_name TEXT,
      source TEXT NOT NULL,
      removed_letter TEXT,
      state TEXT NOT NULL,
      removal TEXT NOT NULL
    );
    CREATE INDEX devices_by_state ON devices(state);
    CREATE INDEX devices_by_ring ON devices(ring_id, state, removal);
    CREATE INDEX devices_by_version ON devices(platform, os_sort, rsr, os_base);
    CREATE INDEX devices_by_model ON devices(platform, model);
    CREATE INDEX devices_by_name ON devices(name COLLATE NOCASE);
    CREATE INDEX devices_by_checkin ON devices(last_checkin);
    CREATE INDEX devices_by_removal ON devices(removal);
    CREATE TABLE device_sources (
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      external_id TEXT NOT NULL,
      last_seen INTEGER,
      PRIMARY KEY (source, external_id)
    );
    CREATE INDEX device_sources_by_device ON device_sources(device_id);
    CREATE TABLE device_history (
      id INTEGER PRIMARY KEY,
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      seen_at INTEGER,
      os_base TEXT,
      rsr TEXT NOT NULL,
      build TEXT,
      supplemental_build TEXT,
      source TEXT NOT NULL
    );
    CREATE INDEX device_history_by_device ON device_history(device_id, id);
    CREATE TABLE pending_updates (
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      version TEXT NOT NULL,
      rsr TEXT NOT NULL DEFAULT 'none',
      build TEXT,
      supplemental_build TEXT,
      is_security_response INTEGER NOT NULL DEFAULT 0,
      seen_at INTEGER,
      PRIMARY KEY (device_id, version, rsr)
    );
    CREATE TABLE staged_changes (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('policy','move')),
      ring_id INTEGER NOT NULL REFERENCES rings(id) ON DELETE CASCADE,
      setting TEXT,
      old_value TEXT,
      new_value TEXT,
      device_id INTEGER REFERENCES devices(id) ON DELETE CASCADE,
      author TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      user_name TEXT NOT NULL,
      role TEXT NOT NULL,
      origin TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL,
      before_hash TEXT,
      after_hash TEXT
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TABLE catalog_overrides (
      id INTEGER PRIMARY KEY,
      family TEXT NOT NULL CHECK (family IN ('ios','macos')),
      version TEXT NOT NULL,
      letter TEXT,
      build TEXT,
      prerequisite_build TEXT,
      released TEXT,
      status TEXT NOT NULL,
      replaced_by TEXT,
      superseded_by TEXT,
      source TEXT NOT NULL,
      imported_at INTEGER NOT NULL
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    // 2: staging and profile writes. One staged value per ring setting and one staged move per
    // device; the hash of every profile file Ringside wrote (and is about to write), so `apply`
    // can tell its own files from files changed by someone else.
    """
    CREATE UNIQUE INDEX staged_policy_once ON staged_changes(ring_id, setting) WHERE kind = 'policy';
    CREATE UNIQUE INDEX staged_move_once ON staged_changes(device_id) WHERE kind = 'move';
    CREATE TABLE profile_files (
      directory TEXT NOT NULL,
      name TEXT NOT NULL,
      sha256 TEXT,
      pending_sha256 TEXT,
      written_at INTEGER,
      PRIMARY KEY (directory, name)
    );
    """,
    // 3: a hash chain over the audit log, so `audit --verify` detects edited or removed entries
    """
    ALTER TABLE audit_log ADD COLUMN chain TEXT;
    """,
    // 4: the dashboard counts the whole fleet by ring, platform, version, state and removal in
    // one pass over this covering index, instead of sorting every device (2.2 s -> 0.2 s at 1M)
    """
    CREATE INDEX IF NOT EXISTS devices_overview
      ON devices(ring_id, platform, os_sort, rsr, state, removal);
    """,
    // 5: an index for every column the Devices view sorts by, so a sort change, and a filter
    // under that sort, reads one page instead of sorting every device (0.1-0.6 s -> under
    // 2 ms at 1M). Platform sorts by model next and check-in by ring next, so they share
    // `devices_by_model` and the new check-in index, which also answers the overview's stale
    // count per ring without reading the table (130 ms -> 9 ms at 1M); the ring sort walks
    // the rings in position order. Each index slows a bulk import, so no two do one job.
    """
    CREATE INDEX IF NOT EXISTS devices_by_os ON devices(os_sort);
    CREATE INDEX IF NOT EXISTS devices_by_build ON devices(COALESCE(supplemental_build, build));
    CREATE INDEX IF NOT EXISTS devices_by_supervised ON devices(supervised);
    CREATE INDEX IF NOT EXISTS devices_by_ring_id ON devices(ring_id);
    CREATE INDEX IF NOT EXISTS rings_by_position ON rings(position);
    CREATE INDEX IF NOT EXISTS devices_by_checkin_ring ON devices(last_checkin, ring_id);
    DROP INDEX IF EXISTS devices_by_checkin;
    """,
    // 6: three indexes that `devices_overview` (ring, platform, version, state, removal) already
    // covers, dropped because a bulk import rebuilds every index (1M devices: about 1.6 s):
    // version counts, counts per ring and state, the ring filter and the ring sort use it.
    """
    DROP INDEX IF EXISTS devices_by_version;
    DROP INDEX IF EXISTS devices_by_ring_id;
    DROP INDEX IF EXISTS devices_by_ring;
    """,
    // 7: catalog facts from Apple's GDMF feed (signing window, supported devices) and notes on
    // where sources disagree, in columns `Schema.addedColumns` adds; every device state is
    // derived again under the new rules when the store is next opened for writing.
    """
    DELETE FROM meta WHERE key = 'states_day';
    """,
    // 8: the dashboard's first frame reads the fleet's counts by ring, platform, version, state
    // and removal from this small table (one row per group, a few hundred at most) instead of
    // counting every device (1M: about 200 ms). Triggers keep it equal to a recount on every
    // write to `devices`, whoever makes it; a bulk write drops them and recounts once
    // (`FleetGroups.recount`).
    FleetGroups.tableSQL + FleetGroups.recountSQL + FleetGroups.triggerSQL.joined(),
    // 9: staged changes keep their numbers for good (AUTOINCREMENT): after an `apply` the next
    // change was #1 again, so `discard 1` read off an older listing, or another admin's, threw
    // away a change nobody meant. (PostgreSQL's identity never hands a number out twice.)
    """
    CREATE TABLE staged_changes_numbered (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('policy','move')),
      ring_id INTEGER NOT NULL REFERENCES rings(id) ON DELETE CASCADE,
      setting TEXT,
      old_value TEXT,
      new_value TEXT,
      device_id INTEGER REFERENCES devices(id) ON DELETE CASCADE,
      author TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    INSERT INTO staged_changes_numbered (id, kind, ring_id, setting, old_value, new_value,
      device_id, author, created_at)
      SELECT id, kind, ring_id, setting, old_value, new_value, device_id, author, created_at
      FROM staged_changes;
    DROP TABLE staged_changes;
    ALTER TABLE staged_changes_numbered RENAME TO staged_changes;
    CREATE UNIQUE INDEX staged_policy_once ON staged_changes(ring_id, setting) WHERE kind = 'policy';
    CREATE UNIQUE INDEX staged_move_once ON staged_changes(device_id) WHERE kind = 'move';
    """,
  ]

  static var currentVersion: Int { migrations.count }

  /// Columns added after a table was created, as (table, column, type): added after the
  /// migrations when missing, since SQLite's ADD COLUMN cannot be repeated safely.
  static let addedColumns: [(String, String, String)] = [
    ("catalog_overrides", "expires", "TEXT"), ("catalog_overrides", "devices", "TEXT"),
    ("catalog_overrides", "notes", "TEXT"),
    ("policies", "major_target", "TEXT NOT NULL DEFAULT 'unset'"),
  ]
}
