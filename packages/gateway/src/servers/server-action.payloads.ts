import {
  REBUILD_SERVER_ERROR_CODES,
  RESIZE_SERVER_ERROR_CODES,
  SERVER_ACTION_ERROR_CODES,
} from "@peykarband/application";
import { defineServerPayload } from "./server-payload.factory.ts";

const AFTER =
  "The server as stored once the request was accepted (its operation runs after); null on failure.";

export const PowerOffServerPayload = defineServerPayload("PowerOffServer", SERVER_ACTION_ERROR_CODES, AFTER);
export const PowerOnServerPayload = defineServerPayload("PowerOnServer", SERVER_ACTION_ERROR_CODES, AFTER);
export const RebootServerPayload = defineServerPayload("RebootServer", SERVER_ACTION_ERROR_CODES, AFTER);
export const RebuildServerPayload = defineServerPayload("RebuildServer", REBUILD_SERVER_ERROR_CODES, AFTER);
export const ResizeServerPayload = defineServerPayload("ResizeServer", RESIZE_SERVER_ERROR_CODES, AFTER);
export const DeleteServerPayload = defineServerPayload("DeleteServer", SERVER_ACTION_ERROR_CODES, AFTER);
