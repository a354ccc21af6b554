/**
 * The reclaim budget adapts to what a reclaim costs (src/backend/memory.ts): it doubles while forced
 * collections take over a twentieth of the CPU time between them, halves while they take under an
 * eightieth, and stays within 32-256 MB.
 */
import { nextBudget } from "../../src/backend/memory";

const MB = 1024 * 1024;

describe("nextBudget", () => {
  test("a reclaim costing over 5% of the work since the last one doubles the budget", () => {
    expect(nextBudget(32 * MB, 15, 100)).toBe(64 * MB);
    expect(nextBudget(64 * MB, 6, 100)).toBe(128 * MB);
  });
  test("a reclaim costing under 1.25% of the work since the last one halves the budget", () => {
    expect(nextBudget(128 * MB, 1, 100)).toBe(64 * MB);
  });
  test("in between, the budget stays", () => {
    expect(nextBudget(64 * MB, 3, 100)).toBe(64 * MB);
    expect(nextBudget(64 * MB, 5, 100)).toBe(64 * MB);
    expect(nextBudget(64 * MB, 1.25, 100)).toBe(64 * MB);
  });
  test("clamped to 32..256 MB", () => {
    expect(nextBudget(256 * MB, 50, 100)).toBe(256 * MB);
    expect(nextBudget(32 * MB, 0, 100)).toBe(32 * MB);
  });
});
