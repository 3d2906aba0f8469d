import { ORDER_SERVER_ERROR_CODES } from "@peykarband/application";
import { defineServerPayload } from "./server-payload.factory.ts";

export const OrderServerPayload = defineServerPayload(
  "OrderServer",
  ORDER_SERVER_ERROR_CODES,
  "The new server, PENDING: follow it with `serverStatusChanged`. Null on failure.",
);
