import type { VatRateBasisPoints } from "@peykarband/domain";
import type { BillingRepository } from "../ports/billing.repository.ts";
import type { InvoiceRepository, InvoiceSeller } from "../ports/invoice.repository.ts";
import type { Clock, IdGenerator } from "../ports/system.ts";
import type { UserRepository } from "../ports/user.repository.ts";

/** The ports and settings the invoice use cases need. */
export interface InvoiceDeps {
  readonly invoices: InvoiceRepository;
  /** Who is whose customer: a reseller reads its customers' invoices. */
  readonly users: Pick<UserRepository, "findById">;
  readonly billing: Pick<BillingRepository, "settle" | "meters">;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly seller: InvoiceSeller;
  /** VAT_RATE_PERCENT in hundredths of a percent. */
  readonly vatRate: VatRateBasisPoints;
}
