import type { ServerStatus } from "@peykarband/domain";
import { ArrayMaxSize } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ServerStatusEnum } from "./server-status.enum.ts";

@InputType("ServerFilter", { description: "Which servers to list." })
export class ServerFilterInput {
  @Field(() => [ServerStatusEnum], {
    nullable: true,
    description: "Only servers in one of these statuses; every status when omitted or empty.",
  })
  @ArrayMaxSize(20)
  statuses?: ServerStatus[] | null;
}
