import { describe, expect, it } from "vitest";
import { startOvhSimulator } from "./ovh.simulator.ts";
import { ovhSignedFetch } from "./ovh-signed.fetch.ts";
import {
  api,
  call,
  createInstance,
  errorBodyProblems,
  sim,
  useOvhSimulator,
  waitFor,
} from "../../test/ovh-simulator.ts";

useOvhSimulator();

describe("OVH simulator: authentication", () => {
  const refusal = async (override: Record<string, string | null>, delta = 0) => {
    const answer = await ovhSignedFetch("GET", `${api}/instance`, {
      credentials: sim.credentials,
      clockDelta: delta,
      override,
    });
    expect(errorBodyProblems(answer.json)).toEqual([]);
    return { status: answer.status, json: answer.json };
  };

  it("refuses unknown keys and bad signatures with OVH's bodies", async () => {
    expect(await refusal({ "x-ovh-application": null })).toEqual({
      status: 403,
      json: {
        errorCode: "INVALID_KEY",
        httpCode: "403 Forbidden",
        message: "This application key is invalid",
      },
    });
    expect(await refusal({ "x-ovh-consumer": null })).toEqual({
      status: 401,
      json: { message: "You must login first" },
    });
    expect(await refusal({ "x-ovh-consumer": "not-the-key" })).toEqual({
      status: 403,
      json: {
        errorCode: "INVALID_CREDENTIAL",
        httpCode: "403 Forbidden",
        message: "This credential is not valid",
      },
    });
    const invalidSignature = {
      status: 400,
      json: { errorCode: "INVALID_SIGNATURE", httpCode: "400 Bad Request", message: "Invalid signature" },
    };
    expect(await refusal({ "x-ovh-signature": "$1$0000000000000000000000000000000000000000" })).toEqual(
      invalidSignature,
    );
    expect(await refusal({}, 600)).toEqual(invalidSignature);
    expect(await refusal({}, -600)).toEqual(invalidSignature);
  });

  it("accepts what python-ovh signs: the official https URL, whatever host the call reaches", async () => {
    const path = `/1.0/cloud/project/${sim.serviceName}/instance?region=GRA11`;
    const asPythonOvh = await ovhSignedFetch("GET", `${sim.url}${path}`, {
      credentials: sim.credentials,
      signedUrl: `https://eu.api.ovh.com${path}`,
    });
    expect(asPythonOvh.status).toBe(200);
    const body = { name: "signed-as-python-ovh", region: "GRA11", flavorId: "x", imageId: "y" };
    const created = await ovhSignedFetch(
      "POST",
      `${sim.url}/1.0/cloud/project/${sim.serviceName}/instance`,
      {
        credentials: sim.credentials,
        signedUrl: `https://eu.api.ovh.com/1.0/cloud/project/${sim.serviceName}/instance`,
      },
      body,
    );
    // Past the signature: refused for the made-up flavor, not for the URL it signed.
    expect(created.status).toBe(400);
    expect(created.json).toMatchObject({ class: "Client::BadRequest" });

    // Another API's URL, or another path, is still a bad signature.
    for (const signedUrl of [`https://ca.api.ovh.com${path}`, `https://eu.api.ovh.com/1.0/cloud/project`]) {
      const refused = await ovhSignedFetch("GET", `${sim.url}${path}`, {
        credentials: sim.credentials,
        signedUrl,
      });
      expect(refused).toMatchObject({ status: 400, json: { errorCode: "INVALID_SIGNATURE" } });
    }
  });

  it("signs the exact body and query string", async () => {
    // Signed for one query string, sent with another.
    const signedFor = await ovhSignedFetch("GET", `${api}/instance?region=GRA11`, {
      credentials: sim.credentials,
    });
    expect(signedFor.status).toBe(200);
    const headers = {
      "x-ovh-application": sim.credentials.applicationKey,
      "x-ovh-consumer": sim.credentials.consumerKey,
    };
    const replayed = await fetch(`${api}/instance?region=SBG5`, {
      headers: { ...headers, "x-ovh-timestamp": "1", "x-ovh-signature": "$1$x" },
    });
    expect(replayed.status).toBe(400);
  });

  it("accepts calls timed by a client that synced with a skewed API clock", async () => {
    const skewed = await startOvhSimulator({ clockOffsetSeconds: 3_600 });
    try {
      const time = (await (await fetch(`${skewed.url}/1.0/auth/time`)).json()) as number;
      const delta = time - Math.floor(Date.now() / 1000);
      const url = `${skewed.url}/1.0/cloud/project/${skewed.serviceName}/instance`;
      expect((await ovhSignedFetch("GET", url, { credentials: skewed.credentials })).status).toBe(400);
      expect(
        (await ovhSignedFetch("GET", url, { credentials: skewed.credentials, clockDelta: delta })).status,
      ).toBe(200);
    } finally {
      await skewed.close();
    }
  });
});

describe("OVH simulator: faults", () => {
  it("answers 429 with Retry-After and 5xx in OVH's envelope", async () => {
    sim.faults.set({ rateLimitNext: 1 });
    const limited = await call("GET", "/instance");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(errorBodyProblems(limited.json)).toEqual([]);
    expect((await call("GET", "/instance")).status).toBe(200);

    sim.faults.set({ serverErrorRate: 1 });
    const failed = await call("GET", "/instance");
    expect(failed.status).toBe(500);
    expect(errorBodyProblems(failed.json)).toEqual([]);
  });

  it("loses a create's answer after creating the instance", async () => {
    sim.faults.set({ loseCreateResponses: 1 });
    await expect(createInstance("prod-pk-22222222-2222-4222-8222-222222222222")).rejects.toThrow();
    expect(sim.instances.countByServerId("22222222-2222-4222-8222-222222222222")).toBe(1);
  });

  it("ends a failing action in ERROR", async () => {
    sim.faults.set({ failNextActions: 1 });
    const id = String((await createInstance("prod-pk-fails")).id);
    await waitFor(id, "ERROR");
    expect(sim.faults.current.failNextActions).toBe(0);
  });
});
