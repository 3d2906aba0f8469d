import type { CloudProviderName, Plan, Rial } from "@peykarband/domain";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";
import { CloudProviderEnum } from "./cloud-provider.enum.ts";

/** `regions` is a field resolver (plan.resolver.ts), read only when asked for. */
@ObjectType("Plan", { description: "A server size with its price, offered in some regions of one provider." })
export class PlanType {
  @Field(() => ID, {
    description:
      'Stable id of the plan, such as "do-s-1vcpu-1gb"; pass it to `orderServer` or `resizeServer`.',
  })
  id!: string;

  @Field(() => String, { description: "Display name." })
  name!: string;

  @Field(() => CloudProviderEnum, { description: "The cloud the plan's servers run on." })
  provider!: CloudProviderName;

  @Field(() => Int, { description: "Virtual CPU cores." })
  vcpus!: number;

  @Field(() => Int, { description: "Memory, in megabytes (MiB)." })
  memoryMb!: number;

  @Field(() => Int, { description: "Disk, in gigabytes (GiB)." })
  diskGb!: number;

  @Field(() => RialScalar, { description: "What an hour of a server on this plan costs, in rials." })
  hourlyPrice!: Rial;

  @Field(() => RialScalar, {
    description: "The most a month of a server on this plan costs, in rials: hourly billing stops there.",
  })
  monthlyPrice!: Rial;

  /** Our ids of the regions the plan is offered in, for the `regions` field. */
  regionIds!: readonly string[];

  /** Never the provider's own size names. */
  static from(plan: Plan): PlanType {
    return Object.assign(new PlanType(), {
      id: plan.id,
      name: plan.name,
      provider: plan.provider,
      vcpus: plan.vcpus,
      memoryMb: plan.memoryMb,
      diskGb: plan.diskGb,
      hourlyPrice: plan.hourlyPrice,
      monthlyPrice: plan.monthlyPrice,
      regionIds: plan.offers.filter((offer) => offer.isAvailable).map((offer) => offer.regionId),
    });
  }
}
