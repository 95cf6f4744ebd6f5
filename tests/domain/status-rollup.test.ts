/**
 * The roll-up rule by itself (src/domain/status-rollup.ts): a heading counts the tasks under it
 * that carry a status, a heading below it only through its own sub-tasks; a parent with a status
 * of its own is no heading. The views' use of it is tested through the signed endpoint in
 * tests/integration/task-rollup.test.ts.
 */
import { describe, expect, it } from "vitest";
import { isHeading, statusRollups } from "../../src/domain/status-rollup.ts";

const task = (number: string, status: "done" | "partial" | null) => ({
  number,
  parent: number.includes(".") ? number.slice(0, number.lastIndexOf(".")) : null,
  status,
});

describe("statusRollups", () => {
  it("counts the annex's 10 and 10.1 from the tasks under them, in the count line's order", () => {
    const tasks = [
      task("10", null),
      task("10.1", null),
      task("10.1.1", "partial"),
      task("10.1.2", "done"),
      task("10.1.3", "done"),
      task("10.2", "done"),
      task("11", "done"),
    ];
    const rollups = statusRollups(tasks);
    expect(rollups.get("10.1")).toEqual([
      { status: "done", count: 2 },
      { status: "partial", count: 1 },
    ]);
    expect(rollups.get("10")).toEqual([
      { status: "done", count: 3 },
      { status: "partial", count: 1 },
    ]);
    expect(rollups.has("11")).toBe(false);
  });

  it("keys the task whose sub-tasks alone are given (as /task 10 reads them)", () => {
    const rollups = statusRollups([task("10.1", null), task("10.1.1", null), task("10.2", "done")]);
    expect(rollups.get("10")).toEqual([
      { status: "done", count: 1 },
      { status: "none", count: 1 },
    ]);
  });

  it("a parent with a status of its own is no heading", () => {
    expect(isHeading({ status: "done" }, true)).toBe(false);
    expect(isHeading({ status: null }, false)).toBe(false);
    expect(isHeading({ status: null }, true)).toBe(true);
  });
});
