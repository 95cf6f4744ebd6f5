/**
 * A command text with a NUL character (found by tests/property/http-endpoint on PostgreSQL:
 * `/institution "add\naddadd\n--since\u0000add 8.  "` answered the unexpected error, as
 * PostgreSQL's text cannot hold U+0000). The app reads it as U+FFFD (src/app.ts `withoutNul`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { secretaryUserIds: ["U0NULSEC"] } });
  t.emulator.addUser({ id: "U0NULSEC", name: "sekretars", locale: "lv-LV" });
});
afterAll(async () => t?.stop());

describe("a command text with a NUL character", () => {
  it.each([
    ["/institution", "add\naddadd\n--since\u0000add 8.  "],
    ["/institution", "LM\u0000"],
    ["/task", "LM\u0000"],
    ["/cutoff", "add\u0000 2027-01-01"],
  ])("%s %j gets an answer, not the unexpected error", async (name, text) => {
    const res = await t.slack.command(name, text, { userId: "U0NULSEC" });
    expect(res.status).toBe(200);
    const body = (
      res.body === "" ? (await t.slack.waitForResponse(res.responseUrl, 10_000)).body : res.body
    ) as { text?: string };
    expect(typeof body.text).toBe("string");
    expect(body.text).not.toBe(messages("lv").errors.unexpected);
  });
});
