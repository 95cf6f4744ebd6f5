/**
 * Message links in local mode: the app links a reply as Slack documents it
 * (https://slack.com/archives/…), which Slack resolves to the reader's workspace; in local mode
 * that workspace is the built-in emulator, so `npm run slack` prints the link at the emulator's
 * own address, and the emulator opens it (the message with its thread) as chat.getPermalink's
 * links do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { insertReply } from "../../db/replies.ts";
import { LOCAL_USER_ID } from "../../src/config.ts";
import { localLinks } from "../../src/emulator/archives.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
import { sendCli, startLocalSlack } from "../helpers/local-slack.ts";

const CHANNEL = "C0LOCAL01";
let app: Running;
let emulator: Emulator;
let dataDir: string;

const send = (...argv: string[]) => sendCli(dataDir, argv);

beforeAll(async () => {
  ({ app, emulator, dataDir } = await startLocalSlack());
});
afterAll(async () => {
  await app?.stop();
});

describe("links in local mode", () => {
  it("/task links a reply to the local Slack, which shows it in its thread", async () => {
    expect(await send(`/institution set LM <#${CHANNEL}> <@${LOCAL_USER_ID}>`)).toMatchObject({
      code: 0,
    });
    const year = new Date().getUTCFullYear() + 1;
    const added = await send(`/cutoff add ${year}-02-01 --tasks 5 Pārbaude`);
    expect(added.out).toContain("#1");
    const root = emulator.postAsUser({ channelId: CHANNEL, userId: LOCAL_USER_ID, text: "Sākums" });
    const ts = emulator.postAsUser({
      channelId: CHANNEL,
      userId: LOCAL_USER_ID,
      text: "5: grozījumi pieņemti",
      threadTs: root,
    });
    const [lm, task5, cutoff] = await Promise.all([
      findInstitution(app.db, "LM"),
      app.db.selectFrom("tasks").select("id").where("number", "=", "5").executeTakeFirstOrThrow(),
      app.db.selectFrom("cutoffs").select("id").executeTakeFirstOrThrow(),
    ]);
    await insertReply(app.db, {
      cutoffId: cutoff.id,
      institutionId: lm?.id ?? 0,
      taskId: task5.id,
      channelId: CHANNEL,
      ts,
      threadTs: root,
      userId: LOCAL_USER_ID,
      text: "5: grozījumi pieņemti",
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: new Date().toISOString(),
    });

    const answer = await send("/task 5");
    const link = `${emulator.url}/archives/${CHANNEL}/p${ts.replace(".", "")}`;
    expect(answer.out).toContain(`(${link})`);
    expect(answer.out).not.toContain("slack.com");

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const shown = await page.text();
    expect(shown).toContain(`#darba-grupa (${CHANNEL})`);
    expect(shown).toContain("Sākums");
    expect(shown).toContain(`▶ ${ts} <@${LOCAL_USER_ID}>\n    5: grozījumi pieņemti`);
    expect((await fetch(`${emulator.url}/archives/${CHANNEL}/p1000000000000100`)).status).toBe(404);
  });

  it("points Slack's message links at the emulator and leaves other links alone", () => {
    const text =
      "<https://slack.com/archives/C1/p1700000000000100|Atvērt> https://team.slack.com/archives/C2/p1 https://x.lv/archives/";
    expect(localLinks(text, "http://127.0.0.1:4000/")).toBe(
      "<http://127.0.0.1:4000/archives/C1/p1700000000000100|Atvērt> http://127.0.0.1:4000/archives/C2/p1 https://x.lv/archives/",
    );
  });
});
