/**
 * `/task N`'s cut-off part as the renderer builds it from a status: who the next reminder is said
 * to go to (never implying that an institution left out of it has answered), the shared
 * no-channel notice, and the Block Kit limits with more institutions than four sections hold
 * (the store-backed cases: tests/integration/task-reminder-truth, task-cutoff-long).
 */
import { describe, expect, it } from "vitest";
import { noChannelNotice } from "../../src/i18n/no-channel.ts";
import type { TaskCutoffStatus } from "../../src/reminders/task-status.ts";
import { SECTION_TEXT_MAX, validateBlocks } from "../../src/slack/block-limits.ts";
import {
  otherCutoffLines,
  reminderLines,
  renderCutoffStatus,
} from "../../src/slack/render-task-cutoff.ts";

const RIGA = "Europe/Riga";
const NEXT = "2027-01-25T07:00:00.000Z"; // pirmd. 25.01.2027. 09:00 in Riga

type Inst = TaskCutoffStatus["institutions"][number];
const inst = (code: string, answered: boolean, hasChannel = true): Inst => ({
  code,
  answered,
  hasChannel,
  latest: null,
  laterUnverified: 0,
});
const status = (institutions: Inst[], to: string[]): TaskCutoffStatus => ({
  cutoff: { id: 1, at: "2027-02-01T21:59:59.999Z", title: "Pārbaude" },
  institutions,
  nextReminderAt: to.length > 0 ? NEXT : null,
  nextReminderTo: to,
});

describe("the next reminder's recipients", () => {
  it("names nobody when it goes to every institution of the task", () => {
    const s = status([inst("LM", false), inst("IEM", false)], ["LM", "IEM"]);
    expect(reminderLines(s, "lv", RIGA)).toEqual([
      "Nākamais atgādinājums: pirmd. 25.01.2027. 09:00",
    ]);
    expect(reminderLines(s, "en", RIGA)).toEqual(["Next reminder: Mon 25 Jan 2027 09:00"]);
  });

  it("says 'who have not replied' only when it goes to exactly those", () => {
    const s = status([inst("LM", true), inst("IZM", false), inst("IEM", false)], ["IZM", "IEM"]);
    expect(reminderLines(s, "lv", RIGA)).toEqual([
      "Nākamais atgādinājums: pirmd. 25.01.2027. 09:00 – institūcijām, kas vēl nav atbildējušas uz #1: IZM, IEM",
    ]);
    expect(reminderLines(s, "en", RIGA)).toEqual([
      "Next reminder: Mon 25 Jan 2027 09:00, to the institutions that have not replied to #1 yet: IZM, IEM",
    ]);
  });

  it("only names them when an institution that has not answered is left out (no channel)", () => {
    const s = status([inst("LM", false), inst("IZM", false, false), inst("IEM", true)], ["LM"]);
    expect(reminderLines(s, "lv", RIGA)).toEqual([
      "Nākamais atgādinājums: pirmd. 25.01.2027. 09:00 – LM",
      `⚠️ ${noChannelNotice("lv", ["IZM"])}`,
    ]);
    expect(reminderLines(s, "en", RIGA)).toEqual([
      "Next reminder: Mon 25 Jan 2027 09:00, to LM",
      `⚠️ ${noChannelNotice("en", ["IZM"])}`,
    ]);
  });

  it("only names them when another's reminder is planned later", () => {
    const s = status([inst("LM", false), inst("IEM", false)], ["LM"]);
    expect(reminderLines(s, "lv", RIGA)).toEqual([
      "Nākamais atgādinājums: pirmd. 25.01.2027. 09:00 – LM",
    ]);
  });
});

describe("the no-channel notice (shared with the digest)", () => {
  it("says who may set a channel, singular and plural", () => {
    expect(noChannelNotice("lv", ["IZM"])).toBe(
      "Institūcijai IZM nav Slack kanāla, tāpēc atgādinājumi tai netiks sūtīti. Sekretārs kanālu var norādīt ar `/institution set IZM #kanāls`.",
    );
    expect(noChannelNotice("lv", ["IZM", "VM"])).toBe(
      "Šīm institūcijām nav Slack kanāla, tāpēc atgādinājumi tām netiks sūtīti: IZM, VM. Sekretārs kanālu var norādīt ar `/institution set IZM #kanāls`.",
    );
    expect(noChannelNotice("en", ["IZM"])).toBe(
      "IZM has no Slack channel, so no reminders will be sent to it. The secretary can set one with `/institution set IZM #channel`.",
    );
    expect(noChannelNotice("en", ["IZM", "VM"])).toBe(
      "These institutions have no Slack channel, so no reminders will be sent to them: IZM, VM. The secretary can set one with `/institution set IZM #channel`.",
    );
    expect(noChannelNotice("lv", [])).toBe("");
  });
});

describe("many institutions with long replies", () => {
  const replied = (n: number): Inst => ({
    ...inst(`I${n}`, true),
    latest: {
      text: `${"Pasākums ir īstenots atbilstoši plānam un termiņiem. ".repeat(20)}`,
      userId: `U0I${n}`,
      at: "2027-01-19T10:00:00.000Z",
      channelId: `C0I${n}`,
      ts: `1800000000.${String(n).padStart(6, "0")}`,
      verified: true,
    },
  });

  it("keeps the reminder lines whole, and says how many institutions are not shown", () => {
    const institutions = [...Array.from({ length: 59 }, (_, n) => replied(n)), inst("Z", false)];
    for (const locale of ["lv", "en"] as const) {
      const blocks = renderCutoffStatus(status(institutions, ["Z"]), locale, RIGA);
      expect(validateBlocks(blocks, "message")).toEqual([]);
      expect(blocks.length).toBe(5);
      const texts = blocks.map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""));
      for (const text of texts) expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
      const shown = texts.join("\n").match(/\*I\d+\*/gu)?.length ?? 0;
      expect(shown).toBeGreaterThan(30);
      const left = 60 - shown;
      expect(texts[3]).toMatch(
        locale === "lv"
          ? new RegExp(`_\\(vēl ${left} institūcijas nav parādītas: ziņa būtu par garu\\)_$`, "u")
          : new RegExp(
              `_\\(${left} more institutions are not shown: the message would be too long\\)_$`,
              "u",
            ),
      );
      expect(texts[4]).toBe(reminderLines(status(institutions, ["Z"]), locale, RIGA).join("\n"));
    }
  });
});

describe("a reply's line: the link to the message apart from the reply's text", () => {
  const one = (channelId: string, verified: boolean): TaskCutoffStatus =>
    status(
      [
        {
          ...inst("LM", verified),
          latest: {
            text: "grozījumi pieņemti",
            userId: "U0ANNA",
            at: "2027-01-19T10:00:00.000Z",
            channelId,
            ts: "1800000000.000100",
            verified,
          },
        },
      ],
      [],
    );
  const line = (s: TaskCutoffStatus, locale: "lv" | "en") => {
    const [first] = renderCutoffStatus(s, locale, RIGA);
    const text = first?.type === "section" ? (first.text?.text ?? "") : "";
    return text.split("\n")[1];
  };
  const LINK = "https://slack.com/archives/C0LM/p1800000000000100";

  it("stands beside the author, before the text, never as the reply's last word", () => {
    expect(line(one("C0LM", true), "lv")).toBe(
      `✅ *LM* atbildēja 19.01.2027. (<@U0ANNA>, <${LINK}|atvērt ziņu>): grozījumi pieņemti`,
    );
    expect(line(one("C0LM", true), "en")).toBe(
      `✅ *LM* replied 19 Jan 2027 (<@U0ANNA>, <${LINK}|open message>): grozījumi pieņemti`,
    );
    expect(line(one("C0LM", false), "lv")).toBe(
      `❔ *LM* – pārbaudītas atbildes uz #1 vēl nav; <@U0ANNA> (nav LM kontaktpersona) rakstīja 19.01.2027. (<${LINK}|atvērt ziņu>): grozījumi pieņemti`,
    );
    expect(line(one("C0LM", false), "en")).toBe(
      `❔ *LM* – no verified reply to #1 yet; <@U0ANNA> (not a contact of LM) wrote on 19 Jan 2027 (<${LINK}|open message>): grozījumi pieņemti`,
    );
  });

  it("is left out for an answer by the form (no message to open)", () => {
    expect(line(one("modal", true), "lv")).toBe(
      "✅ *LM* atbildēja 19.01.2027. (<@U0ANNA>): grozījumi pieņemti",
    );
    expect(line(one("modal", false), "en")).toBe(
      "❔ *LM* – no verified reply to #1 yet; <@U0ANNA> (not a contact of LM) wrote on 19 Jan 2027: grozījumi pieņemti",
    );
  });
});

describe("lines left out: institutions and other cut-offs counted apart", () => {
  const long = "Pasākums ir īstenots atbilstoši plānam un termiņiem. ".repeat(20);
  const replied = (n: number): Inst => ({
    ...inst(`I${n}`, true),
    latest: {
      text: long,
      userId: `U0I${n}`,
      at: "2027-01-19T10:00:00.000Z",
      channelId: `C0I${n}`,
      ts: `1800000000.${String(n).padStart(6, "0")}`,
      verified: true,
    },
  });
  /** `count` other cut-offs, each with replies from 12 institutions (a long line). */
  const others = (count: number): NonNullable<TaskCutoffStatus["others"]> =>
    Array.from({ length: count }, (_, k) => ({
      cutoff: { id: 10 + k, at: "2027-03-01T21:59:59.999Z", title: `Cits ${k}` },
      replies: Array.from({ length: 12 }, (_, n) => ({
        code: `I${n}`,
        at: "2027-01-19T10:00:00.000Z",
        channelId: `C0I${n}`,
        ts: `1800000001.${String(n).padStart(6, "0")}`,
        verified: true,
      })),
    }));
  const NOTE = {
    lv: {
      institutions: /_\(vēl (\d+) institūcijas? nav parādītas?: ziņa būtu par garu\)_/u,
      others:
        /_\(vēl (\d+) rindas? par cit\S+ ziņošanas termiņ\S+ nav parādītas?: ziņa būtu par garu; visas uzdevuma atbildes: `\/task 14 history`\)_/u,
      other: /^↩️ Uz ziņošanas termiņu #/gmu,
    },
    en: {
      institutions:
        /_\((\d+) more institutions? (?:is|are) not shown: the message would be too long\)_/u,
      others:
        /_\((\d+) more lines? about (?:another|other) reporting cut-offs? (?:is|are) not shown: the message would be too long; every reply to the task: `\/task 14 history`\)_/u,
      other: /^↩️ For reporting cut-off #/gmu,
    },
  } as const;

  it.each([
    [59, 3],
    [30, 12],
  ])("%i institutions, %i other cut-offs: each shown or counted once", (nInst, nOthers) => {
    const institutions = Array.from({ length: nInst }, (_, n) => replied(n));
    const s = { ...status(institutions, []), others: others(nOthers) };
    for (const locale of ["lv", "en"] as const) {
      const blocks = renderCutoffStatus(s, locale, RIGA, "14");
      expect(validateBlocks(blocks, "message")).toEqual([]);
      const whole = blocks
        .map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""))
        .join("\n");
      const shownInst = whole.match(/^✅ \*I\d+\*/gmu)?.length ?? 0;
      const shownOthers = whole.match(NOTE[locale].other)?.length ?? 0;
      const leftInst = Number(NOTE[locale].institutions.exec(whole)?.[1] ?? 0);
      const leftOthers = Number(NOTE[locale].others.exec(whole)?.[1] ?? 0);
      expect(shownInst + leftInst).toBe(nInst);
      expect(shownOthers + leftOthers).toBe(nOthers);
      expect(leftOthers).toBeGreaterThan(0);
    }
  });
});

describe("a reply to another cut-off received after that cut-off's time", () => {
  const other = (at: string): NonNullable<TaskCutoffStatus["others"]>[number] => ({
    cutoff: { id: 3, at: "2026-12-01T14:56:00.000Z", title: "Pirmais", passed: true },
    replies: [
      { code: "LM", at, channelId: "C0LM", ts: "1800000000.000001", verified: true },
      {
        code: "IEM",
        at: "2026-11-30T10:00:00.000Z",
        channelId: "modal",
        ts: "m1",
        verified: true,
      },
    ],
  });
  const line = (at: string, locale: "lv" | "en") =>
    otherCutoffLines([other(at)], locale, RIGA, "14").lines[0];

  it("is marked as the digest and the view's own lines mark one (lv, en); in time it is not", () => {
    expect(line("2026-12-02T08:00:00.000Z", "lv")).toBe(
      "↩️ Uz ziņošanas termiņu #3 „Pirmais” (01.12.2026.) atbildēja: *LM* 02.12.2026. <https://slack.com/archives/C0LM/p1800000000000001|atvērt> _(pēc ziņošanas termiņa)_, *IEM* 30.11.2026.",
    );
    expect(line("2026-12-02T08:00:00.000Z", "en")).toBe(
      "↩️ For reporting cut-off #3 “Pirmais” (1 Dec 2026): replies from *LM* on 2 Dec 2026 <https://slack.com/archives/C0LM/p1800000000000001|open> _(after the reporting cut-off)_, *IEM* on 30 Nov 2026",
    );
    // At the cut-off's very instant, or before it: in time.
    for (const at of ["2026-12-01T14:56:00.000Z", "2026-12-01T10:00:00.000Z"]) {
      expect(line(at, "lv")).not.toContain("pēc ziņošanas termiņa");
      expect(line(at, "en")).not.toContain("after the reporting cut-off");
    }
  });

  it("shows in /task's blocks beside the view's own cut-off", () => {
    const s: TaskCutoffStatus = {
      ...status([inst("LM", false)], ["LM"]),
      others: [other("2026-12-02T08:00:00.000Z")],
    };
    const blocks = renderCutoffStatus(s, "lv", RIGA, "14");
    expect(validateBlocks(blocks, "message")).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("|atvērt> _(pēc ziņošanas termiņa)_, *IEM*");
  });
});

describe("a task answered in time, its latest reply after the cut-off (the digest's rule)", () => {
  const CUTOFF = "2026-12-01T14:56:00.000Z";
  const latest = {
    text: "5: pēc termiņa papildinājums",
    userId: "U0LM",
    at: "2026-12-02T08:00:00.000Z",
    channelId: "C0LM",
    ts: "1800000000.000002",
    verified: true,
  };
  const own = (inTime: boolean): TaskCutoffStatus => ({
    cutoff: { id: 3, at: CUTOFF, title: "Pirmais", passed: true },
    institutions: [{ ...inst("LM", true), latest, inTime }],
    nextReminderAt: null,
    nextReminderTo: [],
  });
  const text = (s: TaskCutoffStatus, locale: "lv" | "en") =>
    JSON.stringify(renderCutoffStatus(s, locale, RIGA, "5"));

  it("the view's own line: '(papildināts pēc ziņošanas termiņa)', not late (lv, en)", () => {
    expect(text(own(true), "lv")).toContain(
      "pēc termiņa papildinājums _(papildināts pēc ziņošanas termiņa)_",
    );
    expect(text(own(true), "lv")).not.toContain("papildinājums _(pēc ziņošanas termiņa)_");
    expect(text(own(true), "en")).toContain("_(supplemented after the reporting cut-off)_");
    // Not answered in time: late, as before.
    expect(text(own(false), "lv")).toContain("papildinājums _(pēc ziņošanas termiņa)_");
    expect(text(own(false), "en")).toContain("_(after the reporting cut-off)_");
  });

  it("a ↩️ line: the same mark (lv, en)", () => {
    const other = {
      cutoff: { id: 3, at: CUTOFF, title: "Pirmais", passed: true },
      replies: [
        {
          code: "LM",
          at: latest.at,
          channelId: "C0LM",
          ts: latest.ts,
          verified: true,
          inTime: true,
        },
      ],
    };
    expect(otherCutoffLines([other], "lv", RIGA, "5").lines[0]).toContain(
      "|atvērt> _(papildināts pēc ziņošanas termiņa)_",
    );
    expect(otherCutoffLines([other], "en", RIGA, "5").lines[0]).toContain(
      "|open> _(supplemented after the reporting cut-off)_",
    );
  });
});
