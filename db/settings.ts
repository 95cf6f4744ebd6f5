import type { Db } from "./client.ts";
import { compiled } from "./compiled.ts";

/** Keys of app-wide settings. `current_programme`: the code `/task N` answers for. */
export type SettingKey = "current_programme";

/** A setting's value, or undefined when it was never set. */
export async function getSetting(db: Db, key: SettingKey): Promise<string | undefined> {
  const [row] = await settingValue(db, key);
  return row?.value;
}

// Read by every `/task` (the current programme): compiled once (see compiled.ts).
const settingValue = compiled((db, key: SettingKey) =>
  db.selectFrom("app_settings").select("value").where("key", "=", key),
);

/** Sets a setting (insert or replace); `at` is a UTC ISO instant, `by` the actor. */
export async function setSetting(
  db: Db,
  key: SettingKey,
  value: string,
  by: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("app_settings")
    .values({ key, value, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_by: by, updated_at: at }))
    .execute();
}
