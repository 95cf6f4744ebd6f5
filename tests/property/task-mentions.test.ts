/**
 * The several-tasks detector (`namedTasks`, `tasksNotFiled`) fed arbitrary text and replies
 * built from parts: it never throws, names only tasks in scope, finds "N:" parts after a line
 * break or "; ", and takes no figure for a task ("14: 2 līgumi; 3 apmācības", "10:00").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attributeReply,
  leadingNumbers,
  namedTasks,
  replyBody,
  taskNumberPrefix,
  tasksNotFiled,
} from "../../src/domain/attribution.ts";
import { userText } from "./arbitraries.ts";

const number = fc
  .array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join("."));
const scope = fc.uniqueArray(number, { minLength: 2, maxLength: 8 });
/** A part's words: no digits, no line breaks, no ";" (each would start a new part). */
const words = fc
  .array(fc.constantFrom("apmācīti", "speciālisti", "pārbaudes", "veiktas", "līgumi", "ok", "—"), {
    minLength: 1,
    maxLength: 6,
  })
  .map((w) => w.join(" "));
const separator = fc.constantFrom(": ", " – ", ":", " — ", ". punkts: ", ". uzdevums – ");
const joiner = fc.constantFrom("\n", "; ", "\n\n", ";\n", "\n• ", "\n- ");

describe("tasks a reply names", () => {
  it("never throw; name only tasks in scope, each once; the unfiled ones exclude the filed", () => {
    fc.assert(
      fc.property(userText, fc.array(number, { maxLength: 5 }), (text, tasks) => {
        const named = namedTasks(text, tasks);
        // A reply naming tasks is filed under the first it names, whatever is open, unless it
        // starts with numbers none of which is in scope ("99: …"): then its author is asked.
        const leading = leadingNumbers(text);
        const stray = leading.length > 0 && !leading.some((n) => tasks.includes(n));
        if (named.length > 0)
          expect(attributeReply(text, tasks, tasks)).toBe(stray ? null : named[0]);
        if (stray) expect(attributeReply(text, tasks, tasks.slice(0, 1))).toBeNull();
        expect(named.every((n) => tasks.includes(n))).toBe(true);
        expect(new Set(named).size).toBe(named.length);
        const filed = named[0] ?? null;
        const unfiled = tasksNotFiled(text, tasks, filed);
        expect(unfiled.every((n) => named.includes(n) && n !== filed)).toBe(true);
        if (named.length < 2) expect(unfiled).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("a number outside the scope never counts: adding it to the scope adds only itself", () => {
    fc.assert(
      fc.property(userText, scope, number, (text, tasks, extra) => {
        fc.pre(!tasks.includes(extra));
        const wider = namedTasks(text, [...tasks, extra]).filter((n) => n !== extra);
        expect(namedTasks(text, tasks)).toEqual(wider);
      }),
      { numRuns: 300 },
    );
  });

  it("finds every numbered part of the scope, in order, after a line break or '; '", () => {
    fc.assert(
      fc.property(
        scope,
        fc.array(fc.tuple(separator, words, joiner), { minLength: 2, maxLength: 4 }),
        (tasks, parts) => {
          const used = tasks.slice(0, parts.length);
          fc.pre(used.length === parts.length);
          const text = parts
            .map(([sep, body, join], i) => `${used[i]}${sep}${body}${join}`)
            .join("");
          expect(namedTasks(text, tasks)).toEqual(used);
          expect(tasksNotFiled(text, tasks, used[0] ?? null)).toEqual(used.slice(1));
          expect(attributeReply(text, tasks, tasks)).toBe(used[0]);
        },
      ),
    );
  });

  it("finds a leading list '2, 5:' / '2 un 5 –'", () => {
    const listJoin = fc.constantFrom(", ", " un ", " and ");
    fc.assert(
      fc.property(scope, listJoin, fc.constantFrom(": ", " – "), words, (tasks, j, sep, body) => {
        const [a, b] = tasks as [string, string];
        const text = `${a}${j}${b}${sep}${body}`;
        expect(namedTasks(text, tasks)).toEqual([a, b]);
        expect(tasksNotFiled(text, tasks, null)).toEqual([a, b]);
        // Stored whole under the first, whatever is open; the other did not get it.
        expect(attributeReply(text, tasks, tasks)).toBe(a);
        expect(attributeReply(text, tasks, [b])).toBe(a);
        expect(tasksNotFiled(text, tasks, a)).toEqual([b]);
      }),
    );
  });

  it("finds a leading ordinal list 'Par 2. un 14. uzdevumu:' / '2., 5. un 14. punkts –'", () => {
    const listJoin = fc.constantFrom(", ", " un ", " and ");
    const word = fc.constantFrom(
      "punkts",
      "punktu",
      "punktā",
      "punktiem",
      "uzdevums",
      "uzdevumu",
      "uzdevumiem",
      "Uzdevumu",
    );
    const lead = fc.constantFrom("", "Par ", "par ", "*Par ");
    fc.assert(
      fc.property(
        scope,
        fc.integer({ min: 2, max: 3 }),
        listJoin,
        lead,
        word,
        fc.constantFrom(": ", " – ", " ", "*: "),
        words,
        (tasks, n, j, before, w, sep, body) => {
          const used = tasks.slice(0, n);
          fc.pre(used.length === n);
          const text = `${before}${used.map((k) => `${k}.`).join(j)} ${w}${sep}${body}`;
          expect(namedTasks(text, tasks)).toEqual(used);
          expect(tasksNotFiled(text, tasks, used[0] ?? null)).toEqual(used.slice(1));
          expect(attributeReply(text, tasks, tasks)).toBe(used[0]);
          // After a line break or "; " the list is found as well.
          expect(namedTasks(`${tasks.at(-1)}: ${body}\n${text}`, tasks)).toContain(used[1]);
        },
      ),
    );
  });

  it("takes no ordinal list without its word, or without every full stop", () => {
    const tasks = ["2", "3", "14"];
    // A list's items, dates and counts: the leading "2." is read as before, nothing more.
    for (const text of [
      "2. un 14. maijā notika sanāksme",
      "2. un 3. apmācības notika",
      "2. un 14. punktsx",
      "2.un 14. punkts: ok",
      "2 un 14 punkti izpildīti",
      "Par 2 un 14 uzdevumiem ziņosim",
    ]) {
      expect(namedTasks(text, tasks).length, text).toBeLessThan(2);
      expect(tasksNotFiled(text, tasks, "2"), text).toEqual([]);
    }
    expect(namedTasks("14: ok\n2. un 3. apmācības", tasks)).toEqual(["14"]);
  });

  it("takes no figure in a later part for a task, even a number in scope", () => {
    const figure = fc.constantFrom(
      (k: string) => `${k} apmācības`,
      (k: string) => `${k.split(".")[0]}:00 sākās sanāksme`,
      (k: string) => `${k}. apmācības notika`,
      (k: string) => `${k}) apmācības`,
      (k: string) => `${k}-01-15 sanāksme`,
      (k: string) => `${k.split(".")[0]},5: procenti`,
      (k: string) => `${k}–7 dienas`,
      (k: string) => `nr. ${k} līgums`,
    );
    fc.assert(
      fc.property(
        scope,
        words,
        fc.array(fc.tuple(joiner, figure), { maxLength: 4 }),
        (tasks, body, later) => {
          const first = tasks[0] ?? "";
          const text = `${first}: ${body}${later.map(([j, f], i) => `${j}${f(tasks[i % tasks.length] ?? "")}`).join("")}`;
          expect(namedTasks(text, tasks)).toEqual([first]);
          expect(tasksNotFiled(text, tasks, first)).toEqual([]);
        },
      ),
    );
  });

  it("reads the tester's examples", () => {
    const tasks = ["2", "3", "5", "14"];
    expect(tasksNotFiled("2: apmācīti 40 speciālisti; 14: pārbaudes veiktas", tasks, "2")).toEqual([
      "14",
    ]);
    expect(tasksNotFiled("5: grozījumi pieņemti\n14: pārbaudes veiktas", tasks, "5")).toEqual([
      "14",
    ]);
    expect(tasksNotFiled("2, 5: abi izpildīti", tasks, null)).toEqual(["2", "5"]);
    expect(attributeReply("2, 5: abi izpildīti", tasks, tasks)).toBe("2");
    expect(tasksNotFiled("2, 5: abi izpildīti", tasks, "2")).toEqual(["5"]);
    expect(attributeReply("Par 2. un 14. uzdevumu: abi turpinās", tasks, tasks)).toBe("2");
    expect(attributeReply("2: apmācības notiek; 14: licences pārbaudītas", tasks, tasks)).toBe("2");
    expect(namedTasks("14: 2 līgumi; 3 apmācības", tasks)).toEqual(["14"]);
    expect(namedTasks("Darbs turpinās, ziņosim vēlāk", tasks)).toEqual([]);
    expect(tasksNotFiled("Par 2. un 14. uzdevumu: abi izpildīti", tasks, null)).toEqual([
      "2",
      "14",
    ]);
    expect(tasksNotFiled("2. un 14. punkts: izpildīti", tasks, "2")).toEqual(["14"]);
    expect(tasksNotFiled("Par 2., 5. un 14. punktu – izpildīti", tasks, null)).toEqual([
      "2",
      "5",
      "14",
    ]);
  });
});

describe("a sentence starting with a date or an ordinal", () => {
  const month = fc.constantFrom(
    "janvāris",
    "janvārī",
    "janvāra",
    "februārī",
    "martā",
    "marta",
    "aprīlī",
    "maijā",
    "jūnija",
    "jūlijā",
    "augustā",
    "septembrī",
    "oktobra",
    "novembrī",
    "decembrī",
    "decembris",
  );
  const unit = fc.constantFrom(
    "ceturksnī",
    "ceturksnis",
    "ceturkšņa",
    "pusgadā",
    "gadā",
    "gada",
    "nedēļā",
    "dienā",
    "reizi",
    "vietā",
    "klase",
    "klasē",
    "lasījumā",
    "sēdē",
  );
  const capitalised = (w: string) => `${w[0]?.toUpperCase() ?? ""}${w.slice(1)}`;
  const day = fc.integer({ min: 1, max: 31 }).map(String);
  const lead = fc.constantFrom("", "*", "_", "> ");

  it("'N. decembrī …', 'N. ceturksnī …' in any case and form name no task; the text is kept", () => {
    fc.assert(
      fc.property(
        lead,
        day,
        fc.oneof(month, unit),
        fc.boolean(),
        words,
        fc.uniqueArray(day, { minLength: 1, maxLength: 5 }),
        (l, n, w, upper, body, tasks) => {
          const close = l === "*" || l === "_" ? l : "";
          const text = `${l}${n}${close}. ${upper ? capitalised(w) : w} ${body}`;
          expect(taskNumberPrefix(text), text).toBeNull();
          expect(namedTasks(text, [...tasks, n]), text).toEqual([]);
          // The no-number way: the one open task, or unassigned; never the day's number.
          expect(attributeReply(text, [...tasks, n], [n, ...tasks].slice(0, 2))).toBeNull();
          const open = tasks[0] ?? "";
          expect(attributeReply(text, [n, ...tasks], [open])).toBe(open);
          expect(replyBody(text, open)).toBe(text);
        },
      ),
    );
  });

  it("'N.' then any lowercase word that is not punkts/uzdevums names no task", () => {
    const word = fc
      .stringMatching(/^[a-zāčēģīķļņšūž]{2,12}$/u)
      .filter((w) => !/^(?:punkt|uzdevum)/u.test(w));
    fc.assert(
      fc.property(number, word, words, (n, w, body) => {
        const text = `${n}. ${w} ${body}`;
        expect(taskNumberPrefix(text), text).toBeNull();
        expect(attributeReply(text, [n], [n, "999"])).toBeNull();
      }),
    );
  });

  it("a task reference stays one: '14:', '14 –', '14)', '14. Uzsākta', '14. punkts', 'Par 14. uzdevumu', '*14*. …'", () => {
    const form = fc.constantFrom(
      (k: string, w: string) => `${k}: ${w}`,
      (k: string, w: string) => `${k} – ${w}`,
      (k: string, w: string) => `${k}) ${w}`,
      // Capitalised, as a sentence about the task starts ("14. Uzsākta …"; not a month's name).
      (k: string, w: string) => `${k}. ${capitalised(w.split(" ").slice(1).join(" ") || "Ok")}`,
      (k: string, w: string) => `${k}. punkts: ${w}`,
      (k: string, w: string) => `Par ${k}. uzdevumu: ${w}`,
      // Bold: a lowercase word after it too, but not a month or a unit ("*5*. decembrī").
      (k: string, w: string) => `*${k}*. ${w.split(" ").slice(1).join(" ") || "ok"}`,
    );
    fc.assert(
      fc.property(form, number, fc.oneof(month, unit), words, (f, n, w, body) => {
        const text = f(n, `${w} ${body}`);
        expect(taskNumberPrefix(text)?.number, text).toBe(n);
        expect(attributeReply(text, [n, "999"], [n, "999"])).toBe(n);
      }),
    );
  });
});

describe("English ways of naming tasks", () => {
  const about = fc.constantFrom(
    "",
    "Regarding ",
    "regarding ",
    "Re ",
    "Re: ",
    "Concerning ",
    "About ",
  );
  const word = fc.constantFrom("Task ", "task ", "Tasks ", "tasks ", "Task #");
  it("'Regarding task 14: …', 'Re task 14 …', 'Task #14 – …' name task 14, the rest its body", () => {
    fc.assert(
      fc.property(
        about,
        word,
        scope,
        fc.constantFrom(": ", " – ", " "),
        words,
        (a, w, tasks, sep, body) => {
          const n = tasks[0] ?? "";
          fc.pre(!body.startsWith("—"));
          const text = `${a}${w}${n}${sep}${body}`;
          expect(taskNumberPrefix(text), text).toEqual({ number: n, rest: body });
          expect(attributeReply(text, tasks, tasks)).toBe(n);
          expect(replyBody(text, n)).toBe(body);
        },
      ),
    );
  });

  it("'Regarding tasks 5 and 14: …', 'Tasks 5, 14 and 19 – …' name them all, filed under the first, kept whole", () => {
    const listJoin = fc.constantFrom(", ", " and ", " & ");
    fc.assert(
      fc.property(
        about,
        fc.constantFrom("Tasks ", "tasks ", "Task "),
        scope,
        listJoin,
        fc.constantFrom(": ", " – ", " "),
        words,
        (a, w, tasks, j, sep, body) => {
          const [x, y] = tasks as [string, string];
          const text = `${a}${w}${x}${j}${y}${sep}${body}`;
          expect(namedTasks(text, tasks), text).toEqual([x, y]);
          expect(attributeReply(text, tasks, tasks)).toBe(x);
          expect(tasksNotFiled(text, tasks, x)).toEqual([y]);
          expect(replyBody(text, x)).toBe(text);
        },
      ),
    );
  });

  it("a word before a bare number is no marker: 'About 14 people', 'Re 14 …'", () => {
    fc.assert(
      fc.property(about, scope, words, (a, tasks, body) => {
        fc.pre(a !== "");
        const text = `${a}${tasks[0]} ${body}`;
        expect(taskNumberPrefix(text)).toBeNull();
        expect(namedTasks(text, tasks)).toEqual([]);
      }),
    );
  });
});
