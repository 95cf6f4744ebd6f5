/**
 * `/cutoff move` and `/cutoff list` name a first or next reminder only of an institution with a
 * Slack channel, as `/cutoff add` does (a fresh user's finding: a move said "pirmais … 04:22"
 * and the list "nākamais atgādinājums: 04:22" of reminders to IEM and TM, neither with a
 * channel, while the warning below said none would be sent).
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { setMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-29T12:00:00Z" });

const cutoff = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

describe("/cutoff move and list with no institution reachable", () => {
  it("promise no first or next reminder until one has a channel", async () => {
    // 13.4: IEM and TM, neither with a channel.
    await cutoff("add 2027-04-15 12:00 --tasks 13.4 Pārbaude");
    const moved = await cutoff("move 1 2027-04-16");
    expect(moved).toMatch(/Jaunajam laikam plānoti \d+ atgādinājumi, bet neviens netiks nosūtīts/u);
    expect(moved).not.toContain("pirmais");
    expect(moved).toContain("Nav Slack kanāla: IEM, TM");
    const en = await cutoff("move 1 2027-04-15", "en");
    expect(en).toContain("planned for the new time, but none will be sent");
    const list = await cutoff("list");
    expect(list).not.toContain("nākamais atgādinājums");

    const tm = await findInstitution(w.db, "TM");
    await setMapping(w.db, tm?.id ?? 0, "C0TM", [], "2026-11-29T12:00:00Z");
    const reached = await cutoff("move 1 2027-04-16");
    expect(reached).toMatch(/Jaunajam laikam plānoti \d+ atgādinājumi, pirmais /u);
    expect(await cutoff("list")).toContain("nākamais atgādinājums: ");
  });
});
