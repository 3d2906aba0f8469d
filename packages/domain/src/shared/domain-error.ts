/**
 * An expected failure the caller can act on. `code` is stable and machine-readable;
 * `field` is the path of the input that caused it; `message` is English for developers
 * (the gateway shows a Persian message for the same code to end users).
 */
export interface DomainError<C extends string = string> {
  readonly code: C;
  readonly field?: readonly string[];
  readonly message: string;
}

export const domainError = <C extends string>(
  code: C,
  message: string,
  field?: readonly string[],
): DomainError<C> => (field ? { code, message, field } : { code, message });
