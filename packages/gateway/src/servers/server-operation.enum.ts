import { SERVER_OPERATIONS, type ServerOperation } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const DESCRIPTIONS: Readonly<Record<ServerOperation, string>> = {
  POWER_OFF: "`powerOffServer` is under way.",
  POWER_ON: "`powerOnServer` is under way.",
  REBOOT: "`rebootServer` is under way.",
  REBUILD: "`rebuildServer` is under way.",
  RESIZE: "`resizeServer` is under way.",
  DELETE: "`deleteServer` is under way.",
};

export const ServerOperationEnum = Object.fromEntries(SERVER_OPERATIONS.map((o) => [o, o])) as Record<
  ServerOperation,
  ServerOperation
>;

registerEnumType(ServerOperationEnum, {
  name: "ServerOperation",
  description: "An operation asked of a server that has not finished yet.",
  valuesConfig: Object.fromEntries(SERVER_OPERATIONS.map((o) => [o, { description: DESCRIPTIONS[o] }])),
});
