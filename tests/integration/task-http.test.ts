import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCall } from "../../src/emulator/server.ts";
import { validateBlocks, validateView } from "../../src/slack/block-limits.ts";
import { ActionId } from "../../src/slack/ids.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { report } from "../helpers/store.ts";

type Answer = { response_type?: string; text?: string; blocks?: unknown[] };
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock("2026-11-29T12:00:00Z") });
  t.emulator.addUser({ id: "U0LV", name: "anna", locale: "lv-LV" });
  // Slack's en-US is everyone's default, no signal: John chose English on the App Home.
  t.emulator.addUser({ id: "U0EN", name: "john", locale: "en-US" });
  await chooseLanguage(t, "U0EN", "en");
});
afterAll(async () => {
  await t?.stop();
});

async function task(
  text: string,
  userId = "U0LV",
): Promise<{ status: number; body: Answer; text: string }> {
  const res = await t.slack.command("/task", text, { userId });
  const body = res.body as Answer;
  return { status: res.status, body, text: JSON.stringify(body.blocks ?? []) };
}

describe("/task through the signed HTTP endpoint", () => {
  it("answers /task 14 with task 14 of the report, to the caller only", async () => {
    const { status, body, text } = await task("14");
    expect(status).toBe(200);
    expect(body.response_type).toBe("ephemeral");
    expect(text).toContain(
      "14. Uzlabot komersantu, kas sniedz darbiekārtošanas pakalpojumus, kontroli un uzraudzību",
    );
    expect(text).toContain("2010. gada 31. decembris");
    expect(text).toContain("Izpildīts");
    expect(text).toContain("Labklājības ministrija");
    expect(text).not.toContain("nokavēts");
    expect(validateBlocks(body.blocks, "message")).toEqual([]);
  });

  it.each(["10.1.2", "14.", " 14 ", "  14 "])("reads %j", async (arg) => {
    const { status, text } = await task(arg);
    expect(status).toBe(200);
    expect(text).toContain(arg.trim().replace(/\.$/, ""));
    expect(text).toContain('"type":"header"');
  });

  it("marks an undone task past its deadline as overdue", async () => {
    const { text } = await task("1");
    expect(text).toContain("Izpildīts daļēji");
    expect(text).toContain("nokavēts");
  });

  it("answers every task of the report with valid blocks, in Latvian and in English", async () => {
    for (const { number } of report().tasks) {
      for (const user of ["U0LV", "U0EN"]) {
        const { status, body } = await task(number, user);
        expect(status).toBe(200);
        expect(validateBlocks(body.blocks, "message"), `task ${number} for ${user}`).toEqual([]);
        // "14. <title>", or the number alone when the title would not fit (shown under it).
        const header = (body.blocks as Array<{ text?: { text?: string } }>)[0]?.text?.text ?? "";
        const escaped = number.replace(/\./g, "\\.");
        expect(header).toMatch(
          new RegExp(`^(?:${escaped}\\. |(?:Uzdevums|Task) ${escaped}$)`, "u"),
        );
      }
    }
  });

  it("speaks English to a user who chose English on the App Home", async () => {
    const { text } = await task("14", "U0EN");
    expect(text).toContain("31 December 2010");
    expect(text).toContain("Responsible institution");
    expect(text).toContain("Done");
  });

  it("speaks Latvian to a user whose Slack is en-US but who chose nothing (Slack's default)", async () => {
    t.emulator.addUser({ id: "U0ENUS", name: "peteris", locale: "en-US" });
    const { text } = await task("14", "U0ENUS");
    expect(text).toContain("2010. gada 31. decembris");
    expect(text).not.toContain("Responsible institution");
  });

  it("lists an institution's tasks for any code or alias, in any case", async () => {
    for (const arg of ["IEM", "iem", "IeM"]) {
      const { text, body } = await task(arg);
      expect(text).toContain("Iekšlietu ministrija");
      expect(validateBlocks(body.blocks, "message")).toEqual([]);
    }
  });

  it("gives usage and the overview for /task and /task help", async () => {
    // Counted as the README counts the report: 26 tasks and 9 sub-tasks (35 rows), not 35 tasks.
    const top = report().tasks.filter((t) => t.parent === null).length;
    expect([top, report().tasks.length]).toEqual([26, 35]);
    for (const arg of ["", "help"]) {
      const { text, body } = await task(arg);
      expect(text).toContain("/task 14");
      expect(text).toContain("– 26 uzdevumi un 9 apakšuzdevumi\\n");
      expect(text).not.toContain("35 uzdevumi");
      expect(validateBlocks(body.blocks, "message")).toEqual([]);
    }
    expect((await task("help", "U0EN")).text).toContain("– 26 tasks and 9 sub-tasks\\n");
  });

  it.each([
    ["abc", "Nesapratu"],
    ["27", "Varbūt domājāt *26*"],
    ["0", "Varbūt domājāt *1*"],
    ["x".repeat(3000), "par garu (3000"],
    ["🙂🙂🙂", "Nesapratu"],
    ["999", 'Uzdevuma *999* programmā nav."'],
    ["🦀", "Institūcijas: AiM, ĀM, IEM"],
  ])("answers %j kindly, never with an error", async (arg, expected) => {
    const { status, body, text } = await task(arg);
    expect(status).toBe(200);
    expect(text).toContain(expected);
    expect(validateBlocks(body.blocks, "message")).toEqual([]);
  });

  it("lists, after a code it does not know, only institutions with tasks in the programme", async () => {
    const withTasks = new Set(
      report().tasks.flatMap((task) => task.institutions.map((i) => i.code)),
    );
    const { text } = await task("abc");
    const listed = /Institūcijas: ([^.]*)\./u.exec(text)?.[1]?.split(", ") ?? [];
    expect(listed).toContain("IEM");
    expect(listed).not.toContain("ANO");
    expect(listed).not.toContain("GRETA");
    expect(new Set(listed)).toEqual(withTasks);
    // The guess is made among the listed codes.
    expect((await task("ievm")).text).toContain("Varbūt domājāt *IEM*?");
  });

  it.each([
    ["99999999999999999999", "Uzdevuma *99999999999999999999* programmā nav"],
    ["1".repeat(60), `Uzdevuma *${"1".repeat(19)}…* programmā nav`],
    ["10.99999999999999999999", "Varbūt domājāt *10*?"],
  ])("answers the long number %j as a task the programme lacks", async (arg, expected) => {
    const { text, body } = await task(arg);
    expect(text).toContain(expected);
    expect(text).toContain("Programmas uzdevumi ir numurēti no 1 līdz 26;");
    expect(text).not.toContain("Nesapratu");
    expect(validateBlocks(body.blocks, "message")).toEqual([]);
  });

  it("opens the whole progress narrative in a modal within Slack's limits", async () => {
    const before = t.emulator.calls.length;
    const res = await t.slack.blockAction({
      actionId: ActionId.taskShowProgress,
      value: "2009-2013:1",
      userId: "U0LV",
    });
    expect(res.status).toBe(200);
    const call = await t.emulator.waitFor(isCall("views.open"), 5_000);
    expect(t.emulator.calls.length).toBeGreaterThan(before);
    expect(call.ok).toBe(true);
    const view = call.args.view as { blocks: Array<{ text?: { text: string } }> };
    expect(validateView(view)).toEqual([]);
    const shown = view.blocks.map((b) => b.text?.text ?? "").join(" ");
    expect(shown).toContain("ekspluatāciju");
  });

  it("shares the answer in the channel", async () => {
    const res = await t.slack.blockAction({
      actionId: ActionId.taskShare,
      value: "2009-2013:14",
      userId: "U0LV",
      messageTs: "1.000001",
    });
    expect(res.responseUrl).toBeDefined();
    const shared = await t.slack.waitForResponse(res.responseUrl ?? "", 5_000);
    expect(shared.body.response_type).toBe("in_channel");
    expect(JSON.stringify(shared.body.blocks)).toContain("<@U0LV>");
  });
});

describe("request verification", () => {
  it("refuses a forged signature with 401 and does nothing", async () => {
    const calls = t.emulator.calls.length;
    const res = await t.slack.command("/task", "14", { signature: "v0=0123456789abcdef" });
    expect(res.status).toBe(401);
    expect(t.emulator.calls.length).toBe(calls);
  });

  it("refuses a request signed more than 5 minutes ago with 401", async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await t.slack.command("/task", "14", { timestamp });
    expect(res.status).toBe(401);
  });

  it("refuses an unsigned request", async () => {
    const res = await fetch(`${t.app.url}/slack/events`, {
      method: "POST",
      body: "command=%2Ftask&text=14",
    });
    expect(res.status).toBe(401);
  });

  it("reports health on GET /healthz", async () => {
    const res = await fetch(`${t.app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, queue: "up" });
  });
});

describe("the 3-second acknowledgement", () => {
  it("acknowledges at once and answers through response_url when the work is slow", async () => {
    // A new user: the locale lookup (users.info) is the slow part here, 2.5 s > the ack budget.
    t.emulator.addUser({ id: "U0SLOW", name: "slow", locale: "lv-LV" });
    t.emulator.slowNext("users.info", 2_500);
    const res = await t.slack.command("/task", "14", { userId: "U0SLOW" });
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    const answer = await t.slack.waitForResponse(res.responseUrl, 10_000);
    expect(answer.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.body.blocks)).toContain("2010. gada 31. decembris");
    expect(validateBlocks(answer.body.blocks, "message")).toEqual([]);
  });
});

describe("a user who changes their Slack language, with SLACK_LOCALE=follow", () => {
  // A workspace whose members use English Slack deliberately: en-* means English, as it did.
  let follow: TestApp;
  beforeAll(async () => {
    follow = await startTestApp({
      clock: fixedClock("2026-11-29T12:00:00Z"),
      config: { slackLocale: "follow" },
      worker: false,
    });
  });
  afterAll(async () => {
    await follow?.stop();
  });
  const blocks = async (userId: string) =>
    JSON.stringify(((await follow.slack.command("/task", "14", { userId })).body as Answer).blocks);

  it("gets the new language once Slack says the user changed (user_change)", async () => {
    follow.emulator.addUser({ id: "U0SWITCH", name: "switch", locale: "lv-LV" });
    expect(await blocks("U0SWITCH")).toContain("Izpildīts");
    follow.emulator.addUser({ id: "U0SWITCH", name: "switch", locale: "en-US" });
    expect(await blocks("U0SWITCH")).toContain("Izpildīts");
    const res = await follow.slack.event({
      type: "user_change",
      user: { id: "U0SWITCH", locale: "en-US" },
    });
    expect(res.status).toBe(200);
    expect(await blocks("U0SWITCH")).toContain("Done");
  });

  it("still lets the user's own choice win", async () => {
    follow.emulator.addUser({ id: "U0FOLLOW", name: "follow", locale: "en-GB" });
    expect(await blocks("U0FOLLOW")).toContain("Responsible institution");
    await chooseLanguage(follow, "U0FOLLOW", "lv");
    expect(await blocks("U0FOLLOW")).toContain("Izpildīts");
  });
});
