import { cleanCommandText } from "./args.ts";
import { calendarCommand } from "./calendar.ts";
import { cutoffCommand } from "./cutoff.ts";
import { digestCommand } from "./digest.ts";
import { exportCommand } from "./export.ts";
import { institutionCommand } from "./institution.ts";
import { programmeCommand } from "./programme.ts";
import { roleCommand } from "./role.ts";
import { sessionCommand } from "./session.ts";
import { taskCommand } from "./task.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/** A command with its input type hidden: text in, reply out. */
export interface RunnableCommand {
  name: string;
  run(text: string, deps: CommandDeps, ctx: CommandContext): Promise<Reply>;
}

/**
 * Wraps a typed command so commands with different inputs can share one list. The text is read
 * as `cleanCommandText` reads it (invisible characters dropped, no-break spaces as spaces).
 */
export function runnable<I>(command: SlashCommand<I>): RunnableCommand {
  return {
    name: command.name,
    run: (text, deps, ctx) => command.handle(command.parse(cleanCommandText(text)), deps, ctx),
  };
}

/**
 * Every slash command the app answers. `src/app.ts` registers each one with Bolt (ack →
 * parse → handle → respond); the manifest lists the same names.
 */
export const slashCommands: readonly RunnableCommand[] = [
  runnable(taskCommand),
  runnable(institutionCommand),
  runnable(cutoffCommand),
  runnable(roleCommand),
  runnable(sessionCommand),
  runnable(digestCommand),
  runnable(exportCommand),
  runnable(programmeCommand),
  runnable(calendarCommand),
];

export type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";
