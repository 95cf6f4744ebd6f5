import type { Migration, MigrationProvider } from "kysely";
import * as createCoreTables from "./2026_11_29_160000_create_core_tables.ts";
import * as createReminderTables from "./2026_11_29_170000_create_reminder_tables.ts";

/** Every migration, listed statically (no file-system scanning), in order. */
export const migrations: Record<string, Migration> = {
  "2026_11_29_160000_create_core_tables": createCoreTables,
  "2026_11_29_170000_create_reminder_tables": createReminderTables,
};

/** Kysely migration provider over {@link migrations}. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
