import type { Invoice } from "@peykarband/application";
import { jalaliMonthLabel, Rial } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../schema/node/global-id.ts";
import { NodeInterface } from "../schema/node/node.interface.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";
import { InvoiceLineType, InvoiceStatementLineType } from "./invoice-line.type.ts";

@ObjectType("Invoice", {
  implements: NodeInterface,
  description:
    "A customer's invoice for one Jalali month (Tehran time): usage per server, VAT, totals and the wallet's other movements. The upcoming one (the month so far) has no number and is not stored.",
})
export class InvoiceType extends NodeInterface {
  @Field(() => String, {
    nullable: true,
    description: "Sequential per Jalali year, without gaps, e.g. 1405-000123; null for the upcoming invoice.",
  })
  number!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When it was issued; null for the upcoming invoice.",
  })
  issuedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    description: "The month's first instant: 00:00 of its first day in Tehran.",
  })
  periodStart!: Date;

  @Field(() => DateTimeScalar, { description: "The next month's first instant (exclusive)." })
  periodEnd!: Date;

  @Field(() => String, { description: 'The Jalali month in Persian, e.g. "آذر ۱۴۰۵".' })
  jalaliPeriod!: string;

  @Field(() => [InvoiceLineType], { description: "Usage per server, from the month's usage postings." })
  lines!: InvoiceLineType[];

  @Field(() => [InvoiceStatementLineType], { description: "The wallet's other movements in the month." })
  statement!: InvoiceStatementLineType[];

  @Field(() => RialScalar, { description: "The sum of the lines, in rials." })
  subtotalRials!: Rial;

  @Field(() => RialScalar, {
    description:
      "The VAT collected with the usage postings at the configured rate, in whole rials: per server, VAT on its usage so far half up, less what was collected before (so it may differ from VAT on the subtotal by under a rial per server).",
  })
  vatRials!: Rial;

  @Field(() => RialScalar, { description: "Subtotal plus VAT, in rials." })
  totalRials!: Rial;

  @Field(() => String, {
    description:
      "The invoice as a Persian PDF: a signed link that works for 10 minutes without a token (or with the bearer token after it expires).",
  })
  pdfUrl!: string;

  /** The store's key (issued) or the customer's (upcoming), for the PDF link; not exposed. */
  target!: { invoiceId: string } | { upcomingOf: string };

  static from(invoice: Invoice, pdfUrl: (target: InvoiceType["target"]) => string): InvoiceType {
    const target = invoice.id ? { invoiceId: invoice.id } : { upcomingOf: invoice.userId };
    return Object.assign(new InvoiceType(), {
      id: invoice.id ? toGlobalId("Invoice", invoice.id) : toGlobalId("UpcomingInvoice", invoice.userId),
      number: invoice.number,
      issuedAt: invoice.issuedAt,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      jalaliPeriod: jalaliMonthLabel(invoice.month),
      lines: invoice.lines.map((line) => InvoiceLineType.from(line)),
      statement: invoice.statement.map((line) => InvoiceStatementLineType.from(line)),
      subtotalRials: Rial.of(invoice.subtotalRials),
      vatRials: Rial.of(invoice.vatRials),
      totalRials: Rial.of(invoice.totalRials),
      pdfUrl: pdfUrl(target),
      target,
    });
  }
}
