// The Persian (Jalali) calendar in Tehran's time, from the browser's own Intl: nothing hand-written.
const dateTime = new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Asia/Tehran",
});

/** An ISO 8601 instant from the API as a Jalali date and time: "۱۶ آذر ۱۴۰۵، ۲۰:۴۲". */
export function jalaliDateTime(iso: string | Date): string {
  return dateTime.format(typeof iso === "string" ? new Date(iso) : iso);
}
