import type { CloudRoute } from "../cloud/cloud-simulator.server.ts";
import { parseJsonObject } from "../shared/json-body.parse.ts";
import type { Reply } from "../shared/reply.ts";
import { readInstanceCreation } from "./ovh-create.validation.ts";
import { regionalFlavors, regionalImages } from "./ovh-inventory.ts";
import { instanceJson } from "./ovh-instance.json.ts";
import type { OvhInstance, OvhInstanceStatus } from "./ovh-instance.store.ts";
import { PROJECT, projectRoute, type OvhContext } from "./ovh.context.ts";
import { badRequest, notFound, ovhError, ovhJson, ovhVoid } from "./ovh.replies.ts";

const INSTANCE = String.raw`${PROJECT}/instance/([^/]+)`;

/**
 * Nova's refusal of an action in the wrong state, as OVH passes it on. The exact status and class
 * OVH uses here are unconfirmed.
 */
function conflict(action: string, instance: OvhInstance): Reply {
  return ovhError(
    409,
    "Client::Conflict",
    `Cannot '${action}' instance ${instance.id} while it is in status ${instance.status}`,
  );
}

/** Instances: create, list, get, delete, and the actions start, stop, reboot, reinstall, resize. */
export function ovhInstanceRoutes(context: OvhContext): CloudRoute[] {
  const { instances, faults } = context;
  const actionMs = () => faults.current.actionMs;
  const failing = () => faults.take("failNextActions");

  /** An instance route: the instance must exist; `allowed` lists the statuses the action accepts. */
  const action = (
    name: string,
    allowed: readonly OvhInstanceStatus[] | "any",
    act: (instance: OvhInstance, body: string) => Reply,
    method: "POST" | "DELETE" | "GET" = "POST",
  ): CloudRoute =>
    projectRoute(context, {
      method,
      path: new RegExp(`^${INSTANCE}${method === "POST" ? `/${name}` : ""}$`),
      handle: (call, [instanceId]) => {
        const instance = instances.get(instanceId!);
        if (!instance) return notFound(`The requested object (instanceId = ${instanceId}) does not exist`);
        // A task in progress (stopping, rebuilding …) blocks every other action but delete.
        const busy =
          instance.transition !== null || !(allowed as readonly string[]).includes(instance.status);
        if (allowed !== "any" && busy) return conflict(name, instance);
        return act(instance, call.body);
      },
    });

  return [
    projectRoute(context, {
      method: "POST",
      path: new RegExp(`^${PROJECT}/instance$`),
      creates: true,
      handle: (call) => {
        const read = readInstanceCreation(call.body);
        if ("refused" in read) return read.refused;
        // OVH does not refuse a second instance with the same name.
        const instance = instances.create(read.instance, actionMs(), failing());
        return ovhJson(200, instanceJson(instance, true));
      },
    }),
    projectRoute(context, {
      method: "GET",
      path: new RegExp(`^${PROJECT}/instance$`),
      handle: ({ url }) => {
        const region = url.searchParams.get("region") ?? undefined;
        return ovhJson(
          200,
          instances.list(region).map((instance) => instanceJson(instance, false)),
        );
      },
    }),
    action("get", "any", (instance) => ovhJson(200, instanceJson(instance, true)), "GET"),
    action(
      "delete",
      "any",
      (instance) => {
        if (instance.status !== "DELETING") {
          instances.begin(instance, [{ status: "DELETING", duration: actionMs() }], "GONE", false);
        }
        return ovhVoid();
      },
      "DELETE",
    ),
    // Nova keeps the old status while powering on or off: ACTIVE until SHUTOFF, and back.
    action("start", ["SHUTOFF"], (instance) => {
      instances.begin(instance, [{ status: "SHUTOFF", duration: actionMs() }], "ACTIVE", failing());
      return ovhVoid();
    }),
    action("stop", ["ACTIVE"], (instance) => {
      instances.begin(instance, [{ status: "ACTIVE", duration: actionMs() }], "SHUTOFF", failing());
      return ovhVoid();
    }),
    action("reboot", ["ACTIVE", "SHUTOFF", "ERROR"], (instance, raw) => {
      const { type } = parseJsonObject(raw);
      if (type === undefined) return badRequest("[type] Property is mandatory");
      if (type !== "soft" && type !== "hard") {
        return badRequest(
          `[type] Given data (${String(type)}) does not belong to the RebootTypeEnum enumeration`,
        );
      }
      if (type === "soft" && instance.status !== "ACTIVE") return conflict("reboot", instance);
      const status = type === "soft" ? "REBOOT" : "HARD_REBOOT";
      instances.begin(instance, [{ status, duration: actionMs() }], "ACTIVE", failing());
      return ovhVoid();
    }),
    action("reinstall", ["ACTIVE", "SHUTOFF", "ERROR"], (instance, raw) => {
      const { imageId } = parseJsonObject(raw);
      if (imageId === undefined) return badRequest("[imageId] Property is mandatory");
      if (!regionalImages(instance.region).some((i) => i.id === imageId)) {
        return badRequest(`Image ${String(imageId)} does not exist in region ${instance.region}`);
      }
      instances.begin(instance, [{ status: "REBUILD", duration: actionMs() }], "ACTIVE", failing(), (i) => {
        i.imageId = imageId as string;
      });
      return ovhJson(200, instanceJson(instance, true));
    }),
    action("resize", ["ACTIVE", "SHUTOFF"], (instance, raw) => {
      const { flavorId } = parseJsonObject(raw);
      if (flavorId === undefined) return badRequest("[flavorId] Property is mandatory");
      const flavors = regionalFlavors(instance.region);
      const target = flavors.find((f) => f.id === flavorId);
      const current = flavors.find((f) => f.id === instance.flavorId);
      if (!target)
        return badRequest(`Flavor ${String(flavorId)} does not exist in region ${instance.region}`);
      if (target.id === instance.flavorId) return badRequest("The instance already has this flavor");
      // OVH resizes up only: a disk cannot shrink.
      if (current && target.disk < current.disk) {
        return badRequest(`Cannot resize to flavor ${target.name}: its disk is smaller than the current one`);
      }
      const resizing = Math.ceil(actionMs() * 0.8);
      instances.begin(
        instance,
        [
          { status: "RESIZE", duration: resizing },
          { status: "VERIFY_RESIZE", duration: actionMs() - resizing },
        ],
        instance.status,
        failing(),
        (i) => {
          i.flavorId = target.id;
        },
      );
      return ovhJson(200, instanceJson(instance, true));
    }),
  ];
}
