// A partner's plain JavaScript, run by Node against the packed SDK.
import { createPeykarbandClient, isUserErrorCode, verifyWebhook } from "@peykarband/sdk";
import { createHmac } from "node:crypto";
import process from "node:process";

const client = createPeykarbandClient({ url: process.env.API_URL });
const email = process.env.EMAIL;
const { registerUser } = await client.RegisterUser({ input: { email, password: "correct horse battery" } });
const { viewer } = await client.Viewer();
const { logIn } = await client.LogIn({ input: { email, password: "wrong password!" } });

const body = JSON.stringify({ type: "ping" });
const t = Math.floor(Date.now() / 1000);
const v1 = createHmac("sha256", "whsec").update(`${t}.${body}`).digest("hex");

process.stdout.write(
  `${JSON.stringify({
    signedUp: registerUser.userErrors.length === 0,
    viewer: viewer?.email,
    refusal: logIn.userErrors[0]?.code,
    knownCode: isUserErrorCode("LogInErrorCode", logIn.userErrors[0]?.code),
    webhook: verifyWebhook("whsec", `t=${t},v1=${v1}`, body).valid,
  })}\n`,
);
