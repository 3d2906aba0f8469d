import { domainError, err, ok } from "@peykarband/domain";
import type { RequestContext } from "../shared/request-context.ts";
import { requestServerOperation } from "./request-server-operation.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerActionInput } from "./server-use-cases.contract.ts";

/** Reinstalls the disk from an image (the same or another); the data on it is lost. */
export const rebuildServer = (
  deps: ServerDeps,
  input: ServerActionInput & { imageId: string },
  ctx: RequestContext,
) =>
  requestServerOperation<"IMAGE_NOT_FOUND" | "IMAGE_UNAVAILABLE">(
    deps,
    {
      serverId: input.serverId,
      customerId: input.customerId ?? null,
      operation: "REBUILD",
      from: ["ACTIVE", "OFF"],
      interim: "REBUILDING",
      targetId: input.imageId,
      check: async (server) => {
        const [image] = await deps.catalog.imagesByIds([input.imageId]);
        if (!image) return err(domainError("IMAGE_NOT_FOUND", "There is no such image.", ["imageId"]));
        if (!image.providerImages[server.provider]) {
          return err(
            domainError("IMAGE_UNAVAILABLE", "This image is not offered in the server's region.", [
              "imageId",
            ]),
          );
        }
        return ok(undefined);
      },
    },
    ctx,
  );
