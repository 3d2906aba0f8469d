import { describe, expect, it } from "vitest";
import { NOTICE_KINDS, type Notice } from "./notice.ts";
import { renderNotice } from "./notice-template.ts";
import { englishDateTime, persianDateTime } from "./tehran-time.ts";

// 1405-09-16 13:30 in Tehran.
const instant = new Date("2026-12-07T10:00:00.000Z");
const notices: Record<(typeof NOTICE_KINDS)[number], Notice> = {
  WALLET_RUNNING_LOW: { kind: "WALLET_RUNNING_LOW", runsOutAt: instant },
  WALLET_IN_DEBT: { kind: "WALLET_IN_DEBT", suspendsAt: instant },
  SERVERS_SUSPENDED: { kind: "SERVERS_SUSPENDED", terminatesAt: instant },
  TERMINATION_SOON: { kind: "TERMINATION_SOON", terminatesAt: instant },
  SERVERS_TERMINATED: { kind: "SERVERS_TERMINATED" },
  SERVERS_RESUMED: { kind: "SERVERS_RESUMED" },
  WEBHOOK_ENDPOINT_DISABLED: {
    kind: "WEBHOOK_ENDPOINT_DISABLED",
    url: "https://partner.example.com/hooks",
    failingSince: instant,
  },
};

describe("notice templates", () => {
  it("write dates in Jalali with Persian digits for fa, Gregorian for en, both in Tehran time", () => {
    expect(persianDateTime(instant)).toBe("۱۴۰۵/۰۹/۱۶ ساعت ۱۳:۳۰");
    expect(englishDateTime(instant)).toBe("2026-12-07 13:30 Tehran time");
    // Witness only: the domain does not use Intl itself.
    const witness = new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
      timeZone: "Asia/Tehran",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(instant);
    expect(witness).toBe("۱۴۰۵/۰۹/۱۶");
  });

  it("every notice exists in both languages, each in its own script, with its date", () => {
    for (const kind of NOTICE_KINDS) {
      const fa = renderNotice(notices[kind], "fa");
      const en = renderNotice(notices[kind], "en");
      for (const text of [fa.subject, fa.body, fa.sms]) expect(text).toMatch(/[\u0600-\u06ff]/);
      for (const text of [en.subject, en.body, en.sms]) expect(text).not.toMatch(/[\u0600-\u06ff]/);
      expect(fa.sms.length).toBeLessThanOrEqual(268);
      const dated = ["runsOutAt", "suspendsAt", "terminatesAt", "failingSince"].some(
        (at) => at in notices[kind],
      );
      if (dated) {
        expect(fa.body).toContain("۱۴۰۵/۰۹/۱۶ ساعت ۱۳:۳۰");
        expect(en.body).toContain("2026-12-07 13:30 Tehran time");
      }
    }
    expect(renderNotice(notices.WALLET_IN_DEBT, "fa").subject).toBe("موجودی کیف پول شما تمام شده است");
    expect(renderNotice(notices.WALLET_IN_DEBT, "en").subject).toBe("Your wallet has run out");
    expect(renderNotice(notices.WEBHOOK_ENDPOINT_DISABLED, "fa").body).toContain(
      "https://partner.example.com/hooks",
    );
    expect(renderNotice(notices.WEBHOOK_ENDPOINT_DISABLED, "en").subject).toBe(
      "Your webhook endpoint was disabled",
    );
  });
});
