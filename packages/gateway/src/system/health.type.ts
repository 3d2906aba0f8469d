import { Field, ObjectType } from "type-graphql";

@ObjectType("Health", { description: "About this deployment of the API." })
export class HealthType {
  @Field(() => String, { description: "The version of the API that answers." })
  version!: string;

  @Field(() => Boolean, {
    description:
      "True in the embedded sandbox: simulated clouds and payment gateways, no real money or servers.",
  })
  sandbox!: boolean;
}
