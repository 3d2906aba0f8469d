import type { Rial, ServerUsage } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";

@ObjectType("ServerUsage", {
  description:
    "What a server has cost this billing month so far (Jalali months, Tehran time), computed from the clock: it grows by the second, whether or not it has been charged to the wallet yet.",
})
export class ServerUsageType {
  @Field(() => RialScalar, {
    description: "Rials accrued since periodStart, settled or not: per second, with a 60-second minimum.",
  })
  accruedRials!: Rial;

  @Field(() => RialScalar, {
    description: "What the server accrues per hour now, in rials; 0 once it is deleted or FAILED.",
  })
  ratePerHourRials!: Rial;

  @Field(() => RialScalar, {
    description:
      "The most a month at the current plan costs, in rials: accrual stops there until next month.",
  })
  monthCapRials!: Rial;

  @Field(() => DateTimeScalar, {
    description:
      "Where this usage starts: the first instant of the Jalali month in Tehran, or the order if later.",
  })
  periodStart!: Date;

  static from(usage: ServerUsage): ServerUsageType {
    return Object.assign(new ServerUsageType(), {
      accruedRials: usage.accrued,
      ratePerHourRials: usage.ratePerHour,
      monthCapRials: usage.monthCap,
      periodStart: usage.periodStart,
    });
  }
}
