/**
 * What a person typed, repeated in an answer ("Nesapratu „R&D”"), is escaped once: Slack sends
 * slash-command text with `&`, `<`, `>` already escaped (`R&amp;D`), and the answers escaped it
 * again (`R&amp;amp;D`, shown to the person as "R&amp;D"). Signed endpoint, real store, emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

const SECRETARY = "U0SEC0001";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
});
afterAll(async () => {
  await t?.stop();
});

/** The answer's mrkdwn as Slack would render it: every text of its blocks, joined. */
async function answer(command: string, text: string): Promise<string> {
  const res = await t.slack.command(command, text, { userId: SECRETARY });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 15_000)).body as { blocks?: unknown[] };
  return JSON.stringify(body.blocks);
}

describe("typed text repeated in an answer", () => {
  const cases: [string, string][] = [
    ["/task", "R&amp;D"],
    ["/cutoff", "move R&amp;D 2027-01-01"],
    ["/digest", "since R&amp;D"],
    ["/export", "annex R&amp;D"],
    ["/calendar", "R&amp;D"],
    ["/role", "add R&amp;D secretary"],
    ["/programme", "use R&amp;D"],
    ["/session", "add R&amp;D"],
  ];
  for (const [command, text] of cases) {
    it(`${command} ${text}: escaped once`, async () => {
      const shown = await answer(command, text);
      expect(shown).not.toContain("&amp;amp;");
      expect(shown).toContain("R&amp;D");
    });
  }

  it("a typed <b> (sent as &lt;b&gt;) is shown as typed, escaped once", async () => {
    const shown = await answer("/task", "&lt;b&gt;x&lt;/b&gt;");
    expect(shown).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(shown).not.toContain("&amp;lt;");
  });
});
