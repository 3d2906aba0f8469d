import { useEffect, useState } from "preact/hooks";
import { useSession } from "../session/session.tsx";
import { isFinal, type Server } from "./server-status.ts";

/**
 * The server as it changes, through the SDK's `watchServerStatus` subscription (over the WebSocket,
 * no polling; it reads the server again after a reconnection so no change is missed).
 */
export function useLiveServer(initial: Server): Server {
  const { client } = useSession();
  const [server, setServer] = useState(initial);
  useEffect(() => {
    if (isFinal(initial.status)) return;
    const stop = new AbortController();
    void (async () => {
      try {
        for await (const event of client.watchServerStatus(initial.id, stop.signal)) {
          setServer(event.server);
          if (isFinal(event.status)) break;
        }
      } catch (error) {
        if (!stop.signal.aborted) console.error("status stream ended", error);
      }
    })();
    return () => stop.abort();
  }, [initial.id]);
  return server;
}
