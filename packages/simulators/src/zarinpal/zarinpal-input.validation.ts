import type { Validations } from "./zarinpal.envelope.ts";

/** Field rules of the v4 API; messages in the words of its `-9` validation list. */
type Rule = (body: Record<string, unknown>) => string | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUTHORITY = /^[AS][0-9a-zA-Z]{35}$/;
const MOBILE = /^09\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const merchantId: Rule = ({ merchant_id: value }) => {
  if (value === undefined || value === null || value === "") return "The merchant id field is required.";
  if (typeof value !== "string" || !UUID.test(value)) return "The merchant id must be 36 characters.";
  return undefined;
};

const amount: Rule = ({ amount: value }) => {
  if (value === undefined || value === null || value === "") return "The amount field is required.";
  if (typeof value !== "number" || !Number.isSafeInteger(value)) return "The amount must be an integer.";
  if (value < 1000) return "The amount must be at least 1000.";
  return undefined;
};

const authority: Rule = ({ authority: value }) => {
  if (value === undefined || value === null || value === "") return "The authority field is required.";
  if (typeof value !== "string" || !AUTHORITY.test(value)) return "The authority format is invalid.";
  return undefined;
};

const callbackUrl: Rule = ({ callback_url: value }) => {
  if (value === undefined || value === null || value === "") return "The callback url field is required.";
  if (typeof value !== "string" || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    return "The callback url format is invalid.";
  }
  return undefined;
};

const description: Rule = ({ description: value }) => {
  if (value === undefined || value === null || value === "") return "The description field is required.";
  if (typeof value !== "string") return "The description must be a string.";
  if (value.length > 500) return "The description may not be greater than 500 characters.";
  return undefined;
};

const currency: Rule = ({ currency: value }) =>
  value === undefined || value === "IRR" || value === "IRT" ? undefined : "The selected currency is invalid.";

const metadata: Rule = ({ metadata: value }) => {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "The metadata must be an array.";
  const { mobile, email } = value as Record<string, unknown>;
  if (mobile !== undefined && (typeof mobile !== "string" || !MOBILE.test(mobile))) {
    return "The metadata.mobile format is invalid.";
  }
  if (email !== undefined && (typeof email !== "string" || !EMAIL.test(email))) {
    return "The metadata.email must be a valid email address.";
  }
  return undefined;
};

const RULES = {
  merchant_id: merchantId,
  amount,
  authority,
  callback_url: callbackUrl,
  description,
  currency,
  metadata,
} as const satisfies Record<string, Rule>;

export type ZarinpalField = keyof typeof RULES;

export function validate(body: Record<string, unknown>, fields: readonly ZarinpalField[]): Validations {
  return fields.flatMap((field) => {
    const message = RULES[field](body);
    return message === undefined ? [] : [{ [field]: message }];
  });
}
