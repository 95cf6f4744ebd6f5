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
  programme_sections: ProgrammeSectionsTable;
  app_settings: AppSettingsTable;
  sessions: SessionsTable;
  digests: DigestsTable;
  digest_posts: DigestPostsTable;
  user_settings: UserSettingsTable;
  channel_checks: ChannelChecksTable;
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
  /** The number cell as the annex printed it ("15. 14."), or null (print "<number>."). */
  printed_number: string | null;
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
  /** The cut-off's time (UTC ISO) this reminder was planned for: rows of an earlier time are history. */
  cutoff_at: string;
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
  /** When the app stored the row (UTC ISO); `received_at` is the message's own post time. */
  stored_at: string;
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

/** A working-group session ("darba grupas sēde"): `at` UTC ISO; `removed_at` set when removed. */
export interface SessionsTable {
  id: Generated<number>;
  programme_id: number;
  at: string;
  title: string;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

/**
 * A built digest ("kopsavilkums"). `request_key` makes building idempotent (one row per
 * request); `kind`: "manual" | "session" | "cutoff"; `content` the digest model as JSON;
 * `since`/`built_at` UTC ISO; `posted_at` set once posted to the working group.
 */
export interface DigestsTable {
  id: Generated<number>;
  programme_id: number;
  request_key: string;
  kind: string;
  since: string;
  built_at: string;
  requested_by: string;
  locale: string;
  session_id: number | null;
  cutoff_id: number | null;
  content: string;
  posted_at: string | null;
}

/**
 * Where a digest went: one row per (digest, channel). `purpose` "draft" (a secretary's DM) or
 * "post"; `state` "posting" → "posted"; `parts_done`/`files_done` count thread messages and
 * files already sent, so a retried job continues instead of repeating them.
 */
export interface DigestPostsTable {
  id: Generated<number>;
  digest_id: number;
  channel_id: string;
  purpose: string;
  state: string;
  parent_ts: string | null;
  parts_done: Generated<number>;
  files_done: Generated<number>;
  posted_at: string | null;
}

/** A section ("rīcības virziens") of a programme and its title, as the annex prints it. */
export interface ProgrammeSectionsTable {
  programme_id: number;
  /** "I" … "V". */
  section: string;
  title: string;
}

/** App-wide settings set by a secretary: `key` ("current_programme") → `value` (text). */
export interface AppSettingsTable {
  key: string;
  value: string;
  updated_by: string;
  updated_at: string;
}

/** A person's own settings, chosen in the app (App Home). */
export interface UserSettingsTable {
  /** Slack user id ("U0123ABCD"). */
  user_id: string;
  /** "lv" | "en": the language the app speaks to this user; null = as Slack says. */
  locale: string | null;
  updated_at: string;
}

/**
 * What Slack last said about a channel (`conversations.info`): "ok", "not_found", "not_member"
 * or "archived" (an unanswered check is not stored); `checked_at` UTC ISO.
 */
export interface ChannelChecksTable {
  channel_id: string;
  state: string;
  checked_at: string;
}
