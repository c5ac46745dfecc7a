export default ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', 'playground-admin-jwt-secret'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', 'playground-api-token-salt'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', 'playground-transfer-token-salt'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', 'playground-encryption-key-0123456789'),
  },
  // The demo prints the URL; opening a browser on a server or in CI only fails.
  autoOpen: env.bool('ADMIN_AUTO_OPEN', false),
  flags: {
    nps: false,
    promoteEE: false,
  },
});
