import type { PeykarbandClient } from "@peykarband/sdk";
import { createContext, type ComponentChildren } from "preact";
import { useContext, useRef, useState } from "preact/hooks";
import { createDashboardClient } from "./api-client.ts";

interface Session {
  readonly client: PeykarbandClient;
  readonly signedIn: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** One client for the whole dashboard; `signedIn` follows its tokens (sign-up, sign-in, refresh, sign-out). */
export function SessionProvider({ children }: { readonly children: ComponentChildren }) {
  const follow = useRef<(signedIn: boolean) => void>(() => {});
  const [client] = useState(() => createDashboardClient((signedIn) => follow.current(signedIn)));
  const [signedIn, setSignedIn] = useState(() => client.tokens() !== null);
  follow.current = setSignedIn;
  return <SessionContext.Provider value={{ client, signedIn }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
