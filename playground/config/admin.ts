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
  // Strapi limits admin logins to 5 per e-mail in 5 minutes; the browser tests log the same users in more often than
  // that (ADMIN_RATE_LIMIT=false there only).
  rateLimit: { enabled: env.bool('ADMIN_RATE_LIMIT', true) },
  // The demo prints the URL; opening a browser on a server or in CI only fails.
  autoOpen: env.bool('ADMIN_AUTO_OPEN', false),
  // The edit view's Preview shows the entry's reader page (src/reader.ts), draft included, labels drawn by the
  // plugin's front-end renderer. Same origin as the admin; PREVIEW_SECRET guards drafts (Strapi's Preview docs).
  preview: {
    enabled: true,
    config: {
      allowedOrigins: env.array('PREVIEW_ALLOWED_ORIGINS', ["'self'"]),
      async handler(
        uid: string,
        { documentId, locale, status }: { documentId: string; locale?: string; status?: string }
      ) {
        if (uid !== 'api::article.article') return null;
        const document = await strapi
          .documents(uid)
          .findOne({ documentId, locale, status: status === 'draft' ? 'draft' : 'published', fields: ['slug'] } as any);
        if (!document?.slug) return null;
        const query = new URLSearchParams({ locale: locale ?? 'en' });
        if (status === 'draft') {
          query.set('status', 'draft');
          query.set('secret', env('PREVIEW_SECRET', 'playground-preview-secret'));
        }
        return `/read/${encodeURIComponent(document.slug)}?${query}`;
      },
    },
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});
