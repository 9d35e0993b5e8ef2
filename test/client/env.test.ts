import { ClientConfigurationError, clientOptionsFromEnv, createClient, OcrolusClient, sameWebhookUrl } from '../../src/client';

const SECRET = 'env-planted-secret-93b1';

describe('clientOptionsFromEnv', () => {
  test('reads all four variables', () => {
    const options = clientOptionsFromEnv({
      OCROLUS_CLIENT_ID: 'id-1',
      OCROLUS_CLIENT_SECRET: SECRET,
      OCROLUS_API_URL: 'http://127.0.0.1:8080',
      OCROLUS_AUTH_URL: 'http://127.0.0.1:8080/oauth/token',
    });

    expect(options).toEqual({ clientId: 'id-1', clientSecret: SECRET, apiUrl: 'http://127.0.0.1:8080', authUrl: 'http://127.0.0.1:8080/oauth/token' });
  });

  test('urls are optional', () => {
    expect(clientOptionsFromEnv({ OCROLUS_CLIENT_ID: 'id-1', OCROLUS_CLIENT_SECRET: SECRET })).toEqual({ clientId: 'id-1', clientSecret: SECRET });
  });

  test('overrides win', () => {
    const options = clientOptionsFromEnv({ OCROLUS_CLIENT_SECRET: SECRET, OCROLUS_API_URL: 'http://127.0.0.1:1' }, { clientId: 'id-2', apiUrl: 'http://127.0.0.1:2', timeoutMs: 500 });

    expect(options).toEqual({ clientId: 'id-2', clientSecret: SECRET, apiUrl: 'http://127.0.0.1:2', timeoutMs: 500 });
  });

  test('missing id named', () => {
    expect(() => clientOptionsFromEnv({ OCROLUS_CLIENT_SECRET: SECRET })).toThrow(/^OCROLUS_CLIENT_ID is not set/);
  });

  test('missing secret named without values', () => {
    let error: unknown;
    try {
      clientOptionsFromEnv({ OCROLUS_CLIENT_ID: 'id-1', OCROLUS_CLIENT_SECRET: '  ', OCROLUS_API_URL: 'http://127.0.0.1:1' });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ClientConfigurationError);
    expect(error).toMatchObject({ setting: 'OCROLUS_CLIENT_SECRET' });
    expect((error as Error).message).toMatch(/^OCROLUS_CLIENT_SECRET is not set/);
    expect((error as Error).message).not.toContain('127.0.0.1');
  });
});

describe('client construction', () => {
  test('organization defaults to client id', () => {
    const client = createClient({ clientId: 'id-1', clientSecret: SECRET, apiUrl: 'http://127.0.0.1:1' });

    expect(client).toBeInstanceOf(OcrolusClient);
    expect(client.organization).toBe('id-1');
  });

  test.each([
    ['missing-client-id', { clientId: '', clientSecret: SECRET }, 'clientId'],
    ['missing-client-secret', { clientId: 'id', clientSecret: '' }, 'clientSecret'],
    ['ftp-api-url', { clientId: 'id', clientSecret: SECRET, apiUrl: 'ftp://127.0.0.1/' }, 'apiUrl'],
    ['relative-auth-url', { clientId: 'id', clientSecret: SECRET, authUrl: '/oauth/token' }, 'authUrl'],
    ['zero-timeout', { clientId: 'id', clientSecret: SECRET, timeoutMs: 0 }, 'timeoutMs'],
    ['negative-rate', { clientId: 'id', clientSecret: SECRET, requestsPerSecond: -1 }, 'requestsPerSecond'],
    ['zero-attempts', { clientId: 'id', clientSecret: SECRET, retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
  ])('%s', (_name, options, setting) => {
    let error: unknown;
    try {
      createClient(options);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ClientConfigurationError);
    expect(error).toMatchObject({ setting });
    expect((error as Error).message).not.toContain(SECRET);
  });
});

describe('sameWebhookUrl', () => {
  test.each([
    ['identical', 'https://a.example.com/x', 'https://a.example.com/x', true],
    ['host-case', 'https://A.Example.COM/x', 'https://a.example.com/x', true],
    ['scheme-case', 'HTTPS://a.example.com/x', 'https://a.example.com/x', true],
    ['trailing-slash', 'https://a.example.com/x/', 'https://a.example.com/x', true],
    ['root-slash', 'https://a.example.com/', 'https://a.example.com', true],
    ['default-port', 'https://a.example.com:443/x', 'https://a.example.com/x', true],
    ['path-case', 'https://a.example.com/X', 'https://a.example.com/x', false],
    ['other-scheme', 'http://a.example.com/x', 'https://a.example.com/x', false],
    ['other-query', 'https://a.example.com/x?a=1', 'https://a.example.com/x?a=2', false],
    ['other-password', 'https://u:p@a.example.com/x', 'https://u:q@a.example.com/x', false],
    ['unparseable-equal', 'not a url/', 'not a url', true],
  ])('%s', (_name, left, right, expected) => {
    expect(sameWebhookUrl(left, right)).toBe(expected);
  });
});
