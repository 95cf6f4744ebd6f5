/**
 * The digest's and App Home's pointer from another cut-off's replies to `/task N history`:
 * every task named, or the general form when there are many (a fresh user's finding: it named
 * only the first institution's first task, "`/task 5 history`", though LM answered on 14).
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
