import type { CloudProvider } from "@peykarband/sdk";

export interface Cloud {
  readonly provider: CloudProvider;
  readonly name: string;
  readonly summary: string;
}

/** The three clouds in the order the page presents them; names as Iranian buyers write them. */
export const CLOUDS: readonly Cloud[] = [
  {
    provider: "HETZNER",
    name: "هتزنر",
    summary: "سرورهای ابری کم‌هزینهٔ هتزنر، شرکت آلمانی با دیتاسنترهای خودش.",
  },
  {
    provider: "DIGITALOCEAN",
    name: "دیجیتال‌اوشن",
    summary: "دراپلت‌های ساده و سریع دیجیتال‌اوشن، ابر محبوب برنامه‌نویس‌ها.",
  },
  {
    provider: "OVH",
    name: "OVHcloud",
    summary: "ابر عمومی OVHcloud، ارائه‌دهندهٔ اروپایی با دیتاسنترهای خودش.",
  },
];
