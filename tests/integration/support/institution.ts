/**
 * The app as the `/institution` integration suites drive it: the real app (signed HTTP,
 * emulator, store) on a clock fixed at 2026-11-29 12:00 UTC, with its secretaries, people and
 * channels in the emulator.
 */
import type { Emulator } from "../../../src/emulator/server.ts";
import { fixedClock } from "../../../src/time.ts";
import { startTestApp, type TestApp } from "../../helpers/app.ts";
import { chooseLanguage } from "../../helpers/language.ts";

/**
 * Starts the app with `secretary` (the emulator's "sekretare", Latvian) and `english` (when
 * given: "kate", en-GB, who has chosen English on the app's Home) as SECRETARY_USER_IDS, then
 * adds `users` and `channels` to the emulator.
 */
export async function startInstitutionApp(opts: {
  secretary: string;
  english?: string;
  users?: Array<Parameters<Emulator["addUser"]>[0]>;
  channels?: Array<Parameters<Emulator["addChannel"]>[0]>;
}): Promise<TestApp> {
  const { secretary, english } = opts;
  const t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: english ? [secretary, english] : [secretary] },
  });
  t.emulator.addUser({ id: secretary, name: "sekretare", locale: "lv-LV" });
  if (english) t.emulator.addUser({ id: english, name: "kate", locale: "en-GB" });
  for (const user of opts.users ?? []) t.emulator.addUser(user);
  for (const channel of opts.channels ?? []) t.emulator.addChannel(channel);
  if (english) await chooseLanguage(t, english, "en");
  return t;
}
