// Compiled with the generated types: the operations and schemas an integrator uses first.
import type { components, operations, paths } from "./api";

type Household = components["schemas"]["monitoring__HouseholdOut"];
type HouseholdPage = paths["/api/monitoring/v1/households"]["get"]["responses"]["200"]["content"]["application/json"];
type Problem = components["schemas"]["Problem"];
type StepBody = operations["take_step"]["requestBody"]["content"]["application/json"];

export function firstHousehold(page: HouseholdPage): Household | undefined {
  return page.items[0];
}

export function nextCursor(page: HouseholdPage): string | null | undefined {
  return page.next_cursor;
}

export function describe(problem: Problem): string {
  return `${problem.status} ${problem.code}: ${problem.title}`;
}

export const verify: StepBody = { action: "start_verification", reason: "入户核实" };
