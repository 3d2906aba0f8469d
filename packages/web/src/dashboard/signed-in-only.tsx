import type { ComponentType } from "preact";
import { useLocation } from "preact-iso";
import { useEffect } from "preact/hooks";
import { PATHS } from "./paths.ts";
import { useSession } from "./session/session.tsx";

/** A page for signed-in users: anyone else (or a session that has ended) is sent to sign in. */
export function signedInOnly<Props extends object>(Page: ComponentType<Props>) {
  return function SignedInOnly(props: Props) {
    const { signedIn } = useSession();
    const { route } = useLocation();
    useEffect(() => {
      if (!signedIn) route(PATHS.signIn, true);
    }, [signedIn]);
    return signedIn ? <Page {...props} /> : null;
  };
}
