/**
 * What `/task` suggests for a question it cannot answer: the task number a mistyped one was
 * plausibly meant to be, the programme's numbers in short, and the institution codes a query
 * may have meant (edit distance, diacritics).
 */
import { compareCodes, foldCode, withoutDiacritics } from "../src/domain/codes.ts";

/**
 * The existing task number `wanted` was plausibly a typo of, or null: only a number one edit
 * away as typed (a digit or dot changed, added, dropped, or two swapped: "27" → "26", "0" → "1",
 * "10.4" → "10.2", "62" → "26") or close in value (the same parent and a last component at
 * most 1 apart, or `wanted`'s own parent: "14.1" → "14"). Among those the nearest, comparing
 * component by component. Anything else ("999", "99999999999999999999") gets no guess: the
 * answer lists the numbers that exist instead. Components may have any number of digits
 * (compared as BigInt, so a huge one is not rounded).
 */
export function nearestNumber(wanted: string, numbers: string[]): string | null {
  const key = (n: string) => n.split(".").map((part) => BigInt(part));
  const w = key(wanted);
  let best: { n: string; d: bigint[] } | null = null;
  for (const n of numbers) {
    const k = key(n);
    if (!plausibleTypo(wanted, w, n, k)) continue;
    const d = Array.from({ length: Math.max(w.length, k.length) }, (_, i) => {
      const diff = (w[i] ?? 0n) - (k[i] ?? 0n);
      return diff < 0n ? -diff : diff;
    });
    if (!best || closer(d, best.d)) best = { n, d };
  }
  return best?.n ?? null;
}

/** Whether the number `n` (components `k`) is a plausible intent of `wanted` (`w`). */
function plausibleTypo(wanted: string, w: bigint[], n: string, k: bigint[]): boolean {
  if (editDistance(wanted, n) <= 1) return true;
  const parentsEqual = (len: number) => k.slice(0, len).every((part, i) => part === w[i]);
  if (k.length === w.length - 1 && parentsEqual(k.length)) return true;
  if (k.length !== w.length || !parentsEqual(k.length - 1)) return false;
  const diff = (w[w.length - 1] ?? 0n) - (k[k.length - 1] ?? 0n);
  return diff >= -1n && diff <= 1n;
}

/** Whether distance `a` is smaller than `b`, component by component (missing ones are 0). */
function closer(a: bigint[], b: bigint[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * How the programme numbers its tasks, for an answer naming a number it lacks: the first and
 * last top-level numbers (null when it has none) and at most two sub-task numbers as examples
 * (the first sub-task, then the first one deeper than it, else the next one: "10.1" and
 * "10.1.1"), so the answer can say "numbered 1–26; some have sub-tasks, e.g. 10.1 or 10.1.1"
 * rather than list every sub-task as if it were the only ones. Pure.
 */
export function numberOutline(numbers: readonly string[]): {
  first: string | null;
  last: string | null;
  subtaskExamples: string[];
} {
  const top = numbers.filter((n) => !n.includes(".")).sort((a, b) => Number(a) - Number(b));
  const subs = numbers.filter((n) => n.includes("."));
  const depth = (n: string) => n.split(".").length;
  const [sub] = subs;
  const second =
    sub === undefined
      ? undefined
      : (subs.find((n) => depth(n) > depth(sub)) ?? subs.find((n) => n !== sub));
  return {
    first: top[0] ?? null,
    last: top.at(-1) ?? null,
    subtaskExamples: [sub, second].filter((n): n is string => n !== undefined),
  };
}

/**
 * The institution codes closest to a mistyped one ("ievm" → IEM), by edit distance ignoring
 * case and diacritics ("am" → ĀM, a missing macron is no edit), when at most 1 edit (codes up to
 * 3 letters) or 2 edits away. Every code at the smallest distance, so an equally plausible one
 * is not hidden ("AMM" → AiM and ĀM), in the order of `codes`; empty when none is close.
 */
export function nearestCodes(query: string, codes: string[]): string[] {
  const q = foldCode(query);
  let best: { codes: string[]; d: number } | null = null;
  for (const code of codes) {
    const d = editDistance(q, foldCode(code));
    if (d > (code.length <= 3 ? 1 : 2)) continue;
    if (!best || d < best.d) best = { codes: [code], d };
    else if (d === best.d) best.codes.push(code);
  }
  return best?.codes ?? [];
}

/**
 * The other institutions a plain query may have meant besides `foundId`, the one it matched
 * (by code or alias, ignoring case): those whose code or alias spells the query with diacritics
 * it lacks ("AM" is AiM's annex code, and ĀM without its macron). A query typed with
 * diacritics ("ĀM") was meant as typed: none.
 */
export function alsoMeant<T extends { id: number; code: string; aliases: string[] }>(
  query: string,
  foundId: number,
  institutions: readonly T[],
): T[] {
  const wanted = query.replace(/\s+/g, " ").trim();
  if (!withoutDiacritics(wanted)) return [];
  const folded = foldCode(wanted);
  return institutions
    .filter(
      (i) => i.id !== foundId && [i.code, ...i.aliases].some((name) => foldCode(name) === folded),
    )
    .sort((a, b) => compareCodes(a.code, b.code));
}

/**
 * Edits (change, insert, delete one character, or swap two adjacent ones) that turn `a` into
 * `b`: the optimal string alignment distance, so "62" and "26" are one edit apart.
 */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] ?? 0, (before[j - 2] ?? 0) + 1);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}
