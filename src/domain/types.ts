/**
 * Domain vocabulary shared by the importer, the store and the Slack layer.
 * Terms follow the glossary in the design card (task, deadline, responsible institution, …).
 */

/** Task status as read from the report's result indicator ("rezultatīvais rādītājs"). */
export type TaskStatus = "done" | "partial" | "not_done" | "ongoing";

/** Every status, in the order overviews list them. */
export const TASK_STATUSES: readonly TaskStatus[] = ["done", "partial", "ongoing", "not_done"];

/**
 * How a deadline repeats: "recurring" for "regulāri"/"pastāvīgi" (no fixed date),
 * "annual" for "ikgadēji"/"katru gadu". `null` for a one-off deadline.
 */
export type Recurrence = "recurring" | "annual";

/** Role of an institution in a task: the first printed is responsible, the rest co-responsible. */
export type InstitutionRole = "responsible" | "co_responsible";

/** Section ("rīcības virziens") of the programme, I–V. */
export type Section = "I" | "II" | "III" | "IV" | "V";

/**
 * A deadline as printed in the report plus its meaning.
 * - `text`: exactly as printed, whitespace-normalised ("2010.gads", "2011.gadā", "regulāri").
 * - `due`: the last day the task is due, as an ISO calendar date in Europe/Riga
 *   ("2010-12-31"); the instant is the end of that day in Riga. `null` when the text names no date.
 * - `recurrence`: see {@link Recurrence}; `null` for a one-off deadline.
 */
export interface Deadline {
  text: string;
  due: string | null;
  recurrence: Recurrence | null;
}

/** An institution's part in a task. `code` is the canonical abbreviation (IEM, LM, AiM, …). */
export interface TaskInstitution {
  code: string;
  role: InstitutionRole;
}

/**
 * One row of the report's annex (VI. PIELIKUMS), as the importer reads it.
 * `number` is the programme's task number ("14", "10.1.2"); for rows printed with two
 * numbers ("15. 14.") it is the second. `parent` is the enclosing task's number or `null`.
 * `status` is `null` for a parent row without its own result indicator.
 * `progress` is the whole progress narrative ("izpildes gaita"), paragraphs joined by "\n\n".
 */
export interface ImportedTask {
  number: string;
  parent: string | null;
  section: Section;
  title: string;
  deadline: Deadline;
  institutions: TaskInstitution[];
  status: TaskStatus | null;
  indicator: string | null;
  progress: string | null;
}

/** An institution from the report's abbreviation list ("IZMANTOTIE SAĪSINĀJUMI"). */
export interface ImportedInstitution {
  /** Canonical code, as in the abbreviation list ("IEM", "LM", "ĀM"), or "AiM" for Defence. */
  code: string;
  /** Full Latvian name ("Iekšlietu ministrija"). */
  name: string;
  /** Other spellings that resolve to this code ("IeM", "AM"). */
  aliases: string[];
}

/**
 * How the annex prints a programme, beyond its tasks: each task's number cell as printed
 * ("1.", "10.1.2.", "15. 14." where the report numbers rows twice) and the sections' titles
 * ("Datu apkopošana, pētnieciskais darbs"). The annex export reproduces the table with it.
 */
export interface AnnexLayout {
  /** Printed number cell by task number; a task missing here prints as "<number>.". */
  printed: Record<string, string>;
  /** Section titles by section; a section missing here prints its numeral only. */
  sections: Partial<Record<Section, string>>;
}

/** What the importer reads from one report file. */
export interface ImportedReport {
  programme: { code: string; title: string };
  institutions: ImportedInstitution[];
  tasks: ImportedTask[];
  /** The annex's printed numbering and section titles; absent = keep what the store has. */
  layout?: AnnexLayout;
}

/** An institution as the store knows it. */
export interface Institution {
  id: number;
  code: string;
  name: string;
  aliases: string[];
}

/** A task's institution with its role, in printed order. */
export interface TaskInstitutionView {
  code: string;
  name: string;
  role: InstitutionRole;
}

/** A task in a list: enough for an overview line. */
export interface TaskSummary {
  number: string;
  parent: string | null;
  section: Section;
  title: string;
  deadline: Deadline;
  status: TaskStatus | null;
}

/** Everything `/task N` shows about one task, read from the store. */
export interface TaskDetail extends TaskSummary {
  programme: { code: string; title: string };
  institutions: TaskInstitutionView[];
  indicator: string | null;
  progress: string | null;
  /** Direct sub-tasks in the report's order. */
  children: TaskSummary[];
  /**
   * Every task under this one (its sub-tasks, theirs, …) in the report's order; the same as
   * `children` when none of them has sub-tasks. A heading's status roll-up counts them
   * (`statusRollups` in status-rollup.ts).
   */
  descendants: TaskSummary[];
  /** UTC ISO instant of the last change. */
  updatedAt: string;
}
