import type { Core } from '@strapi/strapi';

import { isDatabaseUnavailable } from './database/failures';

/**
 * Keeps a Strapi process alive when a database error escapes Strapi's own code as an unhandled promise rejection.
 *
 * Found with the fault tests (docs/operations.md#several-strapi-processes-crashes-and-database-faults): after every
 * document-service write, Strapi core emits its `entry.*` event from a transaction commit callback whose promise nobody
 * awaits (@strapi/core services/document-service/events.js). When the database drops the connection at that moment
 * (pg_terminate_backend, a failover) or the pool has no connection to give (KnexTimeoutError under load), that promise
 * rejects unhandled, and Node 20 ends the process. The plugin's own promises are all awaited or caught.
 *
 * The guard handles exactly those: a rejection that is a database connectivity error is logged and the process
 * keeps running. Any other unhandled rejection still ends the process, as Node would, unless the app listens for
 * them itself.
 */
export const installProcessGuard = (strapi: Core.Strapi): (() => void) => {
  const onRejection = (reason: unknown) => {
    if (isDatabaseUnavailable(reason)) {
      strapi.log.error(
        `[trust-labels] a database error escaped as an unhandled promise rejection (outside the plugin's code); the process keeps running: ${(reason as Error)?.message ?? reason}`
      );
      return;
    }
    // The only listener: behave as Node does without one.
    if (process.listenerCount('unhandledRejection') === 1) {
      process.nextTick(() => {
        throw reason;
      });
    }
  };
  process.on('unhandledRejection', onRejection);
  return () => process.removeListener('unhandledRejection', onRejection);
};
