import { Authorized, Extensions } from "type-graphql";
import { ACCESS_EXTENSION, ANYONE, type AccessRule, type CheckedRole } from "./access-rule.ts";

const explicitRules = new WeakMap<object, Set<string | symbol>>();

function apply(
  rule: AccessRule,
  prototype: object,
  name: string | symbol,
  descriptor: PropertyDescriptor,
): void {
  Extensions({ [ACCESS_EXTENSION]: rule === "PUBLIC" || rule === "SIGNED_IN" ? rule : [...rule] })(
    prototype,
    name,
    descriptor,
  );
  // PUBLIC fields go through the checker too, for the API-key scope rule (scope-rules.ts).
  const roles: CheckedRole[] = rule === "PUBLIC" ? [ANYONE] : rule === "SIGNED_IN" ? [] : [...rule];
  Authorized(roles)(prototype, name, descriptor);
}

/**
 * Declares who may call a root field. On a method it applies to that field; on a resolver class
 * it is the default for every method without its own rule (method decorators run first, so the
 * class decorator sees which ones declared theirs). The rule becomes type-graphql's `@Authorized`
 * and the field's `extensions.access`, from which the schema builder writes "Requires: …".
 */
export function Requires(rule: AccessRule) {
  return (target: object, name?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (name !== undefined && descriptor !== undefined) {
      const marked = explicitRules.get(target) ?? new Set<string | symbol>();
      marked.add(name);
      explicitRules.set(target, marked);
      apply(rule, target, name, descriptor);
      return;
    }
    const prototype = (target as { prototype: object }).prototype;
    const marked = explicitRules.get(prototype);
    for (const method of Object.getOwnPropertyNames(prototype)) {
      if (method === "constructor" || marked?.has(method)) continue;
      apply(rule, prototype, method, Object.getOwnPropertyDescriptor(prototype, method)!);
    }
  };
}
