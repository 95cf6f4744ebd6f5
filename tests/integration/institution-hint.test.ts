/**
 * `/institution set IEM --no-contacts` without a channel answers with a form that works
 * (`/institution set IEM #kanāls --no-contacts`), and typing that form, the channel picked, is
 * accepted. Through the app's signed HTTP endpoint, against the Slack emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import { startInstitutionApp } from "./support/institution.ts";

const SECRETARY = "U0SEC0H01";
let t: TestApp;

beforeAll(async () => {
  t = await startInstitutionApp({
    secretary: SECRETARY,
    channels: [{ id: "C0IEMH001", name: "iem-darba-grupa" }],
  });
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { blocks?: unknown[]; text?: string };

/** The app's answer to `/institution <text>`, as JSON. */
async function institution(text: string): Promise<string> {
  const res = await t.slack.command("/institution", text, { userId: SECRETARY });
  expect(res.status).toBe(200);
  let body = res.body as Answer | "";
  if (body === "" || (body.blocks === undefined && body.text === undefined))
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  if (body.blocks) expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return JSON.stringify(body);
}

describe("/institution set without a channel", { timeout: 30_000 }, () => {
  it("--no-contacts: the hint shows the channel first and keeps the flag, and that form works", async () => {
    const hint = await institution("set IEM --no-contacts");
    expect(hint).toContain("`/institution set IEM #kanāls --no-contacts`");
    expect(hint).not.toContain("IEM --no-contacts #kanāls");

    const done = await institution("set IEM <#C0IEMH001|iem-darba-grupa> --no-contacts");
    expect(done).not.toContain("ne abus");
    const iem = await findInstitution(t.app.db, "IEM");
    expect(await getMapping(t.app.db, iem?.id ?? 0)).toMatchObject({
      channelId: "C0IEMH001",
      contacts: [],
    });
  });

  it("a contact named: the hint names the institution alone", async () => {
    const hint = await institution("set IEM <@U0ANNA01|anna>");
    expect(hint).toContain("`/institution set IEM #kanāls @kontaktpersona`");
  });
});
