import { declaration, startCliFixture } from './helpers/fixture';
import type { CliFixture } from './helpers/fixture';

let fixture: CliFixture;

beforeAll(async () => {
  fixture = await startCliFixture();
});

afterAll(async () => {
  await fixture.close();
});

beforeEach(async () => {
  await fixture.reset();
});

/** A declaration of one webhook named `orders` with the given field lines. */
const orders = (...fields: string[]) => declaration(['  orders:', ...fields.map((field) => `    ${field}`)].join('\n'));

const webhooks = (count: number) =>
  declaration(
    Array.from({ length: count }, (_, index) => [`  hook${index + 1}:`, `    url: https://hooks.example.com/${index + 1}`, '    events: [book.verified]'].join('\n')).join('\n'),
  );

interface BadInputCase {
  readonly yaml: string;
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Expected stderr fragments; the first names the file position. */
  readonly errors: readonly string[];
}

const cases: Record<string, BadInputCase> = {
  'url-without-scheme': {
    yaml: orders('url: hooks.example.com/orders', 'events: [book.verified]'),
    errors: ['webhooks.yaml:4:10: error: webhooks.orders.url', 'has no scheme', 'https://hooks.example.com/orders'],
  },
  'http-to-public-host': {
    yaml: orders('url: http://hooks.example.com/orders', 'events: [book.verified]'),
    errors: ['webhooks.yaml:4:10: error: webhooks.orders.url', 'uses http to a public host'],
  },
  'url-without-top-level-domain': {
    yaml: orders('url: https://hooks/orders', 'events: [book.verified]'),
    errors: ['webhooks.yaml:4:10: error: webhooks.orders.url', 'has no top-level domain'],
  },
  'mistyped-event': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified, book.complted]'),
    errors: ['webhooks.yaml:5:29: error: webhooks.orders.events[1]', '"book.complted" is not an Ocrolus organization-level event. Did you mean "book.completed"?'],
  },
  'empty-events': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: []'),
    errors: ['webhooks.yaml:5:13: error: webhooks.orders.events', 'events is empty'],
  },
  'description-of-2-chars': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]', 'description: ab'),
    errors: ['webhooks.yaml:6:18: error: webhooks.orders.description', 'description has 2 characters, but Ocrolus accepts 3 to 255'],
  },
  'description-of-256-chars': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]', `description: ${'d'.repeat(256)}`),
    errors: ['webhooks.yaml:6:18: error: webhooks.orders.description', 'description has 256 characters, but Ocrolus accepts 3 to 255'],
  },
  'six-webhooks-in-one-environment': {
    yaml: webhooks(6),
    errors: ['error: webhooks.hook6', '6 webhooks are declared, but an Ocrolus organization holds at most 5'],
  },
  'two-webhooks-with-the-same-url': {
    yaml: declaration(
      ['  a:', '    url: https://hooks.example.com/same', '    events: [book.verified]', '  b:', '    url: https://HOOKS.example.com/same/', '    events: [book.completed]'].join('\n'),
    ),
    errors: ['webhooks.yaml:4:10: error: webhooks.a.url', 'webhooks.yaml:7:10: error: webhooks.b.url', 'Ocrolus requires a unique URL per organization'],
  },
  'secret-of-15-chars': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]', 'secret: { env: SHORT_SECRET }'),
    env: { SHORT_SECRET: 'fifteen-chars-x' },
    errors: ['webhooks.yaml:6:13: error: webhooks.orders.secret', 'secret has 15 characters, but Ocrolus accepts 16 to 128'],
  },
  'literal-secret': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]', 'secret: a-literal-secret-value-in-the-file'),
    errors: ['webhooks.yaml:6:13: error: webhooks.orders.secret', 'A literal webhook secret is not allowed', '{ env: VARIABLE_NAME }'],
  },
  'unknown-key': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]', 'evnts: [book.completed]'),
    errors: ['webhooks.yaml:6:5: error: webhooks.orders.evnts', 'Unknown key "evnts". Did you mean "events"?'],
  },
  'unknown-environment-in-env-option': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]'),
    args: ['--env', 'stagign'],
    errors: ['Unknown environment "stagign" in --env. Did you mean "staging"?', 'Declared environments: staging.'],
  },
  'empty-env-option': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]'),
    args: ['--env', ''],
    errors: ['--env names no environment (got ""); pass one or more of: staging'],
  },
  'yaml-syntax-error': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified'),
    errors: ['webhooks.yaml:6:1: invalid YAML'],
  },
  'credentials-missing-from-environment': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]'),
    env: { OCROLUS_STAGING_CLIENT_SECRET: '' },
    errors: [
      'webhooks.yaml:10:21: error: environments.staging.credentials.clientSecret',
      'Environment variable OCROLUS_STAGING_CLIENT_SECRET is not set',
    ],
  },
  'api-url-variable-unset': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]'),
    env: { OCROLUS_STAGING_API_URL: '' },
    errors: ['webhooks.yaml:11:15: error: environments.staging.credentials.apiUrl', 'Environment variable OCROLUS_STAGING_API_URL is not set and apiUrl has no default'],
  },
  'auth-url-variable-unset': {
    yaml: orders('url: https://hooks.example.com/orders', 'events: [book.verified]'),
    env: { OCROLUS_STAGING_AUTH_URL: '' },
    errors: ['webhooks.yaml:12:16: error: environments.staging.credentials.authUrl', 'Environment variable OCROLUS_STAGING_AUTH_URL is not set and authUrl has no default'],
  },
};

describe('bad input', () => {
  it.each(Object.entries(cases))('%s fails before any API call', async (_name, testCase) => {
    await fixture.declare(testCase.yaml);

    for (const command of ['plan', 'apply']) {
      const run = await fixture.run([command, ...(testCase.args ?? [])], testCase.env);

      expect(run.code).toBe(1);
      for (const error of testCase.errors) expect(run.stderr).toContain(error);
      expect(run.stdout).toBe('');
    }
    expect(fixture.emulator.requests()).toEqual([]);
    expect(fixture.emulator.webhooks('staging')).toEqual([]);
  });

  it('missing credentials name the variable, never a value', async () => {
    await fixture.declare(orders('url: https://hooks.example.com/orders', 'events: [book.verified]'));

    const run = await fixture.run(['plan'], { OCROLUS_STAGING_CLIENT_ID: '' });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Environment variable OCROLUS_STAGING_CLIENT_ID is not set');
    expect(run.stderr).not.toContain(fixture.env.OCROLUS_STAGING_CLIENT_SECRET);
  });

  it('missing declaration file names the option', async () => {
    const run = await fixture.run(['plan', '--file', 'nowhere.yaml']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot read the declaration nowhere.yaml: file not found. Pass its path with --file.');
  });

  it('override in one environment is reported with its position', async () => {
    await fixture.declare(
      declaration(['  orders:', '    url: https://hooks.example.com/orders', '    events: [book.verified]'].join('\n'), ['staging', 'prod'], {
        prod: '    webhooks:\n      orders: { url: "ftp://hooks.example.com/orders" }',
      }),
    );

    const run = await fixture.run(['plan']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('webhooks.yaml:20:22: error: environments.prod.webhooks.orders.url (environment prod)');
    expect(fixture.emulator.requests()).toEqual([]);
  });
});
