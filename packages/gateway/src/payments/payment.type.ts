import type { Payment, PaymentGatewayName, PaymentStatus, Rial } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../schema/node/global-id.ts";
import { NodeInterface } from "../schema/node/node.interface.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";
import { PaymentGatewayEnum } from "./payment-gateway.enum.ts";
import { PaymentStatusEnum } from "./payment-status.enum.ts";

@ObjectType("Payment", {
  implements: NodeInterface,
  description: "A wallet top-up through a payment gateway.",
})
export class PaymentType extends NodeInterface {
  @Field(() => RialScalar, { description: "How much, in rials; the wallet is credited exactly this." })
  amount!: Rial;

  @Field(() => PaymentGatewayEnum, { description: "The gateway the payer pays through." })
  gateway!: PaymentGatewayName;

  @Field(() => PaymentStatusEnum, { description: "Where the payment is." })
  status!: PaymentStatus;

  @Field(() => String, {
    nullable: true,
    description: "The bank's reference (Zarinpal ref_id, IDPay track_id) once PAID; quote it to support.",
  })
  referenceId!: string | null;

  @Field(() => DateTimeScalar, { description: "When the top-up was started." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When it was verified and credited; null unless PAID.",
  })
  paidAt!: Date | null;

  /** Only what the API shows: never the gateway's authority or the idempotency key. */
  static from(payment: Payment): PaymentType {
    return Object.assign(new PaymentType(), {
      id: toGlobalId("Payment", payment.id),
      amount: payment.amount,
      gateway: payment.gateway,
      status: payment.status,
      referenceId: payment.referenceId,
      createdAt: payment.createdAt,
      paidAt: payment.paidAt,
    });
  }
}
