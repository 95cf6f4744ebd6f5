/**
 * `/cutoff plan` without a number names the other live cut-offs, and tells those that passed
 * apart from those ahead (a fresh user's finding: a passed #6 stood among "5 other live
 * cut-offs"), by `/task`'s rule: passed within 30 days, or earlier.
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-01T10:00:00Z" });

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

async function idOf(title: string): Promise<number> {
  const found = (await listCutoffs(w.db)).find((c) => c.title === title);
  if (!found) throw new Error(`no cut-off ${title}`);
  return found.id;
}

describe("/cutoff plan without a number, other cut-offs ahead and passed", () => {
  it("names the passed ones apart: within 30 days, and earlier (lv, en)", async () => {
    await run("add 2026-11-05 Senais");
    await run("add 2026-12-10 Nesenais");
    await run("add 2027-01-10 Nākamais");
    await run("add 2027-02-01 Vēlākais");
    w.clock.set("2026-12-20T10:00:00Z");
    const [old, recent, later] = [
      await idOf("Senais"),
      await idOf("Nesenais"),
      await idOf("Vēlākais"),
    ];
    const lv = await run("plan");
    expect(lv).toContain(`#${await idOf("Nākamais")} ${"Nākamais"}`);
    expect(lv).toContain("Spēkā ir vēl 3 termiņi");
    expect(lv).toContain(
      `Priekšā: #${later}. Pagājuši pēdējās 30 dienās: #${recent} (atbildes vēl var pienākt). Pagājuši senāk: #${old}.`,
    );
    const en = await run("plan", "en");
    expect(en).toContain(
      `Ahead: #${later}. Passed within the last 30 days: #${recent} (replies may still come in). Passed earlier: #${old}.`,
    );
  });

  it("says nothing more when every other one is ahead", async () => {
    await run("add 2027-01-10 Nākamais");
    await run("add 2027-02-01 Vēlākais");
    const lv = await run("plan");
    expect(lv).toContain("Spēkā ir vēl 1 termiņš");
    expect(lv).not.toContain("Priekšā");
    expect(lv).not.toContain("Pagājuši");
  });

  it("with none of them ahead says so: 'Neviens no tiem nav priekšā.' (lv, en)", async () => {
    await run("add 2026-11-05 Senais");
    await run("add 2026-12-10 Nesenais");
    w.clock.set("2026-12-20T10:00:00Z");
    const lv = await run("plan");
    expect(lv).toContain("rādu pēdējā pagājušā ziņošanas termiņa");
    expect(lv).toContain(`Neviens no tiem nav priekšā. Pagājuši senāk: #${await idOf("Senais")}.`);
    expect(lv).not.toContain("neviena");
    const en = await run("plan", "en");
    expect(en).toContain(`None of them is ahead. Passed earlier: #${await idOf("Senais")}.`);
  });

  it("calls the only cut-off, once passed, not 'spēkā esošs' / 'live' (lv, en)", async () => {
    await run("add 2026-12-10 Vienīgais");
    const ahead = await run("plan");
    expect(ahead).toContain("rādu vienīgā spēkā esošā ziņošanas termiņa");
    w.clock.set("2026-12-15T10:00:00Z");
    const lv = await run("plan");
    expect(lv).toMatch(
      /rādu vienīgā ziņošanas termiņa \*#\d+\* \(Vienīgais, [^)]+\) plānu\. Tas jau pagājis, un nākamā termiņa nav, bet atbildes uz šo vēl var pienākt\./u,
    );
    expect(lv).not.toContain("spēkā esošā");
    const en = await run("plan", "en");
    expect(en).toMatch(
      /the plan of the only cut-off, \*#\d+\* \(Vienīgais, [^)]+\)\. It has passed and there is no next one, but replies to it may still come in\./u,
    );
    expect(en).not.toContain("live cut-off,");
  });
});
