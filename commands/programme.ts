import { recordAudit } from "../db/audit.ts";
import { currentProgramme, findProgrammeByRef, listProgrammes } from "../db/programmes.ts";
import { setSetting } from "../db/settings.ts";
import { programmeText } from "../src/i18n/programme.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { maySecretary, notice, secretaryIds } from "./access.ts";
import { isHelpWord } from "./args.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/** What `/programme <text>` asks for. */
export type ProgrammeInput =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "use"; ref: string }
  | { kind: "invalid"; reason: "missing_code" | "not_understood"; text: string };

/** Reads the text after `/programme`: "", "help", "list", "use <code>". Pure; never throws. */
export function parse(text: string): ProgrammeInput {
  const [verb = "", ref, ...extra] = text.trim().split(/\s+/u);
  if (verb === "" || isHelpWord(verb)) return { kind: "help" };
  const word = verb.toLowerCase();
  if (word === "list" && ref === undefined) return { kind: "list" };
  if (word !== "use" || extra.length > 0)
    return { kind: "invalid", reason: "not_understood", text };
  if (!ref) return { kind: "invalid", reason: "missing_code", text };
  if (!/^[\p{L}\p{N}-]{2,40}$/u.test(ref))
    return { kind: "invalid", reason: "not_understood", text };
  return { kind: "use", ref };
}

/**
 * Answers `/programme`: anyone may list; only a secretary (or the CLI) may choose the current
 * programme. The choice is stored (setting "current_programme") and audited (entity
 * "programme", field "current").
 */
export async function handle(
  input: ProgrammeInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = programmeText(ctx.locale);
  if (input.kind === "invalid") {
    const text =
      input.reason === "missing_code"
        ? t.missingCode
        : t.notUnderstood(echoTypedText(input.text, 40));
    return notice(text, t.usageHint, false);
  }
  if (input.kind !== "use") return list(deps, ctx, input.kind === "help");
  if (!(await maySecretary(deps, ctx))) {
    const ids = await secretaryIds(deps);
    return notice(t.refusal(ids.map((id) => `<@${id}>`).join(", ")), undefined, false);
  }
  const wanted = await findProgrammeByRef(deps.db, input.ref);
  if (!wanted) {
    const codes = (await listProgrammes(deps.db)).map((p) => p.code).join(", ");
    return notice(t.notFound(echoTypedText(input.ref, 40), codes), undefined, false);
  }
  const current = await currentProgramme(deps.db);
  if (current?.id === wanted.id) return notice(t.already(wanted.code), undefined, true);
  const at = deps.clock.now().toUTC().toISO() ?? "";
  await deps.db.transaction().execute(async (trx) => {
    await setSetting(trx, "current_programme", wanted.code, ctx.userId, at);
    const change = { before: current?.code ?? null, after: wanted.code };
    await recordAudit(trx, [
      {
        at,
        actor: ctx.userId,
        entity: "programme",
        entityKey: wanted.code,
        action: "update",
        field: "current",
        ...change,
      },
    ]);
  });
  return notice(t.switched(wanted.code, wanted.title), undefined, true);
}

async function list(deps: CommandDeps, ctx: CommandContext, help: boolean): Promise<Reply> {
  const t = programmeText(ctx.locale);
  const current = await currentProgramme(deps.db);
  const all = await listProgrammes(deps.db);
  const lines = all.map((p) => t.line(p.code, p.title, p.tasks, p.id === current?.id));
  const body = all.length > 0 ? [t.listHeading, ...lines].join("\n") : t.none;
  return notice(body, help ? t.usage : undefined, true);
}

/** `/programme`: the programmes side by side, and which one `/task N` answers for. */
export const programmeCommand: SlashCommand<ProgrammeInput> = { name: "/programme", parse, handle };
