/**
 * A contact's App Home says nothing of "all submitted" for a cut-off that asks its institution
 * nothing (a fresh user's finding: "✅ Par ziņošanas termiņu #3 viss ir iesniegts. Paldies!"
 * for a cut-off whose scope has none of LM's tasks). Fixture: at 2 Dec 2026 cut-off #1
 * (1 Feb 2027) asks only task 1 (IEM's); anna is LM's contact. Through the signed endpoint
 * (`app_home_opened`, `views.publish` in the emulator). SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import type { TestApp } from "../helpers/app.ts";
import { HOME_PEOPLE, openHome, startHomeApp } from "./support/home.ts";
import { storeCutoff } from "./support/lm-cutoffs.ts";

const NOW = "2026-12-02T10:00:00Z";
const { secretary: SECRETARY, anna: ANNA } = HOME_PEOPLE;
let t: TestApp;
let cutoff: Cutoff;

beforeAll(async () => {
  t = await startHomeApp(NOW);
  cutoff = await storeCutoff(t.app.db, {
    at: "2027-02-01T21:59:59.999Z",
    title: "Tikai IEM",
    taskNumbers: ["1"],
    createdBy: SECRETARY,
    createdAt: NOW,
  });
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

describe("a cut-off that asks the contact's institution nothing", () => {
  it("is not said to be all submitted, nor missing anything", async () => {
    const anna = await openHome(t, ANNA);
    expect(anna).toContain("*Jūsu uzdevumi (");
    expect(anna).not.toContain("viss ir iesniegts");
    expect(anna).not.toContain(`Vēl gaidām jūsu atbildi uz #${cutoff.id}`);
  });
});
