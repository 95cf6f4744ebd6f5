import type { Generated } from "kysely";

/**
 * The Kysely database interface: one `XTable` per table. Times are UTC ISO-8601 text;
 * calendar dates (deadlines) are ISO dates ("2010-12-31") meant in the app's time zone.
 */
export interface Database {
  programmes: ProgrammesTable;
  institutions: InstitutionsTable;
  tasks: TasksTable;
  task_institutions: TaskInstitutionsTable;
  audit_log: AuditLogTable;
}

/** A national action programme ("programma"), e.g. code "2009-2013". */
export interface ProgrammesTable {
  id: Generated<number>;
  code: string;
  title: string;
  /** File the programme was imported from (name only), or null when entered by hand. */
  source: string | null;
  created_at: string;
}

/** A body in the working group. `code` is canonical ("IEM"); `aliases` is a JSON string array. */
export interface InstitutionsTable {
  id: Generated<number>;
  code: string;
  name: string;
  aliases: string;
  created_at: string;
}

/**
 * A task or sub-task of a programme. `number` is the programme's ("14", "10.1.2");
 * `parent_number` the enclosing task's; `position` the report's order.
 */
export interface TasksTable {
  id: Generated<number>;
  programme_id: number;
  number: string;
  parent_number: string | null;
  position: number;
  section: string;
  title: string;
  deadline_text: string;
  /** ISO calendar date in the app's zone ("2010-12-31"), or null ("regulāri"). */
  due_date: string | null;
  /** "recurring" | "annual" | null. */
  recurrence: string | null;
  /** "done" | "partial" | "not_done" | "ongoing" | null. */
  status: string | null;
  indicator: string | null;
  progress: string | null;
  updated_at: string;
}

/** Institution's role in a task, in printed order (`position` 0 is the responsible one). */
export interface TaskInstitutionsTable {
  task_id: number;
  institution_id: number;
  /** "responsible" | "co_responsible". */
  role: string;
  position: number;
}

/**
 * Every change to the store: who (`actor`: a Slack user ID or "import:<file>"), when (`at`,
 * UTC ISO), what (`entity` + `entity_key` + `field`), before → after (JSON text or null).
 */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  entity: string;
  entity_key: string;
  action: string;
  field: string | null;
  before: string | null;
  after: string | null;
}
