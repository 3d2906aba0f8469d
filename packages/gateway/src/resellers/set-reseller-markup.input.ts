import { Field, InputType, Int } from "type-graphql";

@InputType("SetResellerMarkupInput", { description: "Your markup over our prices." })
export class SetResellerMarkupInput {
  @Field(() => Int, {
    description:
      "Whole basis points over our prices, 0 to 100000: 1500 makes a 100000-rial hour cost your customers 115000 rials.",
  })
  basisPoints!: number;
}
