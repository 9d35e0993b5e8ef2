import { validateOrganization, validateWebhook } from '../../src/core';
import type { WebhookSpec } from '../../src/core';

const valid = { name: 'orders', url: 'https://hooks.example.com/in', events: ['book.verified'] };

describe('validateWebhook', () => {
  const cases: Record<string, { input: Record<string, unknown>; path: Array<string | number>; detail: RegExp }> = {
    'url-without-scheme': { input: { ...valid, url: 'hooks.example.com/in' }, path: ['url'], detail: /has no scheme\. Write it as https:\/\/hooks\.example\.com\/in/ },
    'http-to-public-host': { input: { ...valid, url: 'http://hooks.example.com/in' }, path: ['url'], detail: /uses http to a public host.*Use https:\/\/hooks\.example\.com\/in/ },
    'url-without-tld': { input: { ...valid, url: 'https://hooks/in' }, path: ['url'], detail: /has no top-level domain/ },
    'mistyped-event': { input: { ...valid, events: ['book.verifed'] }, path: ['events', 0], detail: /Did you mean "book\.verified"\?/ },
    'account-level-event': { input: { ...valid, events: ['BOOK_VERIFIED'] }, path: ['events', 0], detail: /Did you mean "book\.verified"\?/ },
    'empty-events': { input: { ...valid, events: [] }, path: ['events'], detail: /events is empty/ },
    'description-of-2': { input: { ...valid, description: 'ab' }, path: ['description'], detail: /has 2 characters, but Ocrolus accepts 3 to 255/ },
    'description-of-256': { input: { ...valid, description: 'x'.repeat(256) }, path: ['description'], detail: /has 256 characters/ },
    'secret-of-15': { input: { ...valid, secret: 's'.repeat(15) }, path: ['secret'], detail: /secret has 15 characters, but Ocrolus accepts 16 to 128/ },
    'incomplete-credentials': { input: { ...valid, url: 'https://user@hooks.example.com/in' }, path: ['url'], detail: /username without a password/ },
    'active-not-boolean': { input: { ...valid, active: 'yes' }, path: ['active'], detail: /must be true or false, not a string/ },
    'version-without-secret': { input: { ...valid, secretVersion: 2 }, path: ['secretVersion'], detail: /secretVersion is set but secret is not/ },
    'unknown-field': { input: { ...valid, evnets: ['book.verified'] }, path: ['evnets'], detail: /unknown field "evnets"/ },
    'blank-description': { input: { ...valid, description: '   ' }, path: ['description'], detail: /contains only whitespace/ },
    'http-without-tld': { input: { ...valid, url: 'http://intranet/x' }, path: ['url'], detail: /has no top-level domain/ },
  };

  for (const [name, { input, path, detail }] of Object.entries(cases)) {
    it(`rejects ${name}`, () => {
      const errors = validateWebhook(input, { path: ['webhooks', 'orders'] }).filter((d) => d.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0].path).toEqual(['webhooks', 'orders', ...path]);
      expect(errors[0].detail).toMatch(detail);
    });
  }

  it('accepts http to loopback and a duplicate event with a warning', () => {
    const diagnostics = validateWebhook({ ...valid, url: 'http://127.0.0.1:8080/in', events: ['book.verified', 'book.verified'] });
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('skips unknown values', () => {
    const unknown = Symbol('unknown');
    const diagnostics = validateWebhook({ ...valid, url: unknown, events: [unknown, 'book.verified'], secret: unknown }, { isUnknown: (v) => v === unknown });
    expect(diagnostics).toEqual([]);
  });

  it('never echoes a secret or a URL password', () => {
    const diagnostics = validateWebhook({ ...valid, url: 'http://user:hunter2-password@hooks.example.com/in', secret: 'short-secret' });
    const text = JSON.stringify(diagnostics);
    expect(text).not.toContain('hunter2-password');
    expect(text).not.toContain('short-secret');
  });
});

describe('validateOrganization', () => {
  const spec = (name: string, url: string): WebhookSpec => ({ name, url, events: ['book.verified'] });

  it('rejects six webhooks', () => {
    const specs = [1, 2, 3, 4, 5, 6].map((n) => spec(`hook${n}`, `https://hooks.example.com/${n}`));
    const errors = validateOrganization(specs);
    expect(errors.map((d) => d.summary)).toEqual(['Too Many Webhooks']);
    expect(errors[0].path).toEqual(['hook6']);
  });

  it('rejects two webhooks with the same URL after normalization', () => {
    const errors = validateOrganization([spec('a', 'https://Hooks.Example.com/in/'), spec('b', 'https://hooks.example.com:443/in')]);
    expect(errors.map((d) => d.path)).toEqual([['a', 'url'], ['b', 'url']]);
  });
});

describe('maskUrl', () => {
  const { maskUrl } = require('../../src/core') as typeof import('../../src/core');
  const cases: Record<string, [string, string]> = {
    'password': ['https://user:p4ss@hooks.example.com/in', 'https://user:***@hooks.example.com/in'],
    'lone-username': ['https://token123@hooks.example.com/in', 'https://***@hooks.example.com/in'],
    'token-query': ['https://hooks.example.com/in?token=abc&team=risk', 'https://hooks.example.com/in?token=***&team=risk'],
    'api-key-query': ['https://hooks.example.com/in?API_KEY=abc', 'https://hooks.example.com/in?API_KEY=***'],
    'plain': ['https://hooks.example.com/in', 'https://hooks.example.com/in'],
  };
  for (const [name, [input, expected]] of Object.entries(cases)) {
    it(`masks ${name}`, () => {
      expect(maskUrl(input)).toBe(expected);
    });
  }
});

describe('validateWebhook wording', () => {
  it('uses the front end field names', () => {
    const [error] = validateWebhook({ url: 'https://hooks.example.com/in', events: ['book.verified'], secretVersion: '2' }, { fieldName: (f) => (f === 'secretVersion' ? 'secret_version' : f) });
    expect(error.detail).toBe('secret_version is set but secret is not. Set secret as well, or remove secret_version.');
  });

  it('says there is no wildcard', () => {
    const [error] = validateWebhook({ url: 'https://hooks.example.com/in', events: ['book.*'] });
    expect(error.detail).toMatch(/^"book\.\*" is not an Ocrolus organization-level event\. Ocrolus has no wildcard events, so list each event by name\./);
  });
});
