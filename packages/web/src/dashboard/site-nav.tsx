import { useLocation } from "preact-iso";
import { PATHS } from "./paths.ts";
import { useSession } from "./session/session.tsx";

const SIGNED_IN_LINKS = [
  { path: PATHS.servers, label: "سرورها" },
  { path: PATHS.order, label: "سفارش سرور" },
  { path: PATHS.wallet, label: "کیف پول" },
  { path: PATHS.invoices, label: "صورتحساب‌ها" },
  { path: PATHS.sshKeys, label: "کلیدهای SSH" },
  { path: PATHS.apiKeys, label: "کلیدهای API" },
  { path: PATHS.security, label: "امنیت" },
] as const;

const SIGNED_OUT_LINKS = [
  { path: PATHS.signIn, label: "ورود" },
  { path: PATHS.signUp, label: "ساخت حساب" },
] as const;

export function SiteNav() {
  const { client, signedIn } = useSession();
  const { path, route } = useLocation();
  const signOut = async () => {
    await client.LogOut({ input: {} });
    await client.dispose();
    route(PATHS.signIn);
  };
  return (
    <nav aria-label="پنل کاربری">
      {(signedIn ? SIGNED_IN_LINKS : SIGNED_OUT_LINKS).map((link) => (
        <a key={link.path} href={link.path} aria-current={path === link.path ? "page" : undefined}>
          {link.label}
        </a>
      ))}
      {signedIn ? (
        <button class="link-button" type="button" onClick={signOut}>
          خروج
        </button>
      ) : null}
    </nav>
  );
}
