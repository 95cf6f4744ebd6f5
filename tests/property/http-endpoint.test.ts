/**
 * A sample of random text through the real endpoint, as Slack sends it (signed), to every
 * slash command, as an ordinary member and as the secretary: the app always answers HTTP 200
 * with a message Slack accepts (valid Block Kit, non-empty text), and never with the
 * "something went wrong" answer that an unexpected exception produces.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommands } from "../../commands/index.ts";
import { messages } from "../../src/i18n/index.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { nearMiss, userText } from "./arbitraries.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { secretaryUserIds: ["U0FUZZSEC"] } });
  t.emulator.addUser({ id: "U0FUZZSEC", name: "sekretars", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0FUZZEN", name: "member", locale: "en-GB" });
});
afterAll(async () => t?.stop());

type Answer = { text?: unknown; blocks?: unknown };
const unexpected = [messages("lv").errors.unexpected, messages("en").errors.unexpected];

describe.each(slashCommands.map((c) => c.name))("%s through the signed endpoint", (name) => {
  it("answers any text with a message Slack accepts, never an unexpected error", async () => {
    const who = fc.constantFrom("U0FUZZSEC", "U0FUZZEN");
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearMiss, userText), who, async (text, userId) => {
        const res = await t.slack.command(name, text, { userId });
        expect(res.status).toBe(200);
        // An empty acknowledgement means the answer comes through the response_url.
        const body =
          res.body === ""
            ? ((await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer)
            : (res.body as Answer);
        expect(typeof body.text).toBe("string");
        expect(String(body.text)).not.toBe("");
        expect(unexpected).not.toContain(body.text);
        if (body.blocks !== undefined) expect(validateBlocks(body.blocks, "message")).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
