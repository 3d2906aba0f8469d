import { PATHS } from "../paths.ts";
import { useSession } from "../session/session.tsx";
import { LoadStatus, useLoad } from "../use-load.tsx";
import { loadCatalog } from "./catalog.ts";
import { ServerCard } from "./server-card.tsx";

const SERVERS_PAGE = 50;

/** The customer's servers, each followed live. */
export function ServersPage() {
  const { client } = useSession();
  const { state } = useLoad(async (signal) => {
    const [{ servers }, catalog] = await Promise.all([
      client.Servers({ first: SERVERS_PAGE }, undefined, signal),
      loadCatalog(client, signal),
    ]);
    return { servers: servers.edges.map((edge) => edge.node), catalog };
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">سرورها</h1>
      <p>
        <a class="button" href={PATHS.order}>
          سفارش سرور تازه
        </a>
      </p>
      <LoadStatus state={state} />
      {state.status === "ready" ? (
        state.data.servers.length === 0 ? (
          <p>هنوز سروری ندارید.</p>
        ) : (
          <ul class="cards servers" role="list">
            {state.data.servers.map((server) => (
              <ServerCard key={server.id} initial={server} catalog={state.data.catalog} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
