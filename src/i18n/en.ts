import type { Messages } from "./index.ts";

/** English catalogue, for users whose Slack locale is English. Same shape as `lv.ts`. */
export const en: Messages = {
  localeTag: "en-GB",
  status: {
    done: "Done",
    partial: "Partly done",
    not_done: "Not done",
    ongoing: "Ongoing",
    none: "No status",
  },
  role: { responsible: "Responsible institution", co_responsible: "Co-responsible institutions" },
  sections: {
    I: "Data collection and research",
    II: "Improving legislation",
    III: "Prevention",
    IV: "Cooperation between state institutions and NGOs",
    V: "Improving the work of law enforcement",
  },
  recurrence: { recurring: "regularly", annual: "every year" },
  task: {
    heading: (number, title) => `${number}. ${title}`,
    deadline: "Deadline",
    overdue: "overdue",
    status: "Status",
    section: "Section",
    indicator: "Result indicator",
    progress: "Progress",
    noProgress: "No progress has been described.",
    noIndicator: "No result indicator is given.",
    subtasks: "Sub-tasks",
    seeSubtasks: "See sub-tasks",
    parentTask: (number) => `Part of task ${number}`,
    programme: (code) => `Programme ${code}`,
    showProgress: "Show full progress",
    share: "Share in channel",
    sharedBy: (user) => `Shared by <@${user}>`,
    progressModalTitle: (number) => `Task ${number}`,
    progressPart: (part, parts) => `Part ${part} of ${parts}`,
    close: "Close",
    fallback: (number, title) => `Task ${number}: ${title}`,
  },
  overview: {
    title: "Tasks: /task",
    usage: (codes) =>
      [
        "*How to use it*",
        "• `/task 14` or `/task 10.1.2` – a task's status, deadline and progress",
        `• \`/task IEM\` – an institution's tasks${codes ? ` (institutions with tasks in this programme: ${codes})` : ""}`,
        "• `/task 14 history` – the task's changes, newest first; `/task 14 history 2` – older ones (page 2)",
        "• `/task 2009-2013:14` – a task of another programme (its code or the code's start, e.g. `2009:14`; see `/programme list`)",
        "• `/task 14 set status partial` – change the status (`done`, `partial`, `ongoing`, `not_done`); `/task 14 set deadline 2027-06-30` – the deadline (also `2027.gads`, `regulāri`, `ikgadēji`). Secretary only",
        "• `/task help` – this help",
      ].join("\n"),
    counts: "Status",
    tasks: (n, subtasks = 0) =>
      `${n} ${n === 1 ? "task" : "tasks"}${subtasks > 0 ? ` and ${subtasks} ${subtasks === 1 ? "sub-task" : "sub-tasks"}` : ""}`,
    list: "All tasks",
    noProgramme:
      "No programme has been imported yet. The secretary can import one with `koordinators import &lt;file&gt;`.",
  },
  institution: {
    heading: (code, name) => `${code} – ${name}`,
    summary: (responsible, co) => `Responsible: ${responsible} · co-responsible: ${co}`,
    none: "This institution has no tasks in the programme.",
    noneHint: (code, codes) =>
      `\`/task\` shows a task by its number (e.g. \`/task 14\`) or an institution's tasks (e.g. \`/task IEM\`); the institutions with tasks are ${codes}. This institution's channel and contacts: \`/institution ${code}\`.`,
    responsibleMark: "responsible",
    coMark: "co-responsible",
    alsoMeant: (alternatives) =>
      `Did you mean ${alternatives.map((a) => `*${a.code}* (${a.name}) – \`/task ${a.code}\``).join(" or ")}?`,
  },
  errors: {
    taskNotFound: (number, nearest) =>
      `There is no task *${number}* in the programme.${nearest ? ` Did you mean *${nearest}*?` : ""}`,
    taskNotFoundPair: (number, first, second) =>
      `There is no task *${number}* in the programme. Did you mean *${first}* and *${second}*? \`/task ${first}\`, \`/task ${second}\``,
    numbersExist: (o) =>
      o.first === null || o.last === null
        ? "The programme has no tasks yet."
        : `${o.first === o.last ? `The programme has task ${o.first}` : `The programme's tasks are numbered ${o.first} to ${o.last}`}${o.subtaskExamples.length > 0 ? `; ${o.first === o.last ? "it has" : "some have"} sub-tasks, such as ${o.subtaskExamples.join(" or ")}` : ""}.`,
    notUnderstood: (arg) =>
      `I did not understand “${arg}”. Give a task number (e.g. \`/task 14\`) or an institution's abbreviation (e.g. \`/task IEM\`).`,
    tooLong: (length, max) =>
      `That is too long (${length} characters; at most ${max}). Give a task number, e.g. \`/task 14\`.`,
    knownInstitutions: (codes) => `Institutions: ${codes}.`,
    didYouMean: (codes) => `Did you mean ${codes.map((c) => `*${c}*`).join(" or ")}?`,
    storeBusy: "The store is not answering right now. Please try again in a moment.",
    unexpected: "Sorry, something went wrong. It has been logged; please try again in a moment.",
  },
};
