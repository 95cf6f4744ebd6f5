/**
 * The CLI's spreadsheet import making 13.4 a heading over a new 13.4.1 (VP's), with a cut-off
 * still ahead naming 13.4: the dry run lists the cut-off's scope change and writes nothing; the
 * import says that 13.4 now stands for 13.4.1 in cut-off #1's scope, re-plans it (no app
 * running: the store's plan, and the note that the app queues it at its next start), and the
 * plan then names VP. The real CLI process.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const ROWS = [
  "number,section,title,deadline,institutions,status",
  '13,III,"Veikt izglītojošus pasākumus speciālistiem, lai vairotu viņu izpratni par cilvēku tirdzniecību, viņu lomu cilvēku tirdzniecības novēršanā un prasmes atpazīt iespējamos upurus:",,,',
  "13.4,III,Veikt tiesībaizsardzības iestāžu darbinieku apmācības,ikgadēji,,",
  "13.4.1,III,Veikt policijas darbinieku apmācības,ikgadēji,VP,",
].join("\n");

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("import making a task a heading, with a cut-off ahead naming it", {
  timeout: 120_000,
}, () => {
  it("widens the cut-off's scope, says so and re-plans it", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const file = join(dir, "rows.csv");
    writeFileSync(file, `${ROWS}\n`);
    const added = await runCli(
      ["cutoff", "add", "2099-04-15", "Pārbaude", "--tasks", "13.4,5"],
      env,
    );
    expect(added.code).toBe(0);

    const dry = await runCli(["import", "--format", "csv", file, "--dry-run", "--json"], env);
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout) as {
      summary: { cutoffs: unknown };
      changes: Array<{ entity: string; field: string; before: unknown; after: unknown }>;
    };
    expect(planned.summary.cutoffs).toEqual([
      { id: 1, expanded: [{ heading: "13.4", subTasks: ["13.4.1"] }] },
    ]);
    expect(planned.changes).toContainEqual(
      expect.objectContaining({
        entity: "cutoff",
        field: "task_numbers",
        before: ["5", "13.4"],
        after: ["5", "13.4.1"],
      }),
    );

    const imported = await runCli(["import", "--format", "csv", file], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      "Ziņošanas termiņa #1 apjomā virsraksts tagad nozīmē tā apakšuzdevumus: 13.4 → 13.4.1.",
    );
    // No app runs under DATA_DIR: the store's plan is updated, the app queues it at its start.
    expect(imported.stderr).toContain("darbus rindā ieplāno lietotne");

    const list = await runCli(["cutoff", "list", "--json"], env);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: 1, taskNumbers: ["5", "13.4.1"] }]);
    const plan = await runCli(["cutoff", "plan", "1"], env);
    expect(plan.stdout).toContain("VP – ");
    expect(plan.stdout).not.toContain("TM – ");
  });
});
