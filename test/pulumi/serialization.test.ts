import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';

import { buildPackage } from './support/package';
import type { BuiltPackage } from './support/package';
import { serializeProvider } from './support/serialize';
import type { SerializedProvider } from './support/serialize';

const PLANTED = {
  OCROLUS_CLIENT_ID: 'planted-client-id-5b1f',
  OCROLUS_CLIENT_SECRET: 'planted-client-secret-9c2e7d',
  OCROLUS_API_URL: 'http://127.0.0.1:9',
  OCROLUS_AUTH_URL: 'http://127.0.0.1:9/oauth/token',
};

/** Loads the serialized text the way the host does (require-from-string) in a fresh Node process in `cwd`, and runs `script` on it. */
function loadInFreshProcess(text: string, cwd: string, script: string): string {
  const program = `
    const requireFromString = require(${JSON.stringify(require.resolve('require-from-string'))});
    const provider = requireFromString(process.env.PROVIDER_TEXT).handler();
    (async () => { ${script} })().catch((error) => { console.error(String(error && error.stack || error)); process.exit(1); });
  `;
  return execFileSync(process.execPath, ['-e', program], { cwd, env: { PATH: process.env.PATH, PROVIDER_TEXT: text }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('serialized provider', () => {
  let pkg: BuiltPackage;
  let serialized: SerializedProvider;

  beforeAll(() => {
    pkg = buildPackage();
    serialized = serializeProvider(pkg, { ...process.env, ...PLANTED });
  });

  test('stays small', () => {
    expect(serialized.text.length).toBeLessThan(6000);
  });

  test('captures no credential', () => {
    for (const value of Object.values(PLANTED)) expect(serialized.text).not.toContain(value);
    expect(serialized.containsSecrets).toBe(false);
  });

  test('captures no client or library code', () => {
    expect(serialized.text).not.toMatch(/undici|OcrolusClient|validateWebhook|planWebhook/);
    expect(serialized.text).toContain('"ocrolus-webhooks/pulumi"');
  });

  test('loads in a program inside the package', () => {
    const output = loadInFreshProcess(serialized.text, pkg.insideProgram, `
      const methods = ['configure', 'check', 'diff', 'create', 'read', 'update', 'delete'].filter((name) => typeof provider[name] === 'function');
      const checked = await provider.check({}, { name: 'orders', url: 'https://hooks.example.com/orders', events: ['book.verified', 'book.completed', 'book.verified'] });
      console.log(JSON.stringify({ methods, checked }));
    `);

    expect(JSON.parse(output)).toEqual({
      methods: ['configure', 'check', 'diff', 'create', 'read', 'update', 'delete'],
      checked: { inputs: { name: 'orders', url: 'https://hooks.example.com/orders', events: ['book.completed', 'book.verified'], active: true } },
    });
  });

  test('loads in a nested package folder', () => {
    const output = loadInFreshProcess(serialized.text, pkg.nestedProgram, `
      const checked = await provider.check({}, { name: 'orders', url: 'https://hooks.example.com/orders', events: ['book.verifed'] });
      console.log(JSON.stringify(checked.failures.map((failure) => failure.property)));
    `);

    expect(JSON.parse(output)).toEqual(['events']);
  });

  test('names the fix when the package is missing', () => {
    const attempt = () => loadInFreshProcess(serialized.text, tmpdir(), `await provider.check({}, {});`);

    expect(attempt).toThrow(/cannot load ocrolus-webhooks\/pulumi from .* Add ocrolus-webhooks to the dependencies of the Pulumi program/);
  });

  test('loads in a program that depends on the package', () => {
    const output = loadInFreshProcess(serialized.text, pkg.dependentProgram, `
      const checked = await provider.check({}, { name: 'orders', url: 'hooks.example.com/orders', events: ['book.verified'] });
      console.log(JSON.stringify(checked.failures.map((failure) => failure.property)));
    `);

    expect(JSON.parse(output)).toEqual(['url']);
  });
});
