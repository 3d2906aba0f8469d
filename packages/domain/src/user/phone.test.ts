import { describe, expect, it } from "vitest";
import { Phone } from "./phone.ts";

describe("Phone (Iranian mobile)", () => {
  it.each([
    "09121234567",
    "+989121234567",
    "00989121234567",
    "989121234567",
    "9121234567",
    "0912 123 4567",
    "0912-123-4567",
    "۰۹۱۲۱۲۳۴۵۶۷",
    "٠٩١٢١٢٣٤٥٦٧",
  ])("stores %j as E.164", (input) => {
    const parsed = Phone.parse(input);
    expect(parsed.ok && parsed.value.e164).toBe("+989121234567");
  });

  it.each(["", "02112345678", "0912123456", "091212345678", "+14155550100", "09121234567; DROP TABLE users"])(
    "refuses %j",
    (input) => expect(Phone.parse(input)).toMatchObject({ ok: false, error: { code: "INVALID_PHONE" } }),
  );
});
