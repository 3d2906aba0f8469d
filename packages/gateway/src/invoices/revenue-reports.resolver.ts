import type { MonthlyRevenue } from "@peykarband/application";
import { jalaliMonthLabel, Rial } from "@peykarband/domain";
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { badUserInput } from "../graphql/gateway-errors.ts";
import { toGlobalId } from "../schema/node/global-id.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";

@ObjectType("MonthlyRevenue", {
  description: "Usage invoiced for one Jalali month on one cloud, before VAT.",
})
export class MonthlyRevenueType {
  @Field(() => Int, { description: "The Jalali year." })
  year!: number;

  @Field(() => Int, { description: "The Jalali month, 1 (Farvardin) to 12 (Esfand)." })
  month!: number;

  @Field(() => String, { description: 'The month in Persian, e.g. "آذر ۱۴۰۵".' })
  jalaliPeriod!: string;

  @Field(() => String, { description: "The cloud (DIGITALOCEAN, HETZNER, OVH)." })
  provider!: string;

  @Field(() => RialScalar, { description: "The sum of the month's invoice lines on that cloud, in rials." })
  subtotalRials!: Rial;

  static from(row: MonthlyRevenue): MonthlyRevenueType {
    return Object.assign(new MonthlyRevenueType(), {
      year: row.month.year,
      month: row.month.month,
      jalaliPeriod: jalaliMonthLabel(row.month),
      provider: row.provider,
      subtotalRials: Rial.of(row.subtotalRials),
    });
  }
}

@ObjectType("OutstandingBalance", { description: "A customer whose wallet is below zero." })
export class OutstandingBalanceType {
  @Field(() => String, { description: "The customer's User id." })
  userId!: string;

  @Field(() => String, { description: "The customer's email." })
  email!: string;

  @Field(() => RialScalar, { description: "The wallet's balance in rials (negative: what they owe)." })
  balanceRials!: Rial;
}

@Requires(["ADMIN"])
@Resolver()
export class RevenueReportsResolver {
  @Query(() => [MonthlyRevenueType], {
    description: "Revenue by Jalali month and cloud, from issued invoices (before VAT), newest month first.",
  })
  async revenueByMonth(
    @Arg("sinceYear", () => Int, { description: "The first Jalali year reported." }) sinceYear: number,
    @Arg("sinceMonth", () => Int, { description: "The first month of that year reported, 1 to 12." })
    sinceMonth: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MonthlyRevenueType[]> {
    if (sinceYear < 1390 || sinceYear > 1500 || sinceMonth < 1 || sinceMonth > 12) {
      throw badUserInput("sinceYear must be 1390 to 1500 and sinceMonth 1 to 12.");
    }
    const since = { year: sinceYear, month: sinceMonth };
    const rows = await ctx.useCases.invoices.revenueByMonth({ since }, ctx);
    return rows.map((row) => MonthlyRevenueType.from(row));
  }

  @Query(() => [OutstandingBalanceType], { description: "Wallets below zero, most owed first." })
  async outstandingBalances(
    @Arg("first", () => Int, { description: "How many, 1 to 100." }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OutstandingBalanceType[]> {
    if (first < 1 || first > 100) throw badUserInput("first must be 1 to 100.");
    const rows = await ctx.useCases.invoices.outstandingBalances({ first }, ctx);
    return rows.map((row) =>
      Object.assign(new OutstandingBalanceType(), {
        userId: toGlobalId("User", row.userId),
        email: row.email,
        balanceRials: Rial.of(row.balanceRials),
      }),
    );
  }
}
