import { parseDeclaration } from '../../src/cli/declaration';
import { resolveEnvironments, selectEnvironments } from '../../src/cli/environments';
import { CliError, DeclarationError } from '../../src/cli/errors';
import { SecretScrubber } from '../../src/cli/redact';

const CREDENTIALS = ['    credentials:', '      clientId: { env: ID }', '      clientSecret: { env: SECRET }'].join('\n');

function parse(text: string) {
  return parseDeclaration('webhooks.yaml', '/work/webhooks.yaml', text);
}

function problems(text: string): string[] {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof DeclarationError) return error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.field}: ${problem.message}`);
    if (error instanceof CliError) return [error.message];
    throw error;
  }
  return [];
}

describe('declaration structure', () => {
  const cases: Record<string, { text: string; expected: string[] }> = {
    'missing-version': {
      text: ['webhooks: {}', 'environments:', '  staging:', CREDENTIALS].join('\n'),
      expected: ['1:1 version: Missing "version"; add "version: 1" at the top of the file.'],
    },
    'unsupported-version': {
      text: ['version: 2', 'webhooks: {}', 'environments:', '  staging:', CREDENTIALS].join('\n'),
      expected: ['1:10 version: Unsupported version 2: this CLI reads only version 1 (the number 1).'],
    },
    'version-as-string': {
      text: ['version: "1"', 'webhooks: {}', 'environments:', '  staging:', CREDENTIALS].join('\n'),
      expected: ['1:10 version: Invalid version "1": version must be the number 1, not a string; write "version: 1" without quotes.'],
    },
    'literal-client-secret': {
      text: ['version: 1', 'webhooks: {}', 'environments:', '  staging:', '    credentials:', '      clientId: abc', '      clientSecret: hunter2-hunter2'].join('\n'),
      expected: [
        '7:21 environments.staging.credentials.clientSecret: A literal client secret is not allowed in the declaration: use "{ env: VARIABLE_NAME }" and set the variable in the environment (a CI secret).',
      ],
    },
    'secret-with-default': {
      text: ['version: 1', 'webhooks: {}', 'environments:', '  staging:', '    credentials:', '      clientId: abc', '      clientSecret: { env: S, default: oops }'].join('\n'),
      expected: ['7:40 environments.staging.credentials.clientSecret.default: A client secret cannot have a default value in the declaration: set the variable S in the environment instead.'],
    },
    'unknown-top-level-key': {
      text: ['version: 1', 'webhook: {}', 'webhooks: {}', 'environments:', '  staging:', CREDENTIALS].join('\n'),
      expected: ['2:1 webhook: Unknown key "webhook". Did you mean "webhooks"?'],
    },
    'override-of-undeclared-webhook': {
      text: ['version: 1', 'webhooks:', '  orders: { url: https://a.example.com, events: [book.verified] }', 'environments:', '  staging:', CREDENTIALS, '    webhooks:', '      order: { enabled: false }'].join('\n'),
      expected: ['10:7 environments.staging.webhooks.order: Override for undeclared webhook "order"; declare it under the top-level "webhooks" first. Did you mean "orders"?'],
    },
    'webhook-named-proto': {
      text: ['version: 1', 'webhooks:', '  __proto__: { url: https://a.example.com, events: [book.verified] }', 'environments:', '  staging:', CREDENTIALS].join('\n'),
      expected: [
        '3:3 webhooks.__proto__: Invalid webhook name "__proto__": use letters, digits, "-", "_" and ".", starting with a letter.',
      ],
    },
    'webhook-name-with-space': {
      text: ['version: 1', 'webhooks:', '  "orders service": { url: https://a.example.com, events: [book.verified] }', 'environments:', '  staging:', CREDENTIALS].join('\n'),
      expected: [
        '3:3 webhooks.orders service: Invalid webhook name "orders service": use letters, digits, "-", "_" and ".", starting with a letter.',
      ],
    },
    'missing-environments': {
      text: ['version: 1', 'webhooks: {}'].join('\n'),
      expected: ['1:1 environments: Missing "environments": declare at least one environment with its credentials.'],
    },
    'duplicate-key': {
      text: ['version: 1', 'version: 1'].join('\n'),
      expected: ['webhooks.yaml:2:1: invalid YAML: Map keys must be unique'],
    },
  };

  it.each(Object.entries(cases))('%s', (_name, { text, expected }) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe('environment resolution', () => {
  const text = [
    'version: 1',
    'webhooks:',
    '  orders:',
    '    url: https://hooks.example.com/orders',
    '    events: [book.verified]',
    '    secret: { env: ORDERS_SECRET }',
    '  audit:',
    '    url: https://hooks.example.com/audit',
    '    events: [book.completed]',
    'environments:',
    '  staging:',
    CREDENTIALS,
    '      apiUrl: { env: API_URL, default: https://api.example.com/ }',
    '    prune: true',
    '    webhooks:',
    '      orders: { url: https://staging.example.com/orders, active: false }',
    '      audit: { enabled: false }',
    '  prod:',
    '    credentials:',
    '      clientId: prod-client',
    '      clientSecret: { env: PROD_SECRET }',
  ].join('\n');

  it('merges overrides and leaves out disabled webhooks', () => {
    const scrubber = new SecretScrubber();
    const { environments } = resolveEnvironments(parse(text), ['staging'], { ID: 'id', SECRET: 'client-secret-value', ORDERS_SECRET: 'orders-secret-0123456789' }, scrubber);

    expect(environments).toEqual([
      {
        name: 'staging',
        prune: true,
        specs: [{ name: 'orders', url: 'https://staging.example.com/orders', events: ['book.verified'], active: false, secret: 'orders-secret-0123456789' }],
        credentials: { clientId: 'id', clientSecret: 'client-secret-value', apiUrl: 'https://api.example.com', authUrl: 'https://auth.ocrolus.com/oauth/token' },
      },
    ]);
    expect(scrubber.scrub('client-secret-value orders-secret-0123456789')).toBe('*** ***');
  });

  it('reads secrets of selected environments only', () => {
    const { environments } = resolveEnvironments(parse(text), ['prod'], { PROD_SECRET: 'prod-secret-value', ORDERS_SECRET: 'orders-secret-0123456789' }, new SecretScrubber());

    expect(environments.map((environment) => environment.name)).toEqual(['prod']);
    expect(environments[0].credentials.clientId).toBe('prod-client');
    expect(environments[0].specs.map((spec) => spec.name)).toEqual(['orders', 'audit']);
  });

  it('endpoint variable without default is required', () => {
    const endpoints = text.replace('{ env: API_URL, default: https://api.example.com/ }', '{ env: API_URL }') + '\n      authUrl: { env: PROD_AUTH_URL }';
    const env = { ID: 'id', SECRET: 'client-secret-value', PROD_SECRET: 'prod-secret-value', ORDERS_SECRET: 'orders-secret-0123456789' };

    expect(() => resolveEnvironments(parse(endpoints), ['staging', 'prod'], env, new SecretScrubber())).toThrow(
      [
        'webhooks.yaml:15:15: error: environments.staging.credentials.apiUrl: Environment variable API_URL is not set and apiUrl has no default, so no API URL is known; export it, or add "default: URL" to the setting.',
        'webhooks.yaml:24:16: error: environments.prod.credentials.authUrl: Environment variable PROD_AUTH_URL is not set and authUrl has no default, so no token endpoint URL is known; export it, or add "default: URL" to the setting.',
      ].join('\n'),
    );
  });

  it('absent endpoint settings use production', () => {
    const { environments } = resolveEnvironments(parse(text), ['prod'], { PROD_SECRET: 'prod-secret-value', ORDERS_SECRET: 'orders-secret-0123456789' }, new SecretScrubber());

    expect(environments[0].credentials.apiUrl).toBe('https://api.ocrolus.com');
    expect(environments[0].credentials.authUrl).toBe('https://auth.ocrolus.com/oauth/token');
  });

  it('names of Object members work', () => {
    const members = [
      'version: 1',
      'webhooks:',
      '  constructor: { url: https://hooks.example.com/a, events: [book.verified] }',
      '  toString: { url: https://hooks.example.com/b, events: [book.verified] }',
      'environments:',
      '  staging:',
      CREDENTIALS,
      '    webhooks:',
      '      toString: { active: false }',
      '  prod:',
      CREDENTIALS,
    ].join('\n');

    const { environments } = resolveEnvironments(parse(members), ['staging', 'prod'], { ID: 'id', SECRET: 'client-secret-value' }, new SecretScrubber());

    expect(environments[0].specs).toEqual([
      { name: 'constructor', url: 'https://hooks.example.com/a', events: ['book.verified'] },
      { name: 'toString', url: 'https://hooks.example.com/b', events: ['book.verified'], active: false },
    ]);
    expect(environments[1].specs).toEqual([
      { name: 'constructor', url: 'https://hooks.example.com/a', events: ['book.verified'] },
      { name: 'toString', url: 'https://hooks.example.com/b', events: ['book.verified'] },
    ]);
  });

  it('one error is singular', () => {
    expect(() => resolveEnvironments(parse(text), ['prod'], { ORDERS_SECRET: 'orders-secret-0123456789' }, new SecretScrubber())).toThrow(
      'The declaration is invalid (1 error); nothing was sent to the Ocrolus API.',
    );
  });

  it('errors are sorted by position', () => {
    const unsorted = [
      'version: 1',
      'webhooks:',
      '  orders:',
      '    url: hooks.example.com/orders',
      '    events: [book.verified]',
      '    secret: { env: ORDERS_SECRET }',
      '  audit:',
      '    url: https://hooks.example.com/audit',
      '    events: [book.complted]',
      'environments:',
      '  staging:',
      CREDENTIALS,
    ].join('\n');

    let lines: string[] = [];
    try {
      resolveEnvironments(parse(unsorted), ['staging'], {}, new SecretScrubber());
    } catch (error) {
      lines = (error as DeclarationError).message.split('\n').map((line) => line.split(': ')[0]);
    }

    // The secret is checked before the core validates the URL and the events, so unsorted output would start at line 6.
    expect(lines).toEqual([
      'webhooks.yaml:4:10',
      'webhooks.yaml:6:13',
      'webhooks.yaml:9:14',
      'webhooks.yaml:13:17',
      'webhooks.yaml:14:21',
      'The declaration is invalid (5 errors); nothing was sent to the Ocrolus API.',
    ]);
  });

  it('reports every missing variable together', () => {
    expect(() => resolveEnvironments(parse(text), ['staging', 'prod'], {}, new SecretScrubber())).toThrow(
      [
        'webhooks.yaml:6:13: error: webhooks.orders.secret: Environment variable ORDERS_SECRET is not set; export the webhook\'s signing secret (in CI, from a secret) before running.',
        'webhooks.yaml:13:17: error: environments.staging.credentials.clientId: Environment variable ID is not set; export it (in CI, from a secret) before running.',
        'webhooks.yaml:14:21: error: environments.staging.credentials.clientSecret: Environment variable SECRET is not set; export it (in CI, from a secret) before running.',
        'webhooks.yaml:23:21: error: environments.prod.credentials.clientSecret: Environment variable PROD_SECRET is not set; export it (in CI, from a secret) before running.',
        'The declaration is invalid (4 errors); nothing was sent to the Ocrolus API.',
      ].join('\n'),
    );
  });
});

describe('environment selection', () => {
  const declared = ['staging', 'prod', 'sandbox'];
  const cases: Record<string, { values: string[] | undefined; expected: string[] | string }> = {
    'no-value-selects-all': { values: undefined, expected: declared },
    'repeated-option': { values: ['prod', 'staging'], expected: ['prod', 'staging'] },
    'comma-separated': { values: ['staging, prod'], expected: ['staging', 'prod'] },
    'duplicates-collapse': { values: ['prod', 'prod'], expected: ['prod'] },
    'empty-value': { values: [''], expected: '--env names no environment (got ""); pass one or more of: staging, prod, sandbox, or leave out --env to select all.' },
    'only-commas': { values: [',', ' '], expected: '--env names no environment (got ",", " "); pass one or more of: staging, prod, sandbox, or leave out --env to select all.' },
    'unknown-name': { values: ['prd'], expected: 'Unknown environment "prd" in --env. Did you mean "prod"?\nDeclared environments: staging, prod, sandbox.' },
  };

  it.each(Object.entries(cases))('%s', (_name, { values, expected }) => {
    if (typeof expected === 'string') expect(() => selectEnvironments(values, declared)).toThrow(expected);
    else expect(selectEnvironments(values, declared)).toEqual(expected);
  });
});
