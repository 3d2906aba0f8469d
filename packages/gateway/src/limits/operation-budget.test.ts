import { describe, expect, it } from "vitest";
import { OperationBudget } from "./operation-budget.ts";

describe("OperationBudget", () => {
  it("allows its budget in one second, refuses the next, and starts again a second later", () => {
    let now = 5_000;
    const budget = new OperationBudget(3, () => now);
    expect([budget.spend(), budget.spend(), budget.spend(), budget.spend()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now += 999;
    expect(budget.spend()).toBe(false);
    now += 1;
    expect([budget.spend(), budget.spend(), budget.spend(), budget.spend()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
