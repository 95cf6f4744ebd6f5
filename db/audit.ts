import type { Db } from "./client.ts";

/** One audited change. `before`/`after` are any JSON value (stored as JSON text) or null. */
export interface AuditEntry {
  /** UTC ISO-8601 instant. */
  at: string;
  /**
   * Slack user ID, or "import:<file name>", or "cli", or "app" (the app itself), or
   * "migration:<name>" (a data migration's own change, e.g. the cut-offs
   * 2026_12_05_090000_expand_cutoff_headings widens; its `down` finds them by it).
   */
  actor: string;
  /**
   * "mapping": an institution's Slack channel and contacts; "role": a granted role; "reminder":
   * a delivery problem told to the secretaries (key "<cutoffId>:<institutionId>", actor "app").
   */
  entity:
    | "programme"
    | "institution"
    | "task"
    | "cutoff"
    | "role"
    | "mapping"
    | "reply"
    | "session"
    | "reminder";
  entityKey: string;
  action: "create" | "update" | "delete";
  field: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Rows per INSERT: 9 bound values each stays under SQLite's 32,766 and PostgreSQL's 65,535
 * parameters per statement (a 10,000-task import audits 10,000 rows).
 */
const AUDIT_CHUNK = 1_000;

/** Appends entries to the audit log (in the caller's transaction when given one). */
export async function recordAudit(db: Db, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    await insertAudit(db, entries.slice(i, i + AUDIT_CHUNK));
  }
}

async function insertAudit(db: Db, entries: AuditEntry[]): Promise<void> {
  await db
    .insertInto("audit_log")
    .values(
      entries.map((e) => ({
        at: e.at,
        actor: e.actor,
        entity: e.entity,
        entity_key: e.entityKey,
        action: e.action,
        field: e.field,
        before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
        after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
      })),
    )
    .execute();
}

/** Audit entries for one entity, newest first. */
export async function auditFor(db: Db, entity: AuditEntry["entity"], entityKey: string) {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity", "=", entity)
    .where("entity_key", "=", entityKey)
    .orderBy("id", "desc")
    .execute();
}

/** Total number of audit entries (used by import tests and the CLI summary). */
export async function countAudit(db: Db): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
