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
  institution_contacts: InstitutionContactsTable;
  roles: RolesTable;
  cutoffs: CutoffsTable;
  reminder_threads: ReminderThreadsTable;
  reminders: RemindersTable;
  replies: RepliesTable;
  reply_edits: ReplyEditsTable;
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
  /** Slack channel the institution's reminders go to (set by the secretary), or null. */
  slack_channel_id: Generated<string | null>;
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

/** A Slack user who may reply on an institution's behalf; `away_until` an ISO date in Riga. */
export interface InstitutionContactsTable {
  institution_id: number;
  slack_user_id: string;
  away_until: string | null;
  position: number;
  added_at: string;
}

/** Roles granted in the app ("secretary"), beyond those in SECRETARY_USER_IDS. */
export interface RolesTable {
  slack_user_id: string;
  role: string;
  granted_by: string;
  granted_at: string;
}

/**
 * A reporting cut-off ("ziņošanas termiņš"): `at` is the UTC ISO instant; `task_numbers` a
 * JSON array narrowing the scope, or null for the default scope; `removed_at` set when removed.
 */
export interface CutoffsTable {
  id: Generated<number>;
  programme_id: number;
  at: string;
  title: string;
  task_numbers: string | null;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

/** The one reminder thread per institution and cut-off: its root message. */
export interface ReminderThreadsTable {
  id: Generated<number>;
  cutoff_id: number;
  institution_id: number;
  channel_id: string;
  thread_ts: string;
  created_at: string;
  /** Last time the collection job read the thread (UTC ISO), or null. */
  collected_at: string | null;
}

/**
 * One planned reminder and its send intent. `state`: planned → sending → sent, or skipped
 * (`detail` says why: all answered, no mapping, …) or failed. `kind`: "before-P14D", "overdue".
 */
export interface RemindersTable {
  id: Generated<number>;
  cutoff_id: number;
  institution_id: number;
  kind: string;
  scheduled_at: string;
  state: string;
  attempts: Generated<number>;
  channel_id: string | null;
  message_ts: string | null;
  sent_at: string | null;
  detail: string | null;
}

/**
 * An institution's reply for a cut-off. Unique by (`channel_id`, `ts`): the Slack message,
 * or ("modal", view id) for a modal submission. `task_id` null = not yet attributed.
 * `verified` 1 when the author is a mapped contact of the institution. `files` JSON array of
 * {name, url}. `source`: "event" | "collect" | "modal".
 */
export interface RepliesTable {
  id: Generated<number>;
  cutoff_id: number;
  institution_id: number;
  task_id: number | null;
  channel_id: string;
  ts: string;
  thread_ts: string | null;
  user_id: string;
  text: string;
  files: string;
  status_claim: string | null;
  verified: number;
  source: string;
  received_at: string;
  edited_at: string | null;
  withdrawn_at: string | null;
}

/** Earlier texts of an edited reply: what it said until `at`. */
export interface ReplyEditsTable {
  id: Generated<number>;
  reply_id: number;
  text: string;
  at: string;
}
