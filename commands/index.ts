import * as task from "./task.ts";

/** Every slash command the app answers, with its parse/handle pair. `app.ts` loops over this. */
export const slashCommands = [{ name: "/task", parse: task.parse, handle: task.handle }] as const;

export type { Reply } from "./task.ts";
