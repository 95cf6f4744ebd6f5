import { describe, expect, it } from "vitest";
import { readDeadline } from "../../src/import/deadline.ts";
import { statusOf } from "../../src/import/status.ts";

describe("readDeadline (annex column 'Uzdevumu izpildes laiks')", () => {
  it("splits a year deadline from the progress text glued to it", () => {
    expect(readDeadline("2013.gads Valsts policija sadarbībā ar biedrību")).toEqual({
      deadline: { text: "2013.gads", due: "2013-12-31", recurrence: null },
      rest: "Valsts policija sadarbībā ar biedrību",
    });
    expect(readDeadline("2011.gadā Informācija par darba iespējām")?.deadline).toEqual({
      text: "2011.gadā",
      due: "2011-12-31",
      recurrence: null,
    });
  });

  it("reads a deadline alone on its line", () => {
    expect(readDeadline("regulāri")).toEqual({
      deadline: { text: "regulāri", due: null, recurrence: "recurring" },
      rest: "",
    });
    expect(readDeadline("  2010.gads  ")?.rest).toBe("");
  });

  it("dates a range at the end of its last year", () => {
    expect(readDeadline("2009.-2013.gads")?.deadline).toEqual({
      text: "2009.-2013.gads",
      due: "2013-12-31",
      recurrence: null,
    });
    expect(readDeadline("2009. – 2013.gadam kaut kas")?.deadline).toEqual({
      text: "2009. – 2013.gadam",
      due: "2013-12-31",
      recurrence: null,
    });
  });

  it("reads recurring and annual wording", () => {
    expect(readDeadline("pastāvīgi")?.deadline.recurrence).toBe("recurring");
    expect(readDeadline("ikgadēji ĀM Konsulārais departaments")?.deadline).toEqual({
      text: "ikgadēji",
      due: null,
      recurrence: "annual",
    });
    expect(readDeadline("katru gadu")?.deadline.recurrence).toBe("annual");
  });

  it("does not take dates or text for a deadline", () => {
    expect(readDeadline("2009.gada novembrī un decembrī")).toBeNull();
    expect(readDeadline("15.11.2010. Rīgā apmācību")).toBeNull();
    expect(readDeadline("2009.gada 5.maija")).toBeNull();
    expect(readDeadline("Valsts policija")).toBeNull();
    expect(readDeadline("regulārie pasākumi")).toBeNull();
    expect(readDeadline("2013.-2009.gads")).toBeNull();
    expect(readDeadline("")).toBeNull();
  });
});

describe("statusOf (annex column 'Rezultatīvie rādītāji')", () => {
  it("reads done, partial, not done and ongoing", () => {
    expect(statusOf("Uzdevums izpildīts daļēji: ir veikti pētījumi")).toBe("partial");
    expect(statusOf("Uzdevums ir izpildīts daļēji: pieejamā finansējuma")).toBe("partial");
    expect(statusOf("Uzdevuma izpildīts: apmācīti sociālā darba")).toBe("done");
    expect(statusOf("Uzdevums 2009.gadā un 2010.gadā ir izpildīts")).toBe("done");
    expect(statusOf("Uzdevums ir izpildīts")).toBe("done");
    expect(statusOf("Uzdevums nav izpildīts: finansējums netika piešķirts")).toBe("not_done");
    expect(statusOf("Uzdevums tiek pildīts pastāvīgi")).toBe("ongoing");
  });

  it("reads only the clause before the colon", () => {
    expect(
      statusOf("Uzdevums ir izpildīts: informācija par aktualitātēm tiek regulāri atjaunota"),
    ).toBe("done");
    expect(statusOf("Uzdevums ir izpildīts: daļa nav izpildīta vēl")).toBe("done");
  });

  it("finds none where the indicator states none", () => {
    expect(statusOf("Uzdevums ir")).toBeNull();
    expect(statusOf("")).toBeNull();
  });
});
