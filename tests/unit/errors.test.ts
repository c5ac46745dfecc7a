import { isDatabaseUnavailable, isRetryable } from '../../server/src/database/failures';
import { forbidden, invalid, pluginErrorOf, unavailable } from '../../server/src/errors';
import { ERROR_CODES } from '../../shared/schemas';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('database failures', () => {
  it.each([
    ['pg_terminate_backend', withCode('terminating connection due to administrator command', '57P01')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    [
      'a lost MySQL connection',
      withCode('Connection lost: The server closed the connection.', 'PROTOCOL_CONNECTION_LOST'),
    ],
    ['a deadlock', withCode('deadlock detected', '40P01')],
    ['pg without a code', new Error('Connection terminated unexpectedly')],
    [
      'pg without a code, after a connection error',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'knex, on a transaction whose connection died',
      new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'),
    ],
    [
      'an exhausted pool',
      Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }),
    ],
  ])('%s is an unavailable database', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['not an error', 'Connection'],
    ['nothing', null],
  ])('%s is not', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('only deadlocks and lock timeouts are run again', () => {
    expect(isRetryable(withCode('deadlock detected', '40P01'))).toBe(true);
    expect(isRetryable(withCode('Lock wait timeout exceeded', 'ER_LOCK_WAIT_TIMEOUT'))).toBe(true);
    expect(isRetryable(new Error('Connection terminated'))).toBe(false);
  });
});

describe('pluginErrorOf', () => {
  it("keeps the plugin's errors as they are", () => {
    for (const error of [
      forbidden(),
      unavailable(),
      invalid(['note'], 'note is too long', ERROR_CODES.tooLong, { max: 2000 }),
    ]) {
      expect(pluginErrorOf(error)).toBe(error);
    }
  });

  it('answers a database failure with a 503', () => {
    const error = pluginErrorOf(new Error('Connection terminated'));
    expect(error).toMatchObject({ status: 503, name: 'ServiceUnavailableError' });
  });

  it('leaves anything else to Strapi (a 500 it logs)', () => {
    expect(pluginErrorOf(new TypeError('a bug'))).toBeNull();
  });
});
