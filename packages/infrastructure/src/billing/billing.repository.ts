import type { BillingRepository } from "@peykarband/application";
import type { ServerMeter, VatRateBasisPoints } from "@peykarband/domain";
import type { Db } from "../database/database.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";
import { readMeters } from "./meter-reads.ts";
import { settleMeters } from "./meter-writes.ts";

export class DrizzleBillingRepository implements BillingRepository {
  constructor(
    private readonly db: Db,
    /** VAT_RATE_PERCENT in hundredths of a percent: collected with every usage posting. */
    private readonly vatRate: VatRateBasisPoints,
  ) {}

  async settle(until: Date, serverIds?: readonly string[]): Promise<number> {
    const ids = serverIds?.filter(isUuid) ?? null;
    if (ids !== null && ids.length === 0) return 0;
    return this.db.transaction((tx) => settleMeters(tx, until, ids, this.vatRate));
  }

  async meters(serverIds: readonly string[]): Promise<(ServerMeter | null)[]> {
    const wanted = [...new Set(serverIds.filter(isUuid))];
    const meters = wanted.length === 0 ? [] : await readMeters(this.db, { serverIds: wanted });
    const byId = new Map(meters.map((meter) => [meter.serverId, meter]));
    return serverIds.map((id) => byId.get(id) ?? null);
  }

  async openMeters(userId: string): Promise<ServerMeter[]> {
    if (!isUuid(userId)) return [];
    return readMeters(this.db, { openOfUser: userId });
  }
}
