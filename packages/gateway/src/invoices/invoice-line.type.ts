import type { InvoiceStatementLine, InvoiceUsageLine } from "@peykarband/domain";
import { Rial } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";

@ObjectType("InvoiceLine", { description: "One server's usage in the invoiced month." })
export class InvoiceLineType {
  @Field(() => String, { description: "The server's name when the invoice was made." })
  serverName!: string;

  @Field(() => String, { description: "The catalog id of the server's plan at the end of the month." })
  planId!: string;

  @Field(() => String, { description: "The catalog id of the server's region." })
  regionId!: string;

  @Field(() => String, { description: "The cloud the server runs on (DIGITALOCEAN, HETZNER, OVH)." })
  provider!: string;

  @Field(() => String, { description: "Seconds metered in the month, as a decimal string." })
  seconds!: string;

  @Field(() => RialScalar, { description: "What the server accrued in the month, in rials, before VAT." })
  amountRials!: Rial;

  static from(line: InvoiceUsageLine): InvoiceLineType {
    return Object.assign(new InvoiceLineType(), {
      serverName: line.serverName,
      planId: line.planId,
      regionId: line.regionId,
      provider: line.provider,
      seconds: line.seconds.toString(),
      amountRials: Rial.of(line.amountRials),
    });
  }
}

@ObjectType("InvoiceStatementLine", {
  description:
    "A wallet movement of the month other than usage (top-up, order prepayment, adjustment), for information.",
})
export class InvoiceStatementLineType {
  @Field(() => DateTimeScalar, { description: "When it was posted." })
  at!: Date;

  @Field(() => String, {
    description: "The ledger transaction's kind (TOP_UP, DEBIT, REFUND, ADMIN_CREDIT …).",
  })
  kind!: string;

  @Field(() => String, { description: "What it was, as on the wallet's statement." })
  reason!: string;

  @Field(() => RialScalar, { description: "In rials, signed as the wallet saw it: a top-up is positive." })
  amountRials!: Rial;

  static from(line: InvoiceStatementLine): InvoiceStatementLineType {
    return Object.assign(new InvoiceStatementLineType(), {
      at: line.at,
      kind: line.kind,
      reason: line.reason,
      amountRials: Rial.of(line.amountRials),
    });
  }
}
