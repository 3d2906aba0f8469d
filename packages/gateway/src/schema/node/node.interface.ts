import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType("Node", {
  description:
    "An object with a globally unique, opaque id; any of them can be fetched again with `node(id:)`.",
})
export abstract class NodeInterface {
  @Field(() => ID, { description: "Opaque global id. Do not parse it; it may change form." })
  id!: string;
}
