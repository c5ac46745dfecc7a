// Starts the playground in a separate Node process (a second Strapi on the same database as the test's).
// Prints one JSON line {"port": N} when listening. Database and plugin settings come from the environment.
const path = require('path');

const PLAYGROUND_DIR = path.resolve(__dirname, '..', '..', 'playground');

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({
    appDir: PLAYGROUND_DIR,
    distDir: path.join(PLAYGROUND_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  app.log.level = 'error';
  await app.load();
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: app.server.httpServer.address().port })}\n`);
  const stop = async () => {
    await app.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
