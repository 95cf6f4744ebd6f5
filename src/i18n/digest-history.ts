import type { UnreachableWhy } from "./cutoff-reach.ts";

/**
 * The digest's and App Home's pointer from another cut-off's replies to `/task N history`:
 * every task named, or the general form when there are many (a fresh user's finding: it named
 * only the first institution's first task, "`/task 5 history`", though LM answered on 14); and
 * its advice for a channel it cannot reach, fitting the cause ({@link unreachableAdvice}).
 */
/** How many tasks `otherCutoff` names one by one; more read "`/task N history`". */
export const HISTORY_NAMED = 3;

/**
 * "Uzdevuma atbildes ar to ziņošanas termiņiem – `/task 5 history`." with every task of
 * `numbers` named ("`/task 5 history`, `/task 14 history`"), or "`/task N history` (N –
 * uzdevuma numurs)" when there are more than {@link HISTORY_NAMED}.
 */
export function historyHint(numbers: string | readonly string[], locale: "lv" | "en"): string {
  const list = typeof numbers === "string" ? [numbers] : [...numbers];
  const commands =
    list.length > HISTORY_NAMED
      ? locale === "lv"
        ? "`/task N history` (N – uzdevuma numurs)"
        : "`/task N history` (N – the task's number)"
      : list.map((n) => `\`/task ${n} history\``).join(", ");
  return locale === "lv"
    ? `${list.length > 1 ? "Uzdevumu" : "Uzdevuma"} atbildes ar to ziņošanas termiņiem – ${commands}.`
    : `${list.length > 1 ? "Each task's" : "A task's"} replies with their cut-offs: ${commands}.`;
}

/**
 * The digest's advice for institutions whose channel cannot be reached, said of the secretary
 * (the whole group reads it), fitting each cause in `why` (code → cause): a channel Slack does
 * not know (not_found) cannot be joined, so only naming another; not_member: invite the app or
 * name another; archived: unarchive it or name another. Without `why` (a digest stored before
 * it was kept): the general advice. The example command names the first code.
 */
export function unreachableAdvice(
  codes: readonly string[],
  why: Readonly<Record<string, UnreachableWhy>> | undefined,
  locale: "lv" | "en",
): string {
  const first = codes[0] ?? "";
  const set =
    locale === "lv"
      ? `\`/institution set ${first} #kanāls\``
      : `\`/institution set ${first} #channel\``;
  const invite = "`/invite @Koordinators`";
  const of = (w: UnreachableWhy) => codes.filter((c) => why?.[c] === w);
  const [notFound, notMember, archived] = [of("not_found"), of("not_member"), of("archived")];
  const known =
    why !== undefined && notFound.length + notMember.length + archived.length === codes.length;
  if (locale === "lv") {
    if (!known || notMember.length === codes.length)
      return `Sekretārs var pievienot lietotni kanālam (${invite}) vai norādīt citu (${set}).`;
    if (notFound.length === codes.length) return `Sekretārs var norādīt citu kanālu (${set}).`;
    if (archived.length === codes.length)
      return `Sekretārs var atarhivēt kanālu vai norādīt citu (${set}).`;
    return `Sekretārs var norādīt citu kanālu (${set})${notMember.length > 0 ? `; ${notMember.join(", ")}: arī pievienot lietotni kanālam (${invite})` : ""}${archived.length > 0 ? `; ${archived.join(", ")}: arī atarhivēt kanālu` : ""}.`;
  }
  if (!known || notMember.length === codes.length)
    return `The secretary can add the app to the channel (${invite}) or give another (${set}).`;
  if (notFound.length === codes.length) return `The secretary can give another channel (${set}).`;
  if (archived.length === codes.length)
    return `The secretary can unarchive the channel or give another (${set}).`;
  return `The secretary can give another channel (${set})${notMember.length > 0 ? `; ${notMember.join(", ")}: or add the app to it (${invite})` : ""}${archived.length > 0 ? `; ${archived.join(", ")}: or unarchive it` : ""}.`;
}
