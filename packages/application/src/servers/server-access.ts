import {
  domainError,
  err,
  isCustomerOf,
  ok,
  type DomainError,
  type Result,
  type Server,
  type User,
} from "@peykarband/domain";
import { customerOfViewer } from "../resellers/customer-reads.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext, Viewer } from "../shared/request-context.ts";

interface UserReader {
  findById(id: string): Promise<User | null>;
}

/** Whether the server's owner is a customer of the viewer, a RESELLER: one read, resellers only. */
async function ownedByViewersCustomer(users: UserReader, viewer: Viewer, server: Server): Promise<boolean> {
  if (viewer.role !== "RESELLER") return false;
  const owner = await users.findById(server.userId);
  return owner !== null && isCustomerOf(owner, viewer.userId);
}

/** SUPPORT and ADMIN see every server; a reseller its own and its customers'; a customer its own. */
export const canSeeServer = async (users: UserReader, viewer: Viewer, server: Server): Promise<boolean> =>
  server.userId === viewer.userId ||
  viewer.role === "SUPPORT" ||
  viewer.role === "ADMIN" ||
  ownedByViewersCustomer(users, viewer, server);

/** Only ADMIN acts on anyone's servers (SUPPORT reads but does not touch), a reseller on its customers'. */
export const canOperateServer = async (users: UserReader, viewer: Viewer, server: Server): Promise<boolean> =>
  server.userId === viewer.userId || viewer.role === "ADMIN" || ownedByViewersCustomer(users, viewer, server);

/** The server if the viewer may see it; null for a missing one and for one that is not theirs alike. */
export async function findVisibleServer(
  deps: { servers: { findById(id: string): Promise<Server | null> }; users: UserReader },
  id: string,
  ctx: RequestContext,
): Promise<Server | null> {
  const viewer = requireViewer(ctx);
  const server = await deps.servers.findById(id);
  return server && (await canSeeServer(deps.users, viewer, server)) ? server : null;
}

/**
 * Whose account an operation acts for: the viewer's own, or, when a RESELLER names one of its
 * customers by `customerId`, that customer's. Anyone naming a user who is not their customer gets
 * CUSTOMER_NOT_FOUND, as for a user that does not exist.
 */
export async function actingOwner(
  deps: { users: UserReader },
  customerId: string | null | undefined,
  ctx: RequestContext,
): Promise<Result<string, DomainError<"CUSTOMER_NOT_FOUND">>> {
  const viewer = requireViewer(ctx);
  if (customerId == null) return ok(viewer.userId);
  const customer = await customerOfViewer(deps, customerId, ctx);
  return customer
    ? ok(customer.id)
    : err(domainError("CUSTOMER_NOT_FOUND", "You have no such customer.", ["customerId"]));
}
