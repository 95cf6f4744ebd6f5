/**
 * Wording fresh users reported, through the signed HTTP endpoint: a day that does not exist
 * reads the same under every command that takes a date (`/cutoff`'s help lists only the days a
 * cut-off can be on: no "vakar"), and `/session add` names a time it
 * cannot take (out of range, or typed after the title) as `/cutoff add` does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSessions } from "../../db/sessions.ts";
import { DATE_FORMATS_HELP, FUTURE_DATE_FORMATS_HELP } from "../../src/domain/dates.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const SECRETARY = "U0SEC0001";
const SECRETARY_EN = "U0SEC0002";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY, SECRETARY_EN] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: SECRETARY_EN, name: "secretary", locale: "en-US" });
  await chooseLanguage(t, SECRETARY_EN, "en");
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { response_type?: string; text?: string; blocks?: unknown[] };

/** Sends a signed slash command; the answer's blocks as text (ack or response_url). */
async function slash(command: string, text: string, userId = SECRETARY): Promise<string> {
  const res = await t.slack.command(command, text, { userId });
  expect(res.status).toBe(200);
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
}

describe("a date that does not exist", () => {
  const commands: Array<[string, string]> = [
    ["/digest", "since 31.02.2013"],
    ["/cutoff", "add 31.02.2013 Informatīvais ziņojums"],
    ["/cutoff", "add 31.02.2013 12:00 Informatīvais ziņojums"],
    ["/task", "14 set deadline 31.02.2013"],
    ["/session", "add 31.02.2013 10:00 Sēde"],
  ];

  it("is answered in the same words, with the accepted forms, by every command", async () => {
    for (const [userId, says, forms] of [
      [
        SECRETARY,
        "Datums „31.02.2013” neeksistē: tādas dienas kalendārā nav.",
        DATE_FORMATS_HELP.lv,
      ],
      [
        SECRETARY_EN,
        "There is no such date as “31.02.2013”: that day is not in the calendar.",
        DATE_FORMATS_HELP.en,
      ],
    ]) {
      for (const [command, text] of commands) {
        const answer = await slash(command, text, userId);
        const help =
          command === "/cutoff"
            ? FUTURE_DATE_FORMATS_HELP[forms === DATE_FORMATS_HELP.lv ? "lv" : "en"]
            : forms;
        expect(answer, `${command} ${text}`).toBe(`${says}\n${help}`);
      }
    }
    expect(await listSessions(t.app.db, "2000-01-01T00:00:00.000Z")).toEqual([]);
  });

  it("a word that is no date at all is still told apart, in the same words everywhere", async () => {
    for (const [command, text] of [
      ["/digest", "since nekad"],
      ["/cutoff", "add nekad Ziņojums"],
      ["/session", "add nekad 10:00"],
    ] as const)
      expect(await slash(command, text), `${command} ${text}`).toBe(
        `„nekad” nav saprotams datums.\n${(command === "/cutoff" ? FUTURE_DATE_FORMATS_HELP : DATE_FORMATS_HELP).lv}`,
      );
  });
});

describe("/session add names a time it cannot take", () => {
  it("25:00 is not a valid time, with the accepted form", async () => {
    const lv = await slash("/session", "add rīt 25:00");
    expect(lv).toContain(
      "Laiks „25:00” nav derīgs: rakstiet sēdes sākumu stundās un minūtēs no 00:00 līdz 23:59 (HH:MM), piemēram, 10:00, 9.30 vai plkst. 10:00.",
    );
    const en = await slash("/session", "add tomorrow 25:00", SECRETARY_EN);
    expect(en).toContain("“25:00” is not a valid time: write the session's start");
    for (const word of ["6:1", "12:00pm", "10:00:30", "plkst. 24:00"])
      expect(await slash("/session", `add rīt ${word} Sēde`)).toContain(
        `Laiks „${word}” nav derīgs`,
      );
    expect(await listSessions(t.app.db, "2000-01-01T00:00:00.000Z")).toEqual([]);
  });

  it("a time after the title is refused by name, with the command as it should read", async () => {
    const lv = await slash("/session", "add 10.12.2026. Darba grupas sēde 14:00");
    expect(lv).toContain(
      "Laiku „14:00” rakstiet tūlīt aiz datuma, pirms nosaukuma: `/session add 10.12.2026. 14:00 Darba grupas sēde`.",
    );
    const en = await slash("/session", "add 2026-12-10 Session plkst. 9.30", SECRETARY_EN);
    expect(en).toContain(
      "Write the time “plkst. 9.30” right after the date, before the title: `/session add 2026-12-10 plkst. 9.30 Session`.",
    );
    expect(await listSessions(t.app.db, "2000-01-01T00:00:00.000Z")).toEqual([]);
  });

  it("takes the time right after the date as /cutoff does ('plkst. 10:00', '9.30')", async () => {
    const added = await slash("/session", "add 10.12.2026. plkst. 9.30 Darba grupas sēde");
    expect(added).toContain("Pievienota sēde");
    const [session] = await listSessions(t.app.db, "2000-01-01T00:00:00.000Z");
    expect(session).toMatchObject({ at: "2026-12-10T07:30:00.000Z", title: "Darba grupas sēde" });
  });
});
