/** The dashboard's pages, each one segment under /app so the build's relative asset URLs hold. */
export const PATHS = {
  home: "/app",
  signUp: "/app/signup",
  signIn: "/app/signin",
  servers: "/app/servers",
  order: "/app/order",
  wallet: "/app/wallet",
  security: "/app/security",
  sshKeys: "/app/ssh-keys",
  apiKeys: "/app/api-keys",
  invoices: "/app/invoices",
} as const;
