/**
 * Shared steps of the integration suites about moved and removed cut-offs, over a running test
 * app: adding a cut-off through the signed `/cutoff add`, how the answers write a removed one,
 * waiting for a reminder thread's root to be rewritten, and the environment of a CLI run next
 * to the app.
 */
import { listCutoffs, replyCutoff } from "../../../db/cutoffs.ts";
import { isCall } from "../../../src/emulator/server.ts";
import { formatInstant, formatInstantDay } from "../../../src/slack/format.ts";
import type { TestApp } from "../../helpers/app.ts";
import { slashText } from "../../helpers/slash.ts";

/** Long enough for a starved process (a busy CI runner), short of the tests' own limit. */
export const SLOW_MS = 60_000;

/**
 * Adds a cut-off through the signed `/cutoff add <text> <title>` as `userId` and returns its id.
 * @throws Error when no cut-off titled `title` is then stored.
 */
export async function addCutoff(
  t: TestApp,
  userId: string,
  text: string,
  title: string,
): Promise<number> {
  await slashText(t, "/cutoff", `add ${text} ${title}`, userId);
  const found = (await listCutoffs(t.app.db)).find((c) => c.title === title);
  if (!found) throw new Error(`${title} not added`);
  return found.id;
}

/**
 * Removed cut-off `id` as the answers write it in `locale`: its title, its time, the day it was
 * removed (formatInstantDay, e.g. "30.11.2026."), and the stored removal instant (UTC ISO).
 * @throws Error when the cut-off is not marked removed.
 */
export async function removedTimes(t: TestApp, id: number, locale: "lv" | "en") {
  const found = await replyCutoff(t.app.db, id);
  if (!found?.removedAt) throw new Error("not removed");
  const zone = t.app.config.timezone;
  return {
    title: found.cutoff.title,
    when: formatInstant(found.cutoff.at, zone, locale),
    day: formatInstantDay(found.removedAt, zone, locale),
    removedAt: found.removedAt,
  };
}

/**
 * The root's blocks as JSON once they satisfy `ok`: at once, or after the chat.update that
 * makes them so (event-driven: the emulator stores the update before it records the call). The
 * wait (default {@link SLOW_MS}) is long enough for a starved worker (the refresh job waits out
 * its window, then reads the store); after it the blocks are returned as they are, for the
 * assertions to show what the root says instead.
 */
export async function untilRoot(
  t: TestApp,
  channel: string,
  ts: string,
  ok: (text: string) => boolean,
  timeoutMs = SLOW_MS,
): Promise<string> {
  const text = () =>
    JSON.stringify(t.emulator.messagesIn(channel).find((m) => m.ts === ts)?.blocks ?? []);
  if (ok(text())) return text();
  const updated = isCall(
    "chat.update",
    (c) => c.ok && c.args.channel === channel && c.args.ts === ts && ok(text()),
  );
  await t.emulator.waitFor(updated, timeoutMs).catch(() => undefined);
  return text();
}

/** The environment of a CLI run on the running app's store and data directory (warnings only). */
export function appCliEnv(t: TestApp): Record<string, string> {
  return { DATABASE_URL: t.config.databaseUrl, DATA_DIR: t.config.dataDir, LOG_LEVEL: "warn" };
}
