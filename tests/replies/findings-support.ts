/**
 * The app the "fresh user's findings" reply tests run against (tests/integration/
 * replies-findings-*.test.ts): the real app on signed Events API callbacks and the emulator,
 * with the secretary, the people of {@link PEOPLE} and the working group's channel {@link WG}
 * (#darba-grupa, where the digest is posted), logs watched down to debug.
 */
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE } from "./support.ts";

/** The working group's channel (the digest's) of {@link startFindingsApp}. */
export const WG = "C0WGFND01";

/** Starts the findings' app (see the module comment); the caller stops `t`. */
export async function startFindingsApp(): Promise<{ t: TestApp; logs: LogWatch }> {
  const logs = watchLogs("debug");
  const t = await startTestApp({
    logger: logs.logger,
    config: { secretaryUserIds: [PEOPLE.secretary], workgroupChannelId: WG },
  });
  addPeople(t.emulator);
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  return { t, logs };
}
