import type { Migration, MigrationProvider } from "kysely";
import * as createCoreTables from "./2026_11_29_160000_create_core_tables.ts";
import * as createReminderTables from "./2026_11_29_170000_create_reminder_tables.ts";
import * as createSessionTables from "./2026_11_29_180000_create_session_tables.ts";
import * as addAnnexLayout from "./2026_11_29_190000_add_annex_layout.ts";
import * as addTaskParentIndex from "./2026_11_29_200000_add_task_parent_index.ts";
import * as createUserSettings from "./2026_12_01_100000_create_user_settings.ts";
import * as addReminderCutoffAt from "./2026_12_02_090000_add_reminder_cutoff_at.ts";
import * as escapeModalReplyText from "./2026_12_03_090000_escape_modal_reply_text.ts";
import * as addReplyStoredAt from "./2026_12_04_090000_add_reply_stored_at.ts";
import * as createChannelChecks from "./2026_12_04_120000_create_channel_checks.ts";
import * as expandCutoffHeadings from "./2026_12_05_090000_expand_cutoff_headings.ts";

/** Every migration, listed statically (no file-system scanning), in order. */
export const migrations: Record<string, Migration> = {
  "2026_11_29_160000_create_core_tables": createCoreTables,
  "2026_11_29_170000_create_reminder_tables": createReminderTables,
  "2026_11_29_180000_create_session_tables": createSessionTables,
  "2026_11_29_190000_add_annex_layout": addAnnexLayout,
  "2026_11_29_200000_add_task_parent_index": addTaskParentIndex,
  "2026_12_01_100000_create_user_settings": createUserSettings,
  "2026_12_02_090000_add_reminder_cutoff_at": addReminderCutoffAt,
  "2026_12_03_090000_escape_modal_reply_text": escapeModalReplyText,
  "2026_12_04_090000_add_reply_stored_at": addReplyStoredAt,
  "2026_12_04_120000_create_channel_checks": createChannelChecks,
  "2026_12_05_090000_expand_cutoff_headings": expandCutoffHeadings,
};

/** Kysely migration provider over {@link migrations}. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
