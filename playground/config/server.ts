export default ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  logger: {
    updates: { enabled: false },
  },
  // Strapi's MCP server (/mcp, admin tokens), off unless PLAYGROUND_MCP=true (the MCP tools' tests turn it on).
  mcp: {
    enabled: env.bool('PLAYGROUND_MCP', false),
  },
  app: {
    // Playground-only keys: this app is a demo and test bed, never a production deployment.
    keys: env.array('APP_KEYS', ['playgroundKeyA', 'playgroundKeyB']),
  },
});
