import type { ServerFieldsFragment, ServerStatus } from "@peykarband/sdk";

export type Server = ServerFieldsFragment;

export const STATUS_LABELS: Readonly<Record<ServerStatus, string>> = {
  PENDING: "در صف ساخت",
  PROVISIONING: "در حال ساخت",
  ACTIVE: "روشن",
  OFF: "خاموش",
  REBOOTING: "در حال راه‌اندازی دوباره",
  REBUILDING: "در حال نصب دوباره",
  RESIZING: "در حال تغییر اندازه",
  DELETING: "در حال حذف",
  DELETED: "حذف شده",
  FAILED: "ساخته نشد",
  SUSPENDED: "معلق برای بدهی؛ با افزایش موجودی روشن می‌شود",
};

/** Statuses that never change again: nothing to watch. */
export const isFinal = (status: ServerStatus): boolean => status === "DELETED";

/** Statuses in which a person may act on the server; in the others an operation is under way. */
export const isSettled = (status: ServerStatus): boolean =>
  status === "ACTIVE" || status === "OFF" || status === "FAILED";
