import type { User } from "./user.ts";

/** A reseller's markup over our prices: whole basis points, 0 (our price) to 100 000 (eleven times it). */
export const MAX_MARKUP_BASIS_POINTS = 100_000;

export const isMarkupBasisPoints = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= MAX_MARKUP_BASIS_POINTS;

/** Whether `user` is a customer of the reseller `resellerId`. */
export const isCustomerOf = (user: Pick<User, "resellerId">, resellerId: string): boolean =>
  user.resellerId === resellerId;
