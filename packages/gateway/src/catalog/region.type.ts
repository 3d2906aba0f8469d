import type { CloudProviderName, Region } from "@peykarband/domain";
import { Field, ID, ObjectType } from "type-graphql";
import { CloudProviderEnum } from "./cloud-provider.enum.ts";

@ObjectType("Region", { description: "A data centre servers can be ordered in: one provider's location." })
export class RegionType {
  @Field(() => ID, { description: 'Stable id of the region, such as "do-fra1"; pass it to `orderServer`.' })
  id!: string;

  @Field(() => String, { description: "Display name, such as 'Frankfurt'." })
  name!: string;

  @Field(() => CloudProviderEnum, { description: "The cloud the region belongs to." })
  provider!: CloudProviderName;

  @Field(() => String, { description: "Country, as an ISO 3166-1 alpha-2 code such as DE." })
  country!: string;

  @Field(() => String, { description: "City the data centre is in." })
  city!: string;

  @Field(() => Boolean, { description: "Whether new servers can be ordered here now." })
  isAvailable!: boolean;

  /** Never the provider's own name for the location. */
  static from(region: Region): RegionType {
    return Object.assign(new RegionType(), {
      id: region.id,
      name: region.name,
      provider: region.provider,
      country: region.country,
      city: region.city,
      isAvailable: region.isAvailable,
    });
  }
}
