/**
 * The cut-off the CLI takes when none is named (`cutoff plan` without an id, `replies` without
 * `--cutoff`): the one `/cutoff plan` takes (commands/cutoff-default.ts), named on stderr so
 * that stdout stays the command's output (pure JSON with `--json`).
 */
import { CUTOFF_GRACE_DAYS, defaultCutoff } from "../../commands/cutoff-default.ts";
import type { Db } from "../../db/client.ts";
import type { Config, Locale } from "../config.ts";
import { cutoffDefaultText } from "../i18n/cutoff-default.ts";
import { formatInstant } from "../slack/format.ts";
import type { Clock } from "../time.ts";

/**
 * The id of the cut-off to take for `use` ("plan": `cutoff plan`, "replies": `replies`), after
 * one line on stderr naming it (id, title, time in `config.timezone`) and why, and how to name
 * another when others are live. Null when there is none to take — no live cut-off, or several
 * none of which is active — after the reason and what to type on stderr, with exit code 1.
 * Throws only on store failure.
 */
export async function cliDefaultCutoff(
  deps: { db: Db; clock: Clock; config: Config },
  locale: Locale,
  use: "plan" | "replies",
): Promise<number | null> {
  const t = cutoffDefaultText(locale).cli;
  const chosen = await defaultCutoff(deps.db, deps.clock.now());
  if (chosen.kind === "picked") {
    const c = chosen.cutoff;
    const when = formatInstant(c.at, deps.config.timezone, locale);
    const note = t[use](chosen.why, c.id, c.title, when, chosen.others.length, chosen.stale);
    process.stderr.write(`${note}\n`);
    return c.id;
  }
  const how = use === "plan" ? "`npm run cli -- cutoff plan N`" : "--cutoff N";
  const why =
    chosen.kind === "none"
      ? use === "plan"
        ? t.planNone
        : t.repliesNone
      : t.undecided(chosen.live.length, CUTOFF_GRACE_DAYS, how);
  process.stderr.write(`${why}\n`);
  process.exitCode = 1;
  return null;
}
