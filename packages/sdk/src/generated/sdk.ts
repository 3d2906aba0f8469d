/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { type GraphQLClient, type RequestOptions } from 'graphql-request';
import { gql } from 'graphql-tag';
type GraphQLClientRequestHeaders = RequestOptions['requestHeaders'];
/** Why `addSshKey` refused its input. */
export type AddSshKeyErrorCode =
  /** This public key is in your account already. */
  | 'DUPLICATE_SSH_KEY'
  /** The name is not acceptable: a server's is a hostname (letters, digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen); an SSH key's must be 1 to 100 characters; an API key's 1 to 64. */
  | 'INVALID_NAME'
  /** The public key is not an OpenSSH public key line (ssh-ed25519, ssh-rsa, ecdsa-sha2-*). */
  | 'INVALID_PUBLIC_KEY'
  /** More SSH keys than allowed: on one server, or in the account. */
  | 'TOO_MANY_SSH_KEYS';

/** A public key to keep in your account. */
export type AddSshKeyInput = {
  /** Your name for it, 1 to 100 characters. */
  name: string;
  /** The public key line, as in ~/.ssh/id_ed25519.pub: "ssh-ed25519 AAAA… comment". Types: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521. The comment is dropped. */
  publicKey: string;
};

/** Why `adjustWallet` refused its input. */
export type AdjustWalletErrorCode =
  /** The amount is above the largest allowed: the gateway's maximum or our ceiling, whichever is lower. */
  | 'AMOUNT_TOO_LARGE'
  /** Administrators cannot adjust their own wallet; another administrator must. */
  | 'CANNOT_ADJUST_OWN_WALLET'
  /** The idempotency key was used before for a different request; use a new key. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The wallet holds less than the amount to take (for a server: its first charge); wallets never go below zero. */
  | 'INSUFFICIENT_FUNDS'
  /** The amount is not a whole number of rials (or, for a top-up, not positive). */
  | 'INVALID_AMOUNT'
  /** The idempotency key is not 1 to 100 printable ASCII characters without spaces. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** The reason is empty or too long (500 characters; 400 for a usage waiver). */
  | 'INVALID_REASON'
  /** The two-factor code or recovery code is wrong, expired or used already. */
  | 'INVALID_TWO_FACTOR_CODE'
  /** This needs a second factor and the account has none: turn on two-factor authentication first. */
  | 'SECOND_FACTOR_REQUIRED'
  /** This needs a fresh second factor: call confirmSecondFactor first, or send totpCode with the mutation. */
  | 'SECOND_FACTOR_STALE'
  /** Too many attempts from this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** No user has this id. */
  | 'USER_NOT_FOUND';

/** Whose wallet, by how much, and why. */
export type AdjustWalletInput = {
  /** Signed whole rials: "2500000" credits the wallet, "-2500000" takes from it (never below zero). At most 1,000,000,000 either way. */
  amount: string;
  /** A fresh key per adjustment (a UUID will do). The same adjustment with the same key returns the first answer; another adjustment with it is IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey: string;
  /** Why, shown on the customer's statement and kept in the audit log. Required, at most 500 characters. */
  reason: string;
  /** A code from the authenticator app (or a recovery code), unless this session called confirmSecondFactor in the last five minutes. */
  totpCode?: string | null | undefined;
  /** The user's global id. Not your own: another administrator must adjust yours. */
  userId: string | number;
};

/** What an API key may do. A signed-in session may do all of it that its role allows. */
export type ApiScope =
  /** billing:read — read your wallet, its statement and your payments. */
  | 'BILLING_READ'
  /** billing:write — start wallet top-ups. */
  | 'BILLING_WRITE'
  /** customers:write — manage a reseller's customers (no field uses it yet). */
  | 'CUSTOMERS_WRITE'
  /** servers:read — list and read your servers and SSH keys, and watch their status. */
  | 'SERVERS_READ'
  /** servers:write — order, operate, resize, rebuild and delete servers; add and delete SSH keys. */
  | 'SERVERS_WRITE'
  /** webhooks:write — create, list and delete webhook endpoints, read their deliveries and send one again. */
  | 'WEBHOOKS_WRITE';

/** What a security event recorded. */
export type AuditAction =
  /** An API key was created; details carry its id and scopes. */
  | 'API_KEY_CREATED'
  /** An API key was revoked; details carry its id. */
  | 'API_KEY_REVOKED'
  /** A reseller created a customer (the subject); details say whether it was given a password. */
  | 'CUSTOMER_CREATED'
  /** A reseller moved money to its customer (the subject); details carry the amount and transaction. */
  | 'CUSTOMER_FUNDED'
  /** Dunning moved a customer's episode (warned, grace, suspended, terminating, resuming, closed) for their wallet's balance. */
  | 'DUNNING_STAGE_CHANGED'
  /** A session, or every session of an account, was ended. */
  | 'LOGGED_OUT'
  /** A sign-in was refused (wrong password or second factor, unknown email). */
  | 'LOGIN_FAILED'
  /** Someone signed in. */
  | 'LOGIN_SUCCEEDED'
  /** Sign-ins were locked for an account or an address for the rest of the window. */
  | 'LOGIN_THROTTLED'
  /** The sweep deleted a server at a provider that carried our mark but belonged to no live order. */
  | 'ORPHAN_SERVER_DELETED'
  /** A gateway payment was verified and credited to the wallet. */
  | 'PAYMENT_PAID'
  /** A one-time recovery code was used. */
  | 'RECOVERY_CODE_USED'
  /** A used refresh token was presented again; its whole session was ended. */
  | 'REFRESH_TOKEN_REUSED'
  /** A reseller set its markup over our prices; details carry it in basis points. */
  | 'RESELLER_MARKUP_SET'
  /** An administrator changed an account's role. */
  | 'ROLE_CHANGED'
  /** A server could not be created at its provider; its charge was refunded. */
  | 'SERVER_FAILED'
  /** A power, reboot, rebuild, resize or delete of a server was asked for. */
  | 'SERVER_OPERATION_REQUESTED'
  /** A server was ordered and its first charge taken from the wallet. */
  | 'SERVER_ORDERED'
  /** An administrator changed how many servers a customer may have. */
  | 'SERVER_QUOTA_CHANGED'
  /** A session got a new token pair. */
  | 'SESSION_REFRESHED'
  /** An SSH public key was added to an account. */
  | 'SSH_KEY_ADDED'
  /** An SSH public key was removed from an account. */
  | 'SSH_KEY_DELETED'
  /** Two-factor authentication was turned off. */
  | 'TWO_FACTOR_DISABLED'
  /** Two-factor authentication was turned on. */
  | 'TWO_FACTOR_ENABLED'
  /** A wrong two-factor code was given. */
  | 'TWO_FACTOR_FAILED'
  /** A new TOTP secret was created, not yet confirmed. */
  | 'TWO_FACTOR_SETUP_STARTED'
  /** Staff waived part of a server's usage: a credit to the wallet, with the reason. */
  | 'USAGE_WAIVED'
  /** An account was created. */
  | 'USER_REGISTERED'
  /** An administrator credited a wallet by hand. */
  | 'WALLET_CREDITED_BY_ADMIN'
  /** An administrator took money from a wallet by hand. */
  | 'WALLET_DEBITED_BY_ADMIN'
  /** A webhook endpoint was created; details carry its id and events. */
  | 'WEBHOOK_ENDPOINT_CREATED'
  /** A webhook endpoint was deleted; details carry its id. */
  | 'WEBHOOK_ENDPOINT_DELETED'
  /** A webhook delivery was sent again; details carry both deliveries' ids. */
  | 'WEBHOOK_REDELIVERED';

/** Why `changeUserRole` refused its input. */
export type ChangeUserRoleErrorCode =
  /** Administrators cannot change their own role; another administrator must. */
  | 'CANNOT_CHANGE_OWN_ROLE'
  /** The two-factor code or recovery code is wrong, expired or used already. */
  | 'INVALID_TWO_FACTOR_CODE'
  /** This needs a second factor and the account has none: turn on two-factor authentication first. */
  | 'SECOND_FACTOR_REQUIRED'
  /** This needs a fresh second factor: call confirmSecondFactor first, or send totpCode with the mutation. */
  | 'SECOND_FACTOR_STALE'
  /** Too many attempts from this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** No user has this id. */
  | 'USER_NOT_FOUND';

/** Whose role to change, and to what. */
export type ChangeUserRoleInput = {
  /** The new role. The user's sessions end so it applies at once. */
  role: Role;
  /** A code from the authenticator app (or a recovery code), unless this session called confirmSecondFactor in the last five minutes. */
  totpCode?: string | null | undefined;
  /** The user's global id. */
  userId: string | number;
};

/** The cloud a server runs on. */
export type CloudProvider =
  /** DigitalOcean (droplets). */
  | 'DIGITALOCEAN'
  /** Hetzner Cloud. */
  | 'HETZNER'
  /** OVHcloud Public Cloud. */
  | 'OVH';

/** Why `confirmTwoFactorSetup` refused its input. */
export type ConfirmTwoFactorSetupErrorCode =
  /** The two-factor code or recovery code is wrong, expired or used already. */
  | 'INVALID_TWO_FACTOR_CODE'
  /** Too many attempts from this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** There is no two-factor setup to confirm; start one first. */
  | 'TWO_FACTOR_NOT_STARTED';

/** Proof that the authenticator app has the secret. */
export type ConfirmTwoFactorSetupInput = {
  /** The 6-digit code the authenticator app shows now. */
  code: string;
};

/** Why `createApiKey` refused its input. */
export type CreateApiKeyErrorCode =
  /** The name is not acceptable: a server's is a hostname (letters, digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen); an SSH key's must be 1 to 100 characters; an API key's 1 to 64. */
  | 'INVALID_NAME'
  /** No scopes, or a scope that does not exist: give one or more of ApiScope. */
  | 'INVALID_SCOPES'
  /** The account holds as many active API keys as allowed: revoke one first. */
  | 'TOO_MANY_API_KEYS';

/** A new API key: its name and what it may do. */
export type CreateApiKeyInput = {
  /** Your name for it, 1 to 64 characters. */
  name: string;
  /** What the key may do: one or more scopes. */
  scopes: Array<ApiScope>;
};

/** Why `createCustomer` refused its input. */
export type CreateCustomerErrorCode =
  /** An account with this email address exists already. */
  | 'EMAIL_TAKEN'
  /** The email address is not valid. */
  | 'INVALID_EMAIL'
  /** The phone number is not an Iranian mobile number. */
  | 'INVALID_PHONE'
  /** The password is longer than the maximum (128 characters). */
  | 'PASSWORD_TOO_LONG'
  /** The password is shorter than the minimum (10 characters). */
  | 'PASSWORD_TOO_SHORT';

/** A new customer account in your reseller tree. */
export type CreateCustomerInput = {
  /** The customer's email address; compared case-insensitively. */
  email: string;
  /** A password for the customer to sign in with, 10 to 128 characters. Omitted: the customer cannot sign in, and only you operate the account. */
  password?: string | null | undefined;
  /** Iranian mobile number as people write it (09…, +989…, Persian digits allowed). */
  phone?: string | null | undefined;
};

/** Why `createWebhookEndpoint` refused its input. */
export type CreateWebhookEndpointErrorCode =
  /** No event, or an unknown one, was given. */
  | 'INVALID_EVENTS'
  /** The account holds as many webhook endpoints as allowed (16): delete one first. */
  | 'TOO_MANY_WEBHOOK_ENDPOINTS'
  /** The URL's host is a loopback, private, link-local or other internal address. */
  | 'WEBHOOK_URL_FORBIDDEN'
  /** The URL is not an http(s) URL without credentials, or its host does not resolve. */
  | 'WEBHOOK_URL_INVALID';

/** Where to POST your events, and which ones. */
export type CreateWebhookEndpointInput = {
  /** The events to receive: one or more. */
  events: Array<WebhookEventType>;
  /** An http(s) URL without credentials, up to 2048 characters, on a public address. */
  url: string;
};

/** Why `deleteServer` refused its input. */
export type DeleteServerErrorCode =
  /** No customer of yours has this id. */
  | 'CUSTOMER_NOT_FOUND'
  /** The server's status does not allow this now, such as rebooting a DELETED server or powering on an ACTIVE one. */
  | 'ILLEGAL_STATE'
  /** Another operation on this server has not finished yet; wait for it. */
  | 'OPERATION_IN_PROGRESS'
  /** No server has this id, or it is not yours. */
  | 'SERVER_NOT_FOUND';

/** Which server to delete. */
export type DeleteServerInput = {
  /** Resellers: your customer (`User.id`) whose server this is. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is looked up as yours. */
  customerId?: string | number | null | undefined;
  /** The server's global id (`Server.id`). One that is not yours, or not a Server's, is SERVER_NOT_FOUND. */
  serverId: string | number;
};

/** Why `deleteSshKey` refused its input. */
export type DeleteSshKeyErrorCode =
  /** No SSH key of yours has this id. */
  | 'SSH_KEY_NOT_FOUND';

/** The key to remove from your account. */
export type DeleteSshKeyInput = {
  /** The key's global id (`SshKey.id`). */
  sshKeyId: string | number;
};

/** Why `deleteWebhookEndpoint` refused its input. */
export type DeleteWebhookEndpointErrorCode =
  /** No webhook endpoint of yours has this id. */
  | 'WEBHOOK_ENDPOINT_NOT_FOUND';

/** The webhook endpoint to delete. */
export type DeleteWebhookEndpointInput = {
  /** The endpoint's id (WebhookEndpoint.id). */
  endpointId: string | number;
};

/** Why `disableTwoFactor` refused its input. */
export type DisableTwoFactorErrorCode =
  /** The password is wrong. */
  | 'INVALID_PASSWORD'
  /** The two-factor code or recovery code is wrong, expired or used already. */
  | 'INVALID_TWO_FACTOR_CODE'
  /** Too many attempts from this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** Two-factor authentication is not on. */
  | 'TWO_FACTOR_NOT_ENABLED';

/** Both factors, to turn the second one off. */
export type DisableTwoFactorInput = {
  /** A current code from the authenticator app, or an unused recovery code. */
  code: string;
  /** The account's current password. */
  password: string;
};

/** A language we write to customers in. */
export type Language =
  /** English. */
  | 'EN'
  /** Persian (the default). */
  | 'FA';

/** Why a wallet's balance moved. */
export type LedgerEntryKind =
  /** Staff added money by hand, with a reason. */
  | 'ADMIN_CREDIT'
  /** Staff took money by hand, with a reason. */
  | 'ADMIN_DEBIT'
  /** A charge for a service (a server order's prepaid first hour). */
  | 'DEBIT'
  /** Money given back for an earlier charge. */
  | 'REFUND'
  /** A reseller's markup on its customer's usage, paid to the reseller's wallet. */
  | 'RESELLER_MARGIN'
  /** A reseller moved money from its wallet to its customer's. */
  | 'RESELLER_TRANSFER'
  /** Undoes an earlier entry; entries are never edited or deleted. */
  | 'REVERSAL'
  /** A verified gateway payment credited the wallet. */
  | 'TOP_UP'
  /** A server's metered usage, settled hourly and at each state change; may take the wallet below zero. Negative amounts on the business side; a positive one on the wallet returns an unused prepayment. */
  | 'USAGE'
  /** The VAT (VAT_RATE_PERCENT) on a usage posting, collected with it for the tax office; may take the wallet below zero. */
  | 'VAT';

/** Why `logIn` refused its input. */
export type LogInErrorCode =
  /** The email address or password is wrong. */
  | 'INVALID_CREDENTIALS'
  /** The two-factor code or recovery code is wrong, expired or used already. */
  | 'INVALID_TWO_FACTOR_CODE'
  /** Too many attempts from this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** The account has two-factor authentication: send totpCode or recoveryCode too. */
  | 'TWO_FACTOR_REQUIRED';

/** Credentials, and a second factor when the account has one. */
export type LogInInput = {
  /** The account's email address. */
  email: string;
  /** The account's password. */
  password: string;
  /** One unused recovery code, instead of totpCode when the app is lost. Each works once. */
  recoveryCode?: string | null | undefined;
  /** The 6-digit code from the authenticator app; needed when two-factor is on. */
  totpCode?: string | null | undefined;
};

/** Why `logOut` refused its input. */
export type LogOutErrorCode =
  /** There is no session to end. */
  | 'NOT_SIGNED_IN';

/** Which sessions to end. */
export type LogOutInput = {
  /** End every session of the account (all devices), not only this one. */
  everywhere?: boolean | null | undefined;
};

/** Why `orderServer` refused its input. */
export type OrderServerErrorCode =
  /** No customer of yours has this id. */
  | 'CUSTOMER_NOT_FOUND'
  /** The idempotency key was used before for a different request; use a new key. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** No operating-system image has this id. */
  | 'IMAGE_NOT_FOUND'
  /** The image is not offered by this region's provider. */
  | 'IMAGE_UNAVAILABLE'
  /** The wallet holds less than the amount to take (for a server: its first charge); wallets never go below zero. */
  | 'INSUFFICIENT_FUNDS'
  /** The idempotency key is not 1 to 100 printable ASCII characters without spaces. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** The name is not acceptable: a server's is a hostname (letters, digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen); an SSH key's must be 1 to 100 characters; an API key's 1 to 64. */
  | 'INVALID_NAME'
  /** No plan has this id. */
  | 'PLAN_NOT_FOUND'
  /** The plan is not offered in this region, or the plan, region or provider is unavailable now. */
  | 'PLAN_UNAVAILABLE'
  /** You have as many servers as your quota allows; delete one or ask support for more. */
  | 'QUOTA_EXCEEDED'
  /** No region has this id. */
  | 'REGION_NOT_FOUND'
  /** No SSH key of yours has this id. */
  | 'SSH_KEY_NOT_FOUND'
  /** More SSH keys than allowed: on one server, or in the account. */
  | 'TOO_MANY_SSH_KEYS';

/** What to create, where, and a key that makes retries safe. */
export type OrderServerInput = {
  /** Resellers: order for this customer of yours (`User.id`): the server, its charges and quota are the customer's, at your prices. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is yours. */
  customerId?: string | number | null | undefined;
  /** A fresh key per order (a UUID will do), 1 to 100 printable ASCII characters. The same order with the same key returns the first server and charges once; another order with it is IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey: string;
  /** The operating system (`Image.id`); the region's provider must offer it. */
  imageId: string | number;
  /** The hostname: letters, digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen. */
  name: string;
  /** The plan (`Plan.id`); it must be offered in the region. */
  planId: string | number;
  /** The region (`Region.id`). */
  regionId: string | number;
  /** Your SSH keys (`SshKey.id`) to install for root; none when omitted. */
  sshKeyIds?: Array<string | number> | null | undefined;
};

/** The Iranian payment gateways a wallet can be topped up through. */
export type PaymentGateway =
  /** IDPay (idpay.ir): 1,000 to 500,000,000 rials per payment. */
  | 'IDPAY'
  /** Zarinpal (zarinpal.com): 10,000 to 1,000,000,000 rials per payment. */
  | 'ZARINPAL';

/** Where a payment is: PENDING, then one of PAID, FAILED or CANCELLED; a recent FAILED or CANCELLED one may still become PAID. */
export type PaymentStatus =
  /** The payer cancelled on the gateway's page. Becomes PAID only if the gateway confirms a payment within the hour after. */
  | 'CANCELLED'
  /** Not paid: the gateway refused, was unreachable when the top-up started, reported another amount, or the session ended unpaid. Becomes PAID only if the gateway confirms a payment within the hour after. */
  | 'FAILED'
  /** Verified with the gateway server to server and credited to the wallet, once. Final. */
  | 'PAID'
  /** Waiting for the payer or for the gateway's confirmation. Reconciliation settles payments left here. */
  | 'PENDING';

/** Why `powerOffServer` refused its input. */
export type PowerOffServerErrorCode =
  /** No customer of yours has this id. */
  | 'CUSTOMER_NOT_FOUND'
  /** The server's status does not allow this now, such as rebooting a DELETED server or powering on an ACTIVE one. */
  | 'ILLEGAL_STATE'
  /** Another operation on this server has not finished yet; wait for it. */
  | 'OPERATION_IN_PROGRESS'
  /** No server has this id, or it is not yours. */
  | 'SERVER_NOT_FOUND';

/** Which server to power off. */
export type PowerOffServerInput = {
  /** Resellers: your customer (`User.id`) whose server this is. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is looked up as yours. */
  customerId?: string | number | null | undefined;
  /** The server's global id (`Server.id`). One that is not yours, or not a Server's, is SERVER_NOT_FOUND. */
  serverId: string | number;
};

/** Why `powerOnServer` refused its input. */
export type PowerOnServerErrorCode =
  /** No customer of yours has this id. */
  | 'CUSTOMER_NOT_FOUND'
  /** The server's status does not allow this now, such as rebooting a DELETED server or powering on an ACTIVE one. */
  | 'ILLEGAL_STATE'
  /** Another operation on this server has not finished yet; wait for it. */
  | 'OPERATION_IN_PROGRESS'
  /** No server has this id, or it is not yours. */
  | 'SERVER_NOT_FOUND';

/** Which server to power on. */
export type PowerOnServerInput = {
  /** Resellers: your customer (`User.id`) whose server this is. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is looked up as yours. */
  customerId?: string | number | null | undefined;
  /** The server's global id (`Server.id`). One that is not yours, or not a Server's, is SERVER_NOT_FOUND. */
  serverId: string | number;
};

/** Why `rebootServer` refused its input. */
export type RebootServerErrorCode =
  /** No customer of yours has this id. */
  | 'CUSTOMER_NOT_FOUND'
  /** The server's status does not allow this now, such as rebooting a DELETED server or powering on an ACTIVE one. */
  | 'ILLEGAL_STATE'
  /** Another operation on this server has not finished yet; wait for it. */
  | 'OPERATION_IN_PROGRESS'
  /** No server has this id, or it is not yours. */
  | 'SERVER_NOT_FOUND';

/** Which server to reboot. */
export type RebootServerInput = {
  /** Resellers: your customer (`User.id`) whose server this is. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is looked up as yours. */
  customerId?: string | number | null | undefined;
  /** The server's global id (`Server.id`). One that is not yours, or not a Server's, is SERVER_NOT_FOUND. */
  serverId: string | number;
};

/** Why `rebuildServer` refused its input. */
export type RebuildServerErrorCode =
  /** No customer of yours has this id. */
  | 'CUSTOMER_NOT_FOUND'
  /** The server's status does not allow this now, such as rebooting a DELETED server or powering on an ACTIVE one. */
  | 'ILLEGAL_STATE'
  /** No operating-system image has this id. */
  | 'IMAGE_NOT_FOUND'
  /** The image is not offered by this region's provider. */
  | 'IMAGE_UNAVAILABLE'
  /** Another operation on this server has not finished yet; wait for it. */
  | 'OPERATION_IN_PROGRESS'
  /** No server has this id, or it is not yours. */
  | 'SERVER_NOT_FOUND';

/** Which server to rebuild, and with what. */
export type RebuildServerInput = {
  /** Resellers: your customer (`User.id`) whose server this is. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is looked up as yours. */
  customerId?: string | number | null | undefined;
  /** The image to rebuild with (`Image.id`); it may be the current one. */
  imageId: string | number;
  /** The server's global id (`Server.id`). One that is not yours, or not a Server's, is SERVER_NOT_FOUND. */
  serverId: string | number;
};

/** Why `redeliverWebhook` refused its input. */
export type RedeliverWebhookErrorCode =
  /** No delivery of yours has this id, or its endpoint is disabled. */
  | 'WEBHOOK_DELIVERY_NOT_FOUND';

/** The delivery to send again. */
export type RedeliverWebhookInput = {
  /** The delivery's id (WebhookDelivery.id). */
  deliveryId: string | number;
};

/** Why `refreshSession` refused its input. */
export type RefreshSessionErrorCode =
  /** The refresh token is unknown, expired, revoked or used already. */
  | 'INVALID_REFRESH_TOKEN';

/** The refresh token to trade for a new token pair. */
export type RefreshSessionInput = {
  /** The latest refresh token of the session. Single use. */
  refreshToken: string;
};

/** Why `registerUser` refused its input. */
export type RegisterUserErrorCode =
  /** An account with this email address exists already. */
  | 'EMAIL_TAKEN'
  /** The email address is not valid. */
  | 'INVALID_EMAIL'
  /** The phone number is not an Iranian mobile number. */
  | 'INVALID_PHONE'
  /** The password is longer than the maximum (128 characters). */
  | 'PASSWORD_TOO_LONG'
  /** The password is shorter than the minimum (10 characters). */
  | 'PASSWORD_TOO_SHORT'
  /** Too many attempts from this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS';

/** A new customer account. */
export type RegisterUserInput = {
  /** Email address to sign in with; compared case-insensitively. */
  email: string;
  /** At least 10 and at most 128 characters. */
  password: string;
  /** Iranian mobile number as people write it (09…, +989…, Persian digits allowed). */
  phone?: string | null | undefined;
};

/** Why `resizeServer` refused its input. */
export type ResizeServerErrorCode =
  /** No customer of yours has this id. */
  | 'CUSTOMER_NOT_FOUND'
  /** The new plan's disk is smaller than the current one: disks only grow. */
  | 'DISK_CANNOT_SHRINK'
  /** The server's status does not allow this now, such as rebooting a DELETED server or powering on an ACTIVE one. */
  | 'ILLEGAL_STATE'
  /** The wallet holds less than the amount to take (for a server: its first charge); wallets never go below zero. */
  | 'INSUFFICIENT_FUNDS'
  /** Another operation on this server has not finished yet; wait for it. */
  | 'OPERATION_IN_PROGRESS'
  /** No plan has this id. */
  | 'PLAN_NOT_FOUND'
  /** The plan is not offered in this region, or the plan, region or provider is unavailable now. */
  | 'PLAN_UNAVAILABLE'
  /** The server is on this plan already. */
  | 'SAME_PLAN'
  /** No server has this id, or it is not yours. */
  | 'SERVER_NOT_FOUND';

/** Which server to resize, and to which plan. */
export type ResizeServerInput = {
  /** Resellers: your customer (`User.id`) whose server this is. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is looked up as yours. */
  customerId?: string | number | null | undefined;
  /** The new plan (`Plan.id`): of the same provider, offered in the server's region, with a disk at least as large. */
  planId: string | number;
  /** The server's global id (`Server.id`). One that is not yours, or not a Server's, is SERVER_NOT_FOUND. */
  serverId: string | number;
};

/** Why `revokeApiKey` refused its input. */
export type RevokeApiKeyErrorCode =
  /** No active API key of yours has this id. */
  | 'API_KEY_NOT_FOUND';

/** The API key to revoke. */
export type RevokeApiKeyInput = {
  /** The key's id (ApiKey.id). */
  apiKeyId: string | number;
};

/** What an account may do. */
export type Role =
  /** Staff who may change roles and read the audit log. */
  | 'ADMIN'
  /** Orders and runs servers for themselves and pays for them from their wallet. */
  | 'CUSTOMER'
  /** A partner who resells servers to their own customers through the API. */
  | 'RESELLER'
  /** Staff who may read any account to help customers. */
  | 'SUPPORT';

/** Which servers to list. */
export type ServerFilter = {
  /** Only servers in one of these statuses; every status when omitted or empty. */
  statuses?: Array<ServerStatus> | null | undefined;
};

/** An operation asked of a server that has not finished yet. */
export type ServerOperation =
  /** `deleteServer` is under way. */
  | 'DELETE'
  /** `powerOffServer` is under way. */
  | 'POWER_OFF'
  /** `powerOnServer` is under way. */
  | 'POWER_ON'
  /** `rebootServer` is under way. */
  | 'REBOOT'
  /** `rebuildServer` is under way. */
  | 'REBUILD'
  /** `resizeServer` is under way. */
  | 'RESIZE';

/** Where a server is in its life; see docs/provisioning.md for every transition. */
export type ServerStatus =
  /** Running, with its IP addresses. */
  | 'ACTIVE'
  /** Gone at the provider. Final; kept for the statement and the audit trail. */
  | 'DELETED'
  /** Being removed at the provider; billing has stopped. */
  | 'DELETING'
  /** Could not be created; the charge was refunded. See `failureReason`. Can only be deleted. */
  | 'FAILED'
  /** Powered off; still billed, since the provider keeps its disk and address. */
  | 'OFF'
  /** Ordered and paid for; waiting for a worker to create it at the provider. */
  | 'PENDING'
  /** Being created at the provider. */
  | 'PROVISIONING'
  /** Restarting. */
  | 'REBOOTING'
  /** Its disk is being rewritten with a fresh image; everything on it is lost. */
  | 'REBUILDING'
  /** Moving to another plan. */
  | 'RESIZING'
  /** Powered off by us for an unpaid balance: powered on again by itself once a top-up pays the debt, deleted if it stays unpaid. */
  | 'SUSPENDED';

/** Why `setLanguage` refused its input. */
export type SetLanguageErrorCode =
  /** No user has this id. */
  | 'USER_NOT_FOUND';

/** The language to write to the signed-in user in. */
export type SetLanguageInput = {
  /** FA or EN: their email and SMS notices (low balance, suspension …) from the next one on. */
  language: Language;
};

/** Why `setResellerMarkup` refused its input. */
export type SetResellerMarkupErrorCode =
  /** A markup is 0 to 100000 whole basis points. */
  | 'INVALID_MARKUP';

/** Your markup over our prices. */
export type SetResellerMarkupInput = {
  /** Whole basis points over our prices, 0 to 100000: 1500 makes a 100000-rial hour cost your customers 115000 rials. */
  basisPoints: number;
};

/** Why `setServerQuota` refused its input. */
export type SetServerQuotaErrorCode =
  /** The server limit is not a whole number in the allowed range. */
  | 'INVALID_QUOTA'
  /** No user has this id. */
  | 'USER_NOT_FOUND';

/** Whose server limit, and the new limit. */
export type SetServerQuotaInput = {
  /** How many live servers (not DELETED, not FAILED) the user may have; null returns them to the default. Servers over a lowered limit are kept. */
  limit?: number | null | undefined;
  /** The user's global id (`User.id`). */
  userId: string | number;
};

/** Why `startTopUp` refused its input. */
export type StartTopUpErrorCode =
  /** The amount is above the largest allowed: the gateway's maximum or our ceiling, whichever is lower. */
  | 'AMOUNT_TOO_LARGE'
  /** The amount is below the gateway's minimum for one payment. */
  | 'AMOUNT_TOO_SMALL'
  /** This deployment does not offer the payment gateway asked for. Nothing was charged; use another gateway. */
  | 'GATEWAY_NOT_CONFIGURED'
  /** The payment gateway is down, too slow or answered nonsense. Nothing was charged; retry or use the other gateway. */
  | 'GATEWAY_UNAVAILABLE'
  /** The idempotency key was used before for a different request; use a new key. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The amount is not a whole number of rials (or, for a top-up, not positive). */
  | 'INVALID_AMOUNT'
  /** The idempotency key is not 1 to 100 printable ASCII characters without spaces. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** Too many top-ups started in a short time; nothing was opened. Retry after `retryAfterSeconds`. */
  | 'TOO_MANY_TOP_UPS'
  /** The first request with this idempotency key is still talking to the gateway; retry shortly. */
  | 'TOP_UP_IN_PROGRESS';

/** How much to add to your wallet, and through which gateway. */
export type StartTopUpInput = {
  /** Whole rials, such as "5000000". At least the gateway's minimum, at most the lower of its maximum and our per-top-up ceiling. */
  amount: string;
  /** Which gateway's page the payer goes to. */
  gateway: PaymentGateway;
  /** A fresh key per top-up (a UUID will do), 1 to 100 printable ASCII characters. Sending the same input with the same key again returns the first answer; another input with it is IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey: string;
};

/** Why `startTwoFactorSetup` refused its input. */
export type StartTwoFactorSetupErrorCode =
  /** The password is wrong. */
  | 'INVALID_PASSWORD'
  /** Too many attempts from this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** Two-factor authentication is on already; disable it first to set it up again. */
  | 'TWO_FACTOR_ALREADY_ENABLED';

/** Re-authentication before changing sign-in security. */
export type StartTwoFactorSetupInput = {
  /** The account's current password. */
  password: string;
};

/** Why `transferToCustomer` refused its input. */
export type TransferToCustomerErrorCode =
  /** No customer of yours has this id. */
  | 'CUSTOMER_NOT_FOUND'
  /** The idempotency key was used before for a different request; use a new key. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The wallet holds less than the amount to take (for a server: its first charge); wallets never go below zero. */
  | 'INSUFFICIENT_FUNDS'
  /** The amount is not a whole number of rials (or, for a top-up, not positive). */
  | 'INVALID_AMOUNT'
  /** The idempotency key is not 1 to 100 printable ASCII characters without spaces. */
  | 'INVALID_IDEMPOTENCY_KEY';

/** Which customer, how much, and a key that makes retries safe. */
export type TransferToCustomerInput = {
  /** Whole rials to move from your wallet to the customer's, more than zero. */
  amount: string;
  /** The customer's global id (`User.id`). One that is not your customer is CUSTOMER_NOT_FOUND. */
  customerId: string | number;
  /** A fresh key per transfer (a UUID will do). The same transfer with the same key returns the first answer and moves the money once; another transfer with it is IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey: string;
};

/** Why `waiveUsage` refused its input. */
export type WaiveUsageErrorCode =
  /** The waiver is more than the server has accrued so far. */
  | 'AMOUNT_EXCEEDS_USAGE'
  /** The idempotency key was used before for a different request; use a new key. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The amount is not a whole number of rials (or, for a top-up, not positive). */
  | 'INVALID_AMOUNT'
  /** The idempotency key is not 1 to 100 printable ASCII characters without spaces. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** The reason is empty or too long (500 characters; 400 for a usage waiver). */
  | 'INVALID_REASON'
  /** The two-factor code or recovery code is wrong, expired or used already. */
  | 'INVALID_TWO_FACTOR_CODE'
  /** This needs a second factor and the account has none: turn on two-factor authentication first. */
  | 'SECOND_FACTOR_REQUIRED'
  /** This needs a fresh second factor: call confirmSecondFactor first, or send totpCode with the mutation. */
  | 'SECOND_FACTOR_STALE'
  /** No server has this id, or it is not yours. */
  | 'SERVER_NOT_FOUND'
  /** Too many attempts from this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS';

/** Which server's usage, how much of it, and why. */
export type WaiveUsageInput = {
  /** Positive whole rials, at most what the server has accrued so far. */
  amount: string;
  /** A fresh key per waiver (a UUID will do). The same waiver with the same key returns the first answer; another waiver with it is IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey: string;
  /** Why, shown on the customer's statement and kept in the audit log. Required, at most 400 characters. */
  reason: string;
  /** The server's global id. */
  serverId: string | number;
  /** A code from the authenticator app (or a recovery code), unless this session called confirmSecondFactor in the last five minutes. */
  totpCode?: string | null | undefined;
};

/** Where a webhook delivery stands. */
export type WebhookDeliveryStatus =
  /** Every attempt for a day failed, or the endpoint was disabled; `redeliverWebhook` sends it again. */
  | 'FAILED'
  /** Not answered with 2xx yet; retried with backoff for a day from the event. */
  | 'PENDING'
  /** The endpoint answered 2xx. */
  | 'SUCCEEDED';

/** What a webhook endpoint may subscribe to. */
export type WebhookEventType =
  /** Your wallet's balance is running low and a notice was sent (data: balance in rials), once per dunning episode. */
  | 'BALANCE_LOW'
  /** A monthly invoice was issued (data: invoiceId, number, total in rials). Not sent yet. */
  | 'INVOICE_ISSUED'
  /** A wallet top-up was paid and credited (data: paymentId, amount in rials). Not sent yet. */
  | 'PAYMENT_SUCCEEDED'
  /** A server of yours moved to another status (data: serverId, status, previousStatus, reason). */
  | 'SERVER_STATUS_CHANGED';

export type UserFieldsFragment = { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string };

export type SessionFieldsFragment = { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } };

export type RegisterUserMutationVariables = Exact<{
  input: RegisterUserInput;
}>;


export type RegisterUserMutation = { registerUser: { user: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } | null, session: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } } | null, userErrors: Array<{ field: Array<string> | null, code: RegisterUserErrorCode, message: string }> } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { logIn: { session: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } } | null, userErrors: Array<{ field: Array<string> | null, code: LogInErrorCode, message: string }> } };

export type RefreshSessionMutationVariables = Exact<{
  input: RefreshSessionInput;
}>;


export type RefreshSessionMutation = { refreshSession: { session: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } } | null, userErrors: Array<{ field: Array<string> | null, code: RefreshSessionErrorCode, message: string }> } };

export type LogOutMutationVariables = Exact<{
  input: LogOutInput;
}>;


export type LogOutMutation = { logOut: { loggedOut: boolean, userErrors: Array<{ field: Array<string> | null, code: LogOutErrorCode, message: string }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } | null };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string }
   | null };

export type ChangeUserRoleMutationVariables = Exact<{
  input: ChangeUserRoleInput;
}>;


export type ChangeUserRoleMutation = { changeUserRole: { user: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ChangeUserRoleErrorCode, message: string }> } };

export type AuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  actorId?: string | number | null | undefined;
  subjectId?: string | number | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { edges: Array<{ cursor: string, node: { id: string, action: AuditAction, occurredAt: string, ip: string | null, userAgent: string | null, requestId: string | null, actor: { id: string, email: string, role: Role } | null, subject: { id: string, email: string, role: Role } | null, details: Array<{ key: string, value: string }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ApiKeyFieldsFragment = { id: string, name: string, prefix: string, scopes: Array<ApiScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type ApiKeysQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ApiKeysQuery = { apiKeys: { nodes: Array<{ id: string, name: string, prefix: string, scopes: Array<ApiScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string | null, apiKey: { id: string, name: string, prefix: string, scopes: Array<ApiScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: CreateApiKeyErrorCode, message: string }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, name: string, prefix: string, scopes: Array<ApiScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: RevokeApiKeyErrorCode, message: string }> } };

export type RegionFieldsFragment = { id: string, name: string, provider: CloudProvider, country: string, city: string, isAvailable: boolean };

export type ImageFieldsFragment = { id: string, name: string, distribution: string, version: string };

export type PlanFieldsFragment = { id: string, name: string, provider: CloudProvider, vcpus: number, memoryMb: number, diskGb: number, hourlyPrice: string, monthlyPrice: string };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: Array<{ id: string, name: string, provider: CloudProvider, country: string, city: string, isAvailable: boolean }> };

export type ImagesQueryVariables = Exact<{ [key: string]: never; }>;


export type ImagesQuery = { images: Array<{ id: string, name: string, distribution: string, version: string }> };

export type PlansQueryVariables = Exact<{
  regionId?: string | number | null | undefined;
}>;


export type PlansQuery = { plans: Array<{ id: string, name: string, provider: CloudProvider, vcpus: number, memoryMb: number, diskGb: number, hourlyPrice: string, monthlyPrice: string, regions: Array<{ id: string }> }> };

export type InvoiceFieldsFragment = { id: string, number: string | null, issuedAt: string | null, periodStart: string, periodEnd: string, jalaliPeriod: string, subtotalRials: string, vatRials: string, totalRials: string, pdfUrl: string, lines: Array<{ serverName: string, planId: string, regionId: string, provider: string, seconds: string, amountRials: string }>, statement: Array<{ at: string, kind: string, reason: string, amountRials: string }> };

export type InvoicesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  userId?: string | number | null | undefined;
  customerId?: string | number | null | undefined;
}>;


export type InvoicesQuery = { invoices: { nodes: Array<{ id: string, number: string | null, issuedAt: string | null, periodStart: string, periodEnd: string, jalaliPeriod: string, subtotalRials: string, vatRials: string, totalRials: string, pdfUrl: string, lines: Array<{ serverName: string, planId: string, regionId: string, provider: string, seconds: string, amountRials: string }>, statement: Array<{ at: string, kind: string, reason: string, amountRials: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InvoiceQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceQuery = { invoice: { id: string, number: string | null, issuedAt: string | null, periodStart: string, periodEnd: string, jalaliPeriod: string, subtotalRials: string, vatRials: string, totalRials: string, pdfUrl: string, lines: Array<{ serverName: string, planId: string, regionId: string, provider: string, seconds: string, amountRials: string }>, statement: Array<{ at: string, kind: string, reason: string, amountRials: string }> } | null };

export type UpcomingInvoiceQueryVariables = Exact<{ [key: string]: never; }>;


export type UpcomingInvoiceQuery = { viewer: { id: string, upcomingInvoice: { id: string, number: string | null, issuedAt: string | null, periodStart: string, periodEnd: string, jalaliPeriod: string, subtotalRials: string, vatRials: string, totalRials: string, pdfUrl: string, lines: Array<{ serverName: string, planId: string, regionId: string, provider: string, seconds: string, amountRials: string }>, statement: Array<{ at: string, kind: string, reason: string, amountRials: string }> } | null } | null };

export type RevenueByMonthQueryVariables = Exact<{
  sinceYear: number;
  sinceMonth: number;
}>;


export type RevenueByMonthQuery = { revenueByMonth: Array<{ year: number, month: number, jalaliPeriod: string, provider: string, subtotalRials: string }> };

export type OutstandingBalancesQueryVariables = Exact<{
  first: number;
}>;


export type OutstandingBalancesQuery = { outstandingBalances: Array<{ userId: string, email: string, balanceRials: string }> };

export type SuspendedServersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type SuspendedServersQuery = { suspendedServers: { nodes: Array<{ ownerId: string, ownerEmail: string, server: { id: string, name: string, status: ServerStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ViewerLanguageQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerLanguageQuery = { viewer: { id: string, language: Language } | null };

export type SetLanguageMutationVariables = Exact<{
  input: SetLanguageInput;
}>;


export type SetLanguageMutation = { setLanguage: { user: { id: string, language: Language } | null, userErrors: Array<{ field: Array<string> | null, code: SetLanguageErrorCode, message: string }> } };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { customer: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: CreateCustomerErrorCode, message: string }> } };

export type CustomersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type CustomersQuery = { customers: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type TransferToCustomerMutationVariables = Exact<{
  input: TransferToCustomerInput;
}>;


export type TransferToCustomerMutation = { transferToCustomer: { wallet: { balance: string } | null, customerWallet: { balance: string } | null, userErrors: Array<{ field: Array<string> | null, code: TransferToCustomerErrorCode, message: string }> } };

export type SetResellerMarkupMutationVariables = Exact<{
  input: SetResellerMarkupInput;
}>;


export type SetResellerMarkupMutation = { setResellerMarkup: { basisPoints: number | null, userErrors: Array<{ field: Array<string> | null, code: SetResellerMarkupErrorCode, message: string }> } };

export type ServerFieldsFragment = { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } };

export type ServerQueryVariables = Exact<{
  id: string | number;
}>;


export type ServerQuery = { server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } | null };

export type ServerUsageQueryVariables = Exact<{
  id: string | number;
}>;


export type ServerUsageQuery = { server: { id: string, usage: { accruedRials: string, ratePerHourRials: string, monthCapRials: string, periodStart: string } } | null };

export type ServerHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type ServerHistoryQuery = { server: { id: string, status: ServerStatus, history: Array<{ status: ServerStatus, previousStatus: ServerStatus | null, reason: string | null, occurredAt: string }> } | null };

export type ServerNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type ServerNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } }
    | { id: string }
    | { id: string }
   | null };

export type ServersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ServerFilter | null | undefined;
  customerId?: string | number | null | undefined;
}>;


export type ServersQuery = { servers: { edges: Array<{ cursor: string, node: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type OrderServerMutationVariables = Exact<{
  input: OrderServerInput;
}>;


export type OrderServerMutation = { orderServer: { server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, code: OrderServerErrorCode, message: string }> } };

export type PowerOffServerMutationVariables = Exact<{
  input: PowerOffServerInput;
}>;


export type PowerOffServerMutation = { powerOffServer: { server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, code: PowerOffServerErrorCode, message: string }> } };

export type PowerOnServerMutationVariables = Exact<{
  input: PowerOnServerInput;
}>;


export type PowerOnServerMutation = { powerOnServer: { server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, code: PowerOnServerErrorCode, message: string }> } };

export type RebootServerMutationVariables = Exact<{
  input: RebootServerInput;
}>;


export type RebootServerMutation = { rebootServer: { server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, code: RebootServerErrorCode, message: string }> } };

export type RebuildServerMutationVariables = Exact<{
  input: RebuildServerInput;
}>;


export type RebuildServerMutation = { rebuildServer: { server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, code: RebuildServerErrorCode, message: string }> } };

export type ResizeServerMutationVariables = Exact<{
  input: ResizeServerInput;
}>;


export type ResizeServerMutation = { resizeServer: { server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, code: ResizeServerErrorCode, message: string }> } };

export type DeleteServerMutationVariables = Exact<{
  input: DeleteServerInput;
}>;


export type DeleteServerMutation = { deleteServer: { server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, code: DeleteServerErrorCode, message: string }> } };

export type ServerStatusChangedSubscriptionVariables = Exact<{
  serverId?: string | number | null | undefined;
}>;


export type ServerStatusChangedSubscription = { serverStatusChanged: { status: ServerStatus, previousStatus: ServerStatus | null, occurredAt: string, server: { id: string, name: string, status: ServerStatus, provider: CloudProvider, ipv4: string | null, ipv6: string | null, pendingOperation: ServerOperation | null, failureReason: string | null, createdAt: string, updatedAt: string, plan: { id: string, name: string }, region: { id: string, name: string }, image: { id: string, name: string } } } };

export type SetServerQuotaMutationVariables = Exact<{
  input: SetServerQuotaInput;
}>;


export type SetServerQuotaMutation = { setServerQuota: { serverLimit: number | null, user: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: SetServerQuotaErrorCode, message: string }> } };

export type SshKeyFieldsFragment = { id: string, name: string, publicKey: string, fingerprint: string, createdAt: string };

export type SshKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type SshKeysQuery = { sshKeys: Array<{ id: string, name: string, publicKey: string, fingerprint: string, createdAt: string }> };

export type AddSshKeyMutationVariables = Exact<{
  input: AddSshKeyInput;
}>;


export type AddSshKeyMutation = { addSshKey: { sshKey: { id: string, name: string, publicKey: string, fingerprint: string, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: AddSshKeyErrorCode, message: string }> } };

export type DeleteSshKeyMutationVariables = Exact<{
  input: DeleteSshKeyInput;
}>;


export type DeleteSshKeyMutation = { deleteSshKey: { deletedSshKeyId: string | null, userErrors: Array<{ field: Array<string> | null, code: DeleteSshKeyErrorCode, message: string }> } };

export type HealthQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthQuery = { health: { version: string, sandbox: boolean } };

export type StartTwoFactorSetupMutationVariables = Exact<{
  input: StartTwoFactorSetupInput;
}>;


export type StartTwoFactorSetupMutation = { startTwoFactorSetup: { otpauthUri: string | null, secret: string | null, userErrors: Array<{ field: Array<string> | null, code: StartTwoFactorSetupErrorCode, message: string }> } };

export type ConfirmTwoFactorSetupMutationVariables = Exact<{
  input: ConfirmTwoFactorSetupInput;
}>;


export type ConfirmTwoFactorSetupMutation = { confirmTwoFactorSetup: { recoveryCodes: Array<string> | null, user: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ConfirmTwoFactorSetupErrorCode, message: string }> } };

export type DisableTwoFactorMutationVariables = Exact<{
  input: DisableTwoFactorInput;
}>;


export type DisableTwoFactorMutation = { disableTwoFactor: { user: { id: string, email: string, phone: string | null, role: Role, twoFactorEnabled: boolean, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: DisableTwoFactorErrorCode, message: string }> } };

export type PaymentFieldsFragment = { id: string, amount: string, gateway: PaymentGateway, status: PaymentStatus, referenceId: string | null, createdAt: string, paidAt: string | null };

export type LedgerEntryFieldsFragment = { id: string, amount: string, kind: LedgerEntryKind, reason: string, description: string, createdAt: string, payment: { id: string, status: PaymentStatus } | null };

export type StartTopUpMutationVariables = Exact<{
  input: StartTopUpInput;
}>;


export type StartTopUpMutation = { startTopUp: { redirectUrl: string | null, retryAfterSeconds: number | null, payment: { id: string, amount: string, gateway: PaymentGateway, status: PaymentStatus, referenceId: string | null, createdAt: string, paidAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: StartTopUpErrorCode, message: string }> } };

export type WalletQueryVariables = Exact<{ [key: string]: never; }>;


export type WalletQuery = { viewer: { id: string, wallet: { balance: string, runsOutAt: string | null } } | null };

export type WalletEntriesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type WalletEntriesQuery = { viewer: { id: string, wallet: { balance: string, entries: { edges: Array<{ cursor: string, node: { id: string, amount: string, kind: LedgerEntryKind, reason: string, description: string, createdAt: string, payment: { id: string, status: PaymentStatus } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } } } | null };

export type PaymentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  userId?: string | number | null | undefined;
  customerId?: string | number | null | undefined;
}>;


export type PaymentsQuery = { payments: { edges: Array<{ cursor: string, node: { id: string, amount: string, gateway: PaymentGateway, status: PaymentStatus, referenceId: string | null, createdAt: string, paidAt: string | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type PaymentNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string, amount: string, gateway: PaymentGateway, status: PaymentStatus, referenceId: string | null, createdAt: string, paidAt: string | null }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type AdjustWalletMutationVariables = Exact<{
  input: AdjustWalletInput;
}>;


export type AdjustWalletMutation = { adjustWallet: { wallet: { balance: string } | null, userErrors: Array<{ field: Array<string> | null, code: AdjustWalletErrorCode, message: string }> } };

export type WaiveUsageMutationVariables = Exact<{
  input: WaiveUsageInput;
}>;


export type WaiveUsageMutation = { waiveUsage: { wallet: { balance: string } | null, userErrors: Array<{ field: Array<string> | null, code: WaiveUsageErrorCode, message: string }> } };

export type WebhookEndpointFieldsFragment = { id: string, url: string, events: Array<WebhookEventType>, createdAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null };

export type WebhookDeliveryFieldsFragment = { id: string, eventId: string, eventType: WebhookEventType, body: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt: string | null, responseStatus: number | null, responseTimeMs: number | null, lastError: string | null, createdAt: string, redeliveryOf: string | null };

export type WebhookEndpointsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type WebhookEndpointsQuery = { webhookEndpoints: { nodes: Array<{ id: string, url: string, events: Array<WebhookEventType>, createdAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { nodes: Array<{ id: string, eventId: string, eventType: WebhookEventType, body: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt: string | null, responseStatus: number | null, responseTimeMs: number | null, lastError: string | null, createdAt: string, redeliveryOf: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string | null, webhookEndpoint: { id: string, url: string, events: Array<WebhookEventType>, createdAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: CreateWebhookEndpointErrorCode, message: string }> } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  input: DeleteWebhookEndpointInput;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: { webhookEndpoint: { id: string, url: string, events: Array<WebhookEventType>, createdAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: DeleteWebhookEndpointErrorCode, message: string }> } };

export type RedeliverWebhookMutationVariables = Exact<{
  input: RedeliverWebhookInput;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { delivery: { id: string, eventId: string, eventType: WebhookEventType, body: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt: string | null, responseStatus: number | null, responseTimeMs: number | null, lastError: string | null, createdAt: string, redeliveryOf: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: RedeliverWebhookErrorCode, message: string }> } };

export const UserFieldsFragmentDoc = gql`
    fragment UserFields on User {
  id
  email
  phone
  role
  twoFactorEnabled
  createdAt
}
    `;
export const SessionFieldsFragmentDoc = gql`
    fragment SessionFields on Session {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    ...UserFields
  }
}
    ${UserFieldsFragmentDoc}`;
export const ApiKeyFieldsFragmentDoc = gql`
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}
    `;
export const RegionFieldsFragmentDoc = gql`
    fragment RegionFields on Region {
  id
  name
  provider
  country
  city
  isAvailable
}
    `;
export const ImageFieldsFragmentDoc = gql`
    fragment ImageFields on Image {
  id
  name
  distribution
  version
}
    `;
export const PlanFieldsFragmentDoc = gql`
    fragment PlanFields on Plan {
  id
  name
  provider
  vcpus
  memoryMb
  diskGb
  hourlyPrice
  monthlyPrice
}
    `;
export const InvoiceFieldsFragmentDoc = gql`
    fragment InvoiceFields on Invoice {
  id
  number
  issuedAt
  periodStart
  periodEnd
  jalaliPeriod
  lines {
    serverName
    planId
    regionId
    provider
    seconds
    amountRials
  }
  statement {
    at
    kind
    reason
    amountRials
  }
  subtotalRials
  vatRials
  totalRials
  pdfUrl
}
    `;
export const ServerFieldsFragmentDoc = gql`
    fragment ServerFields on Server {
  id
  name
  status
  provider
  ipv4
  ipv6
  pendingOperation
  failureReason
  createdAt
  updatedAt
  plan {
    id
    name
  }
  region {
    id
    name
  }
  image {
    id
    name
  }
}
    `;
export const SshKeyFieldsFragmentDoc = gql`
    fragment SshKeyFields on SshKey {
  id
  name
  publicKey
  fingerprint
  createdAt
}
    `;
export const PaymentFieldsFragmentDoc = gql`
    fragment PaymentFields on Payment {
  id
  amount
  gateway
  status
  referenceId
  createdAt
  paidAt
}
    `;
export const LedgerEntryFieldsFragmentDoc = gql`
    fragment LedgerEntryFields on LedgerEntry {
  id
  amount
  kind
  reason
  description
  createdAt
  payment {
    id
    status
  }
}
    `;
export const WebhookEndpointFieldsFragmentDoc = gql`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  events
  createdAt
  disabledAt
  disabledReason
  failingSince
}
    `;
export const WebhookDeliveryFieldsFragmentDoc = gql`
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventId
  eventType
  body
  status
  attempts
  lastAttemptAt
  responseStatus
  responseTimeMs
  lastError
  createdAt
  redeliveryOf
}
    `;
export const RegisterUserDocument = gql`
    mutation RegisterUser($input: RegisterUserInput!) {
  registerUser(input: $input) {
    user {
      ...UserFields
    }
    session {
      ...SessionFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${UserFieldsFragmentDoc}
${SessionFieldsFragmentDoc}`;
export const LogInDocument = gql`
    mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    session {
      ...SessionFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${SessionFieldsFragmentDoc}`;
export const RefreshSessionDocument = gql`
    mutation RefreshSession($input: RefreshSessionInput!) {
  refreshSession(input: $input) {
    session {
      ...SessionFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${SessionFieldsFragmentDoc}`;
export const LogOutDocument = gql`
    mutation LogOut($input: LogOutInput!) {
  logOut(input: $input) {
    loggedOut
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const ViewerDocument = gql`
    query Viewer {
  viewer {
    ...UserFields
  }
}
    ${UserFieldsFragmentDoc}`;
export const NodeDocument = gql`
    query Node($id: ID!) {
  node(id: $id) {
    id
    ... on User {
      ...UserFields
    }
  }
}
    ${UserFieldsFragmentDoc}`;
export const ChangeUserRoleDocument = gql`
    mutation ChangeUserRole($input: ChangeUserRoleInput!) {
  changeUserRole(input: $input) {
    user {
      ...UserFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${UserFieldsFragmentDoc}`;
export const AuditEventsDocument = gql`
    query AuditEvents($first: Int, $after: String, $last: Int, $before: String, $actorId: ID, $subjectId: ID) {
  auditEvents(
    first: $first
    after: $after
    last: $last
    before: $before
    actorId: $actorId
    subjectId: $subjectId
  ) {
    edges {
      cursor
      node {
        id
        action
        occurredAt
        ip
        userAgent
        requestId
        actor {
          id
          email
          role
        }
        subject {
          id
          email
          role
        }
        details {
          key
          value
        }
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    `;
export const ApiKeysDocument = gql`
    query ApiKeys($first: Int!, $after: String) {
  apiKeys(first: $first, after: $after) {
    nodes {
      ...ApiKeyFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    ${ApiKeyFieldsFragmentDoc}`;
export const CreateApiKeyDocument = gql`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      ...ApiKeyFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ApiKeyFieldsFragmentDoc}`;
export const RevokeApiKeyDocument = gql`
    mutation RevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ApiKeyFieldsFragmentDoc}`;
export const RegionsDocument = gql`
    query Regions {
  regions {
    ...RegionFields
  }
}
    ${RegionFieldsFragmentDoc}`;
export const ImagesDocument = gql`
    query Images {
  images {
    ...ImageFields
  }
}
    ${ImageFieldsFragmentDoc}`;
export const PlansDocument = gql`
    query Plans($regionId: ID) {
  plans(regionId: $regionId) {
    ...PlanFields
    regions {
      id
    }
  }
}
    ${PlanFieldsFragmentDoc}`;
export const InvoicesDocument = gql`
    query Invoices($first: Int, $after: String, $userId: ID, $customerId: ID) {
  invoices(first: $first, after: $after, userId: $userId, customerId: $customerId) {
    nodes {
      ...InvoiceFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    ${InvoiceFieldsFragmentDoc}`;
export const InvoiceDocument = gql`
    query Invoice($id: ID!) {
  invoice(id: $id) {
    ...InvoiceFields
  }
}
    ${InvoiceFieldsFragmentDoc}`;
export const UpcomingInvoiceDocument = gql`
    query UpcomingInvoice {
  viewer {
    id
    upcomingInvoice {
      ...InvoiceFields
    }
  }
}
    ${InvoiceFieldsFragmentDoc}`;
export const RevenueByMonthDocument = gql`
    query RevenueByMonth($sinceYear: Int!, $sinceMonth: Int!) {
  revenueByMonth(sinceYear: $sinceYear, sinceMonth: $sinceMonth) {
    year
    month
    jalaliPeriod
    provider
    subtotalRials
  }
}
    `;
export const OutstandingBalancesDocument = gql`
    query OutstandingBalances($first: Int!) {
  outstandingBalances(first: $first) {
    userId
    email
    balanceRials
  }
}
    `;
export const SuspendedServersDocument = gql`
    query SuspendedServers($first: Int!, $after: String) {
  suspendedServers(first: $first, after: $after) {
    nodes {
      server {
        id
        name
        status
      }
      ownerId
      ownerEmail
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `;
export const ViewerLanguageDocument = gql`
    query ViewerLanguage {
  viewer {
    id
    language
  }
}
    `;
export const SetLanguageDocument = gql`
    mutation SetLanguage($input: SetLanguageInput!) {
  setLanguage(input: $input) {
    user {
      id
      language
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const CreateCustomerDocument = gql`
    mutation CreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer {
      ...UserFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${UserFieldsFragmentDoc}`;
export const CustomersDocument = gql`
    query Customers($first: Int, $after: String, $last: Int, $before: String) {
  customers(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges {
      cursor
      node {
        ...UserFields
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    ${UserFieldsFragmentDoc}`;
export const TransferToCustomerDocument = gql`
    mutation TransferToCustomer($input: TransferToCustomerInput!) {
  transferToCustomer(input: $input) {
    wallet {
      balance
    }
    customerWallet {
      balance
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const SetResellerMarkupDocument = gql`
    mutation SetResellerMarkup($input: SetResellerMarkupInput!) {
  setResellerMarkup(input: $input) {
    basisPoints
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const ServerDocument = gql`
    query Server($id: ID!) {
  server(id: $id) {
    ...ServerFields
  }
}
    ${ServerFieldsFragmentDoc}`;
export const ServerUsageDocument = gql`
    query ServerUsage($id: ID!) {
  server(id: $id) {
    id
    usage {
      accruedRials
      ratePerHourRials
      monthCapRials
      periodStart
    }
  }
}
    `;
export const ServerHistoryDocument = gql`
    query ServerHistory($id: ID!) {
  server(id: $id) {
    id
    status
    history {
      status
      previousStatus
      reason
      occurredAt
    }
  }
}
    `;
export const ServerNodeDocument = gql`
    query ServerNode($id: ID!) {
  node(id: $id) {
    id
    ... on Server {
      ...ServerFields
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const ServersDocument = gql`
    query Servers($first: Int, $after: String, $last: Int, $before: String, $filter: ServerFilter, $customerId: ID) {
  servers(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
    customerId: $customerId
  ) {
    edges {
      cursor
      node {
        ...ServerFields
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const OrderServerDocument = gql`
    mutation OrderServer($input: OrderServerInput!) {
  orderServer(input: $input) {
    server {
      ...ServerFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const PowerOffServerDocument = gql`
    mutation PowerOffServer($input: PowerOffServerInput!) {
  powerOffServer(input: $input) {
    server {
      ...ServerFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const PowerOnServerDocument = gql`
    mutation PowerOnServer($input: PowerOnServerInput!) {
  powerOnServer(input: $input) {
    server {
      ...ServerFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const RebootServerDocument = gql`
    mutation RebootServer($input: RebootServerInput!) {
  rebootServer(input: $input) {
    server {
      ...ServerFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const RebuildServerDocument = gql`
    mutation RebuildServer($input: RebuildServerInput!) {
  rebuildServer(input: $input) {
    server {
      ...ServerFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const ResizeServerDocument = gql`
    mutation ResizeServer($input: ResizeServerInput!) {
  resizeServer(input: $input) {
    server {
      ...ServerFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const DeleteServerDocument = gql`
    mutation DeleteServer($input: DeleteServerInput!) {
  deleteServer(input: $input) {
    server {
      ...ServerFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const ServerStatusChangedDocument = gql`
    subscription ServerStatusChanged($serverId: ID) {
  serverStatusChanged(serverId: $serverId) {
    status
    previousStatus
    occurredAt
    server {
      ...ServerFields
    }
  }
}
    ${ServerFieldsFragmentDoc}`;
export const SetServerQuotaDocument = gql`
    mutation SetServerQuota($input: SetServerQuotaInput!) {
  setServerQuota(input: $input) {
    user {
      id
    }
    serverLimit
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const SshKeysDocument = gql`
    query SshKeys {
  sshKeys {
    ...SshKeyFields
  }
}
    ${SshKeyFieldsFragmentDoc}`;
export const AddSshKeyDocument = gql`
    mutation AddSshKey($input: AddSshKeyInput!) {
  addSshKey(input: $input) {
    sshKey {
      ...SshKeyFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${SshKeyFieldsFragmentDoc}`;
export const DeleteSshKeyDocument = gql`
    mutation DeleteSshKey($input: DeleteSshKeyInput!) {
  deleteSshKey(input: $input) {
    deletedSshKeyId
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const HealthDocument = gql`
    query Health {
  health {
    version
    sandbox
  }
}
    `;
export const StartTwoFactorSetupDocument = gql`
    mutation StartTwoFactorSetup($input: StartTwoFactorSetupInput!) {
  startTwoFactorSetup(input: $input) {
    otpauthUri
    secret
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const ConfirmTwoFactorSetupDocument = gql`
    mutation ConfirmTwoFactorSetup($input: ConfirmTwoFactorSetupInput!) {
  confirmTwoFactorSetup(input: $input) {
    recoveryCodes
    user {
      ...UserFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${UserFieldsFragmentDoc}`;
export const DisableTwoFactorDocument = gql`
    mutation DisableTwoFactor($input: DisableTwoFactorInput!) {
  disableTwoFactor(input: $input) {
    user {
      ...UserFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${UserFieldsFragmentDoc}`;
export const StartTopUpDocument = gql`
    mutation StartTopUp($input: StartTopUpInput!) {
  startTopUp(input: $input) {
    payment {
      ...PaymentFields
    }
    redirectUrl
    userErrors {
      field
      code
      message
    }
    retryAfterSeconds
  }
}
    ${PaymentFieldsFragmentDoc}`;
export const WalletDocument = gql`
    query Wallet {
  viewer {
    id
    wallet {
      balance
      runsOutAt
    }
  }
}
    `;
export const WalletEntriesDocument = gql`
    query WalletEntries($first: Int, $after: String, $last: Int, $before: String) {
  viewer {
    id
    wallet {
      balance
      entries(first: $first, after: $after, last: $last, before: $before) {
        edges {
          cursor
          node {
            ...LedgerEntryFields
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
}
    ${LedgerEntryFieldsFragmentDoc}`;
export const PaymentsDocument = gql`
    query Payments($first: Int, $after: String, $last: Int, $before: String, $userId: ID, $customerId: ID) {
  payments(
    first: $first
    after: $after
    last: $last
    before: $before
    userId: $userId
    customerId: $customerId
  ) {
    edges {
      cursor
      node {
        ...PaymentFields
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    ${PaymentFieldsFragmentDoc}`;
export const PaymentNodeDocument = gql`
    query PaymentNode($id: ID!) {
  node(id: $id) {
    id
    ... on Payment {
      ...PaymentFields
    }
  }
}
    ${PaymentFieldsFragmentDoc}`;
export const AdjustWalletDocument = gql`
    mutation AdjustWallet($input: AdjustWalletInput!) {
  adjustWallet(input: $input) {
    wallet {
      balance
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const WaiveUsageDocument = gql`
    mutation WaiveUsage($input: WaiveUsageInput!) {
  waiveUsage(input: $input) {
    wallet {
      balance
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export const WebhookEndpointsDocument = gql`
    query WebhookEndpoints($first: Int!, $after: String) {
  webhookEndpoints(first: $first, after: $after) {
    nodes {
      ...WebhookEndpointFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    ${WebhookEndpointFieldsFragmentDoc}`;
export const WebhookDeliveriesDocument = gql`
    query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    nodes {
      ...WebhookDeliveryFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    ${WebhookDeliveryFieldsFragmentDoc}`;
export const CreateWebhookEndpointDocument = gql`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${WebhookEndpointFieldsFragmentDoc}`;
export const DeleteWebhookEndpointDocument = gql`
    mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
  deleteWebhookEndpoint(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${WebhookEndpointFieldsFragmentDoc}`;
export const RedeliverWebhookDocument = gql`
    mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
  redeliverWebhook(input: $input) {
    delivery {
      ...WebhookDeliveryFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${WebhookDeliveryFieldsFragmentDoc}`;

export type SdkFunctionWrapper = <T>(action: (requestHeaders?:Record<string, string>) => Promise<T>, operationName: string, operationType?: string, variables?: any) => Promise<T>;


const defaultWrapper: SdkFunctionWrapper = (action, _operationName, _operationType, _variables) => action();

export function getSdk(client: GraphQLClient, withWrapper: SdkFunctionWrapper = defaultWrapper) {
  return {
    RegisterUser(variables: RegisterUserMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RegisterUserMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<RegisterUserMutation>({ document: RegisterUserDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RegisterUser', 'mutation', variables);
    },
    LogIn(variables: LogInMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<LogInMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<LogInMutation>({ document: LogInDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'LogIn', 'mutation', variables);
    },
    RefreshSession(variables: RefreshSessionMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RefreshSessionMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<RefreshSessionMutation>({ document: RefreshSessionDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RefreshSession', 'mutation', variables);
    },
    LogOut(variables: LogOutMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<LogOutMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<LogOutMutation>({ document: LogOutDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'LogOut', 'mutation', variables);
    },
    Viewer(variables?: ViewerQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ViewerQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ViewerQuery>({ document: ViewerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Viewer', 'query', variables);
    },
    Node(variables: NodeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<NodeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<NodeQuery>({ document: NodeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Node', 'query', variables);
    },
    ChangeUserRole(variables: ChangeUserRoleMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ChangeUserRoleMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<ChangeUserRoleMutation>({ document: ChangeUserRoleDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ChangeUserRole', 'mutation', variables);
    },
    AuditEvents(variables?: AuditEventsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<AuditEventsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<AuditEventsQuery>({ document: AuditEventsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AuditEvents', 'query', variables);
    },
    ApiKeys(variables: ApiKeysQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ApiKeysQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ApiKeysQuery>({ document: ApiKeysDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ApiKeys', 'query', variables);
    },
    CreateApiKey(variables: CreateApiKeyMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<CreateApiKeyMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<CreateApiKeyMutation>({ document: CreateApiKeyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateApiKey', 'mutation', variables);
    },
    RevokeApiKey(variables: RevokeApiKeyMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RevokeApiKeyMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<RevokeApiKeyMutation>({ document: RevokeApiKeyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RevokeApiKey', 'mutation', variables);
    },
    Regions(variables?: RegionsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RegionsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<RegionsQuery>({ document: RegionsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Regions', 'query', variables);
    },
    Images(variables?: ImagesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ImagesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ImagesQuery>({ document: ImagesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Images', 'query', variables);
    },
    Plans(variables?: PlansQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<PlansQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<PlansQuery>({ document: PlansDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Plans', 'query', variables);
    },
    Invoices(variables?: InvoicesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<InvoicesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<InvoicesQuery>({ document: InvoicesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Invoices', 'query', variables);
    },
    Invoice(variables: InvoiceQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<InvoiceQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<InvoiceQuery>({ document: InvoiceDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Invoice', 'query', variables);
    },
    UpcomingInvoice(variables?: UpcomingInvoiceQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<UpcomingInvoiceQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<UpcomingInvoiceQuery>({ document: UpcomingInvoiceDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpcomingInvoice', 'query', variables);
    },
    RevenueByMonth(variables: RevenueByMonthQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RevenueByMonthQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<RevenueByMonthQuery>({ document: RevenueByMonthDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RevenueByMonth', 'query', variables);
    },
    OutstandingBalances(variables: OutstandingBalancesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<OutstandingBalancesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<OutstandingBalancesQuery>({ document: OutstandingBalancesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'OutstandingBalances', 'query', variables);
    },
    SuspendedServers(variables: SuspendedServersQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SuspendedServersQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<SuspendedServersQuery>({ document: SuspendedServersDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SuspendedServers', 'query', variables);
    },
    ViewerLanguage(variables?: ViewerLanguageQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ViewerLanguageQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ViewerLanguageQuery>({ document: ViewerLanguageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ViewerLanguage', 'query', variables);
    },
    SetLanguage(variables: SetLanguageMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SetLanguageMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<SetLanguageMutation>({ document: SetLanguageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetLanguage', 'mutation', variables);
    },
    CreateCustomer(variables: CreateCustomerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<CreateCustomerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<CreateCustomerMutation>({ document: CreateCustomerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateCustomer', 'mutation', variables);
    },
    Customers(variables?: CustomersQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<CustomersQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<CustomersQuery>({ document: CustomersDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Customers', 'query', variables);
    },
    TransferToCustomer(variables: TransferToCustomerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<TransferToCustomerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<TransferToCustomerMutation>({ document: TransferToCustomerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TransferToCustomer', 'mutation', variables);
    },
    SetResellerMarkup(variables: SetResellerMarkupMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SetResellerMarkupMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<SetResellerMarkupMutation>({ document: SetResellerMarkupDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetResellerMarkup', 'mutation', variables);
    },
    Server(variables: ServerQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ServerQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ServerQuery>({ document: ServerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Server', 'query', variables);
    },
    ServerUsage(variables: ServerUsageQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ServerUsageQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ServerUsageQuery>({ document: ServerUsageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ServerUsage', 'query', variables);
    },
    ServerHistory(variables: ServerHistoryQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ServerHistoryQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ServerHistoryQuery>({ document: ServerHistoryDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ServerHistory', 'query', variables);
    },
    ServerNode(variables: ServerNodeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ServerNodeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ServerNodeQuery>({ document: ServerNodeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ServerNode', 'query', variables);
    },
    Servers(variables?: ServersQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ServersQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ServersQuery>({ document: ServersDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Servers', 'query', variables);
    },
    OrderServer(variables: OrderServerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<OrderServerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<OrderServerMutation>({ document: OrderServerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'OrderServer', 'mutation', variables);
    },
    PowerOffServer(variables: PowerOffServerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<PowerOffServerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<PowerOffServerMutation>({ document: PowerOffServerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'PowerOffServer', 'mutation', variables);
    },
    PowerOnServer(variables: PowerOnServerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<PowerOnServerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<PowerOnServerMutation>({ document: PowerOnServerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'PowerOnServer', 'mutation', variables);
    },
    RebootServer(variables: RebootServerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RebootServerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<RebootServerMutation>({ document: RebootServerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RebootServer', 'mutation', variables);
    },
    RebuildServer(variables: RebuildServerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RebuildServerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<RebuildServerMutation>({ document: RebuildServerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RebuildServer', 'mutation', variables);
    },
    ResizeServer(variables: ResizeServerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ResizeServerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<ResizeServerMutation>({ document: ResizeServerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ResizeServer', 'mutation', variables);
    },
    DeleteServer(variables: DeleteServerMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<DeleteServerMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<DeleteServerMutation>({ document: DeleteServerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DeleteServer', 'mutation', variables);
    },
    ServerStatusChanged(variables?: ServerStatusChangedSubscriptionVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ServerStatusChangedSubscription> {
      return withWrapper((wrappedRequestHeaders) => client.request<ServerStatusChangedSubscription>({ document: ServerStatusChangedDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ServerStatusChanged', 'subscription', variables);
    },
    SetServerQuota(variables: SetServerQuotaMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SetServerQuotaMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<SetServerQuotaMutation>({ document: SetServerQuotaDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetServerQuota', 'mutation', variables);
    },
    SshKeys(variables?: SshKeysQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SshKeysQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<SshKeysQuery>({ document: SshKeysDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SshKeys', 'query', variables);
    },
    AddSshKey(variables: AddSshKeyMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<AddSshKeyMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<AddSshKeyMutation>({ document: AddSshKeyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AddSshKey', 'mutation', variables);
    },
    DeleteSshKey(variables: DeleteSshKeyMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<DeleteSshKeyMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<DeleteSshKeyMutation>({ document: DeleteSshKeyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DeleteSshKey', 'mutation', variables);
    },
    Health(variables?: HealthQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<HealthQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<HealthQuery>({ document: HealthDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Health', 'query', variables);
    },
    StartTwoFactorSetup(variables: StartTwoFactorSetupMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StartTwoFactorSetupMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<StartTwoFactorSetupMutation>({ document: StartTwoFactorSetupDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StartTwoFactorSetup', 'mutation', variables);
    },
    ConfirmTwoFactorSetup(variables: ConfirmTwoFactorSetupMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ConfirmTwoFactorSetupMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<ConfirmTwoFactorSetupMutation>({ document: ConfirmTwoFactorSetupDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ConfirmTwoFactorSetup', 'mutation', variables);
    },
    DisableTwoFactor(variables: DisableTwoFactorMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<DisableTwoFactorMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<DisableTwoFactorMutation>({ document: DisableTwoFactorDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DisableTwoFactor', 'mutation', variables);
    },
    StartTopUp(variables: StartTopUpMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StartTopUpMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<StartTopUpMutation>({ document: StartTopUpDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StartTopUp', 'mutation', variables);
    },
    Wallet(variables?: WalletQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<WalletQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<WalletQuery>({ document: WalletDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Wallet', 'query', variables);
    },
    WalletEntries(variables?: WalletEntriesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<WalletEntriesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<WalletEntriesQuery>({ document: WalletEntriesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'WalletEntries', 'query', variables);
    },
    Payments(variables?: PaymentsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<PaymentsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<PaymentsQuery>({ document: PaymentsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Payments', 'query', variables);
    },
    PaymentNode(variables: PaymentNodeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<PaymentNodeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<PaymentNodeQuery>({ document: PaymentNodeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'PaymentNode', 'query', variables);
    },
    AdjustWallet(variables: AdjustWalletMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<AdjustWalletMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<AdjustWalletMutation>({ document: AdjustWalletDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AdjustWallet', 'mutation', variables);
    },
    WaiveUsage(variables: WaiveUsageMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<WaiveUsageMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<WaiveUsageMutation>({ document: WaiveUsageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'WaiveUsage', 'mutation', variables);
    },
    WebhookEndpoints(variables: WebhookEndpointsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<WebhookEndpointsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<WebhookEndpointsQuery>({ document: WebhookEndpointsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'WebhookEndpoints', 'query', variables);
    },
    WebhookDeliveries(variables: WebhookDeliveriesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<WebhookDeliveriesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<WebhookDeliveriesQuery>({ document: WebhookDeliveriesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'WebhookDeliveries', 'query', variables);
    },
    CreateWebhookEndpoint(variables: CreateWebhookEndpointMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<CreateWebhookEndpointMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<CreateWebhookEndpointMutation>({ document: CreateWebhookEndpointDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateWebhookEndpoint', 'mutation', variables);
    },
    DeleteWebhookEndpoint(variables: DeleteWebhookEndpointMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<DeleteWebhookEndpointMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<DeleteWebhookEndpointMutation>({ document: DeleteWebhookEndpointDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DeleteWebhookEndpoint', 'mutation', variables);
    },
    RedeliverWebhook(variables: RedeliverWebhookMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RedeliverWebhookMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<RedeliverWebhookMutation>({ document: RedeliverWebhookDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RedeliverWebhook', 'mutation', variables);
    }
  };
}
export type Sdk = ReturnType<typeof getSdk>;