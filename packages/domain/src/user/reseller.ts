import type { Plan } from "../catalog/catalog.ts";
import type { RatePeriod } from "../billing/server-meter.ts";
import { Rial } from "../money/rial.ts";
import type { User } from "./user.ts";

/** A reseller's markup over our prices: whole basis points, 0 (our price) to 100 000 (eleven times it). */
export const MAX_MARKUP_BASIS_POINTS = 100_000;

export const isMarkupBasisPoints = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= MAX_MARKUP_BASIS_POINTS;

/** Whether `user` is a customer of the reseller `resellerId`. */
export const isCustomerOf = (user: Pick<User, "resellerId">, resellerId: string): boolean =>
  user.resellerId === resellerId;

/** A price with the markup on top, rounded half up to whole rials. */
export const withMarkup = (price: Rial, basisPoints: number): Rial =>
  basisPoints === 0 ? price : Rial.of((price.amount * BigInt(10_000 + basisPoints) + 5_000n) / 10_000n);

/** The plan as a reseller's customer sees and pays it. */
export const planWithMarkup = (plan: Plan, basisPoints: number): Plan =>
  basisPoints === 0
    ? plan
    : {
        ...plan,
        hourlyPrice: withMarkup(plan.hourlyPrice, basisPoints),
        monthlyPrice: withMarkup(plan.monthlyPrice, basisPoints),
      };

/** The prices of a rate period on `plan`: the customer's with `basisPoints` on top, and ours. */
export const ratesWithMarkup = (plan: Plan, basisPoints: number): Omit<RatePeriod, "startsAt"> => {
  const customers = planWithMarkup(plan, basisPoints);
  return {
    planId: plan.id,
    hourlyRate: customers.hourlyPrice,
    monthlyCap: customers.monthlyPrice,
    ourHourlyRate: plan.hourlyPrice,
    ourMonthlyCap: plan.monthlyPrice,
  };
};
