/**
 * `/cutoff` and `/session` typed with another script's digits, through their handlers on the
 * test store (SQLite, or PostgreSQL with TEST_DATABASE=postgres): the cut-off and the session
 * are stored as with ASCII digits, the title as typed, and a mistake's answer echoes the digits
 * as typed (see any-digits-parse.test.ts for the parsers).
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { parse as parseSession, sessionCommand } from "../../commands/session.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { listSessions } from "../../db/sessions.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-29T12:00:00Z" });
const run = (text: string, locale: "lv" | "en" = "lv") =>
  handle(parse(text), w.deps, as(SECRETARY, locale));

describe("/cutoff with another script's digits", () => {
  it("adds a cut-off from a relative date, a time and --tasks in Arabic-Indic digits", async () => {
    const reply = await run("add ١.٠٢. ١٢:٠٠ --tasks ١٤,١,١٠.١.٢ Sēde ٥");
    expect(reply.found).toBe(true);
    const [cutoff, ...others] = await listCutoffs(w.db);
    expect(others).toEqual([]);
    expect(cutoff).toMatchObject({
      at: "2027-02-01T10:00:00.000Z",
      title: "Sēde ٥",
      taskNumbers: ["1", "10.1.2", "14"],
    });
    const arabic = new Intl.NumberFormat("en-u-nu-arab", { useGrouping: false });
    const plan = await run(`plan #${arabic.format(cutoff?.id ?? 0)}`);
    expect(plan.found).toBe(true);
    expect(shown(plan)).toContain("Sēde ٥");
  });

  it("echoes a mistake with its digits as typed, in both languages", async () => {
    expect(shown(await run("add ٣١.٠٢.٢٠٢٧ X"))).toContain("Datums „٣١.٠٢.٢٠٢٧” neeksistē");
    expect(shown(await run("add 2027-02-01 --tasks ١٤,x X", "en"))).toContain(
      "“١٤,x” is not a list of task numbers",
    );
    expect(await listCutoffs(w.db)).toEqual([]);
  });
});

describe("/cutoff with other keyboards' separators", () => {
  // A fresh user's finding: "５：c", "١٣٫٣" and "5، 14" typed on other keyboards were not read.
  it("adds a cut-off whose time and --tasks are typed with them", async () => {
    const reply = await run("add ١٫٠٢٫ ١٢：٠٠ --tasks ١٤، ١٣٫٣，５ Sēde：plāns");
    expect(reply.found).toBe(true);
    expect(await listCutoffs(w.db)).toMatchObject([
      {
        at: "2027-02-01T10:00:00.000Z",
        title: "Sēde：plāns",
        taskNumbers: ["5", "13.3", "14"],
      },
    ]);
  });

  it("echoes a mistake with its separators as typed", async () => {
    expect(shown(await run("add 2027-02-01 --tasks ١٤،x X", "en"))).toContain(
      "“١٤،x” is not a list of task numbers",
    );
    expect(shown(await run("add ３１．０２．２０２７ X"))).toContain(
      "Datums „３１．０２．２０２７” neeksistē",
    );
    expect(await listCutoffs(w.db)).toEqual([]);
  });
});

describe("/session with another script's digits", () => {
  it("adds a session at the date and time typed in Extended Arabic-Indic digits", async () => {
    const reply = await sessionCommand.handle(
      parseSession("add ۱۰.۱۲.۲۰۲۶ ۱۴:۰۰ Sēde ۵"),
      w.deps,
      as(SECRETARY),
    );
    expect(reply.found).toBe(true);
    expect(await listSessions(w.db)).toMatchObject([
      { at: "2026-12-10T12:00:00.000Z", title: "Sēde ۵" },
    ]);
  });
});
