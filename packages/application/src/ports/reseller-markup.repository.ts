/** Each reseller's markup over our prices, in basis points (domain/src/user/reseller.ts). */
export interface ResellerMarkupRepository {
  /** 0 for a reseller that never set one. */
  markupOf(resellerId: string): Promise<number>;
  /** Sets (or replaces) the reseller's markup. */
  setMarkup(resellerId: string, basisPoints: number, at: Date): Promise<void>;
}
