import { validateOrReject, type ValidationError, type ValidatorOptions } from "class-validator";
import { ArgumentValidationError, type ValidatorFn } from "type-graphql";

const OPTIONS: ValidatorOptions = {
  // type-graphql's defaults for arguments: absent optional fields are not validated.
  skipMissingProperties: true,
  forbidUnknownValues: false,
  // Echoing a rejected value or its object would repeat a megabyte string or a password back.
  validationError: { target: false, value: false },
};

const isObject = (value: unknown): value is object => value !== null && typeof value === "object";

/**
 * The class-validator check type-graphql runs on input objects and args classes, with the same
 * options and the same error, but with class-validator imported once: type-graphql's built-in path
 * does `await import("class-validator")` for every validated argument, and under tsx (as
 * `pnpm start` runs) each such import is resolved again through the loader hooks' thread, about a
 * millisecond of the main thread per mutation.
 */
export const validateArguments: ValidatorFn = async (value) => {
  const objects = Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : [];
  try {
    await Promise.all(objects.map((object) => validateOrReject(object, OPTIONS)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
};
