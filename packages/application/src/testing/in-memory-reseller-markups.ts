import type { ResellerMarkupRepository } from "../ports/reseller-markup.repository.ts";

export class InMemoryResellerMarkups implements ResellerMarkupRepository {
  readonly rows = new Map<string, number>();

  async markupOf(resellerId: string): Promise<number> {
    return this.rows.get(resellerId) ?? 0;
  }

  async setMarkup(resellerId: string, basisPoints: number): Promise<void> {
    this.rows.set(resellerId, basisPoints);
  }
}
