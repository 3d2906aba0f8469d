import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from "preact-iso";
import { useEffect } from "preact/hooks";
import { SignInPage } from "./pages/sign-in.page.tsx";
import { SignUpPage } from "./pages/sign-up.page.tsx";
import { PATHS } from "./paths.ts";
import { SessionProvider, useSession } from "./session/session.tsx";
import { SiteNav } from "./site-nav.tsx";
import { signedInOnly } from "./signed-in-only.tsx";

// Each signed-in page is its own chunk, loaded when first visited.
const ServersPage = signedInOnly(lazy(() => import("./servers/servers.page.tsx").then((m) => m.ServersPage)));
const OrderPage = signedInOnly(lazy(() => import("./servers/order.page.tsx").then((m) => m.OrderPage)));
const WalletPage = signedInOnly(lazy(() => import("./wallet/wallet.page.tsx").then((m) => m.WalletPage)));
const SecurityPage = signedInOnly(
  lazy(() => import("./security/security.page.tsx").then((m) => m.SecurityPage)),
);

const SshKeysPage = signedInOnly(lazy(() => import("./keys/ssh-keys.page.tsx").then((m) => m.SshKeysPage)));
const ApiKeysPage = signedInOnly(lazy(() => import("./keys/api-keys.page.tsx").then((m) => m.ApiKeysPage)));
const InvoicesPage = signedInOnly(
  lazy(() => import("./invoices/invoices.page.tsx").then((m) => m.InvoicesPage)),
);

/** /app itself: the servers for a signed-in user, else sign-in. */
function Home() {
  const { signedIn } = useSession();
  const { route } = useLocation();
  useEffect(() => route(signedIn ? PATHS.servers : PATHS.signIn, true), [signedIn]);
  return null;
}

/** The customer dashboard: rendered in the browser, every call through the SDK. */
export function Dashboard() {
  return (
    <LocationProvider scope="/app">
      <SessionProvider>
        <a class="skip-link" href="#main">
          رفتن به محتوا
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            پیکربند
          </a>
          <SiteNav />
        </header>
        <main id="main">
          <ErrorBoundary>
            <Router>
              <Route path={PATHS.signUp} component={SignUpPage} />
              <Route path={PATHS.signIn} component={SignInPage} />
              <Route path={PATHS.servers} component={ServersPage} />
              <Route path={PATHS.order} component={OrderPage} />
              <Route path={PATHS.wallet} component={WalletPage} />
              <Route path={PATHS.security} component={SecurityPage} />
              <Route path={PATHS.sshKeys} component={SshKeysPage} />
              <Route path={PATHS.apiKeys} component={ApiKeysPage} />
              <Route path={PATHS.invoices} component={InvoicesPage} />
              <Route default component={Home} />
            </Router>
          </ErrorBoundary>
        </main>
      </SessionProvider>
    </LocationProvider>
  );
}
