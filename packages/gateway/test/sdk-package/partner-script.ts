// A partner's TypeScript, type-checked by stock tsc (strict) against the packed SDK's declarations.
import {
  createPeykarbandClient,
  type PeykarbandClient,
  type ServerStatusEvent,
  type UserErrorCode,
} from "@peykarband/sdk";

const url = process.env["API_URL"]!;
const client: PeykarbandClient = createPeykarbandClient({ url });

async function main(): Promise<void> {
  const { registerUser } = await client.RegisterUser({
    input: { email: process.env["EMAIL"]!, password: "correct horse battery" },
  });
  const refusal: UserErrorCode<"RegisterUserErrorCode"> | undefined = registerUser.userErrors[0]?.code;
  // A second client resumes the stored session, as after a restart.
  const resumed = createPeykarbandClient({ url, session: client.tokens() });
  const { viewer } = await resumed.Viewer();
  const { health } = await resumed.Health();
  const onEvent = (event: ServerStatusEvent): string => event.status;
  process.stdout.write(
    `${JSON.stringify({
      refusal: refusal ?? null,
      viewer: viewer?.email ?? null,
      sandbox: health.sandbox,
      watcher: typeof onEvent,
    })}\n`,
  );
}

await main();
