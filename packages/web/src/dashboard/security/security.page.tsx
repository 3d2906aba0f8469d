import { useSession } from "../session/session.tsx";
import { LoadStatus, useLoad } from "../use-load.tsx";
import { TwoFactorSetup } from "./two-factor-setup.tsx";

/** Two-factor authentication: whether it is on, and turning it on. */
export function SecurityPage() {
  const { client } = useSession();
  const { state, reload } = useLoad(async (signal) => {
    const { viewer } = await client.Viewer(undefined, undefined, signal);
    if (!viewer) throw new Error("signed out");
    return viewer;
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">امنیت حساب</h1>
      <LoadStatus state={state} />
      {state.status === "ready" ? (
        <>
          <p>
            ایمیل: <span dir="ltr">{state.data.email}</span>
          </p>
          <h2>ورود دومرحله‌ای</h2>
          {state.data.twoFactorEnabled ? (
            <p data-two-factor="on">ورود دومرحله‌ای روشن است: هر ورود کد برنامهٔ احراز هویت را هم می‌خواهد.</p>
          ) : (
            <TwoFactorSetup onEnabled={reload} />
          )}
        </>
      ) : null}
    </section>
  );
}
