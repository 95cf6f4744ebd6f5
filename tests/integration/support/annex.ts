/** Reading what the app uploaded to the emulator: the newest file, and an annex CSV's cells. */
import { parse as parseCsv } from "csv-parse/sync";
import type { TestApp } from "../../helpers/app.ts";

/**
 * The bytes of the newest file the app uploaded (files.uploadV2 in the emulator).
 * @throws Error when it uploaded none.
 */
export function lastUpload(t: TestApp): Buffer {
  const file = [...t.emulator.files.values()].at(-1);
  if (!file?.bytes) throw new Error("no file uploaded");
  return file.bytes;
}

/**
 * Institution `code`'s progress cell ("LM, 30.11.2026.: …") in task `task`'s row of an annex
 * CSV (UTF-8 with BOM, the "Uzdevuma numurs" column naming the task); "" when there is none.
 */
export function annexProgress(csv: Buffer, task = "14", code = "LM"): string {
  const rows = parseCsv(csv.toString("utf8"), { bom: true }) as string[][];
  const header = rows[0] ?? [];
  const row = rows.find((r) => r[header.indexOf("Uzdevuma numurs")] === task) ?? [];
  return row.find((cell) => cell.includes(`${code}, `)) ?? "";
}
