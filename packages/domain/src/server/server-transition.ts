import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";
import {
  canTransition,
  type NextServerStatus,
  type ServerStatus,
  type ServerTransition,
} from "./server-status.ts";

/**
 * A legal move, checked by the compiler when both ends are known (`serverTransition("DELETED",
 * "ACTIVE")` does not compile) and again at run time for values that only the compiler was told
 * about (a cast, data from a store).
 */
export function serverTransition<From extends ServerStatus, To extends NextServerStatus<From>>(
  from: From,
  to: To,
): ServerTransition {
  if (!canTransition(from, to)) throw new Error(`illegal server transition ${from} -> ${to}`);
  return { from, to } as ServerTransition;
}

/** The same check for statuses known only at run time (what a request asks of a stored server). */
export function checkServerTransition(
  from: ServerStatus,
  to: ServerStatus,
): Result<ServerTransition, DomainError<"ILLEGAL_STATE">> {
  return canTransition(from, to)
    ? ok({ from, to } as ServerTransition)
    : err(domainError("ILLEGAL_STATE", `A ${from} server cannot become ${to}.`));
}
