import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { runCli } from '../../src/cli';
import { stopEmulators } from '../../src/cli/commands/emulator';
import { startEmulator } from '../../src/emulator';
import { credentials } from './helpers/fixture';
import { memoryIo } from './helpers/memory-io';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ocrolus-cli-emulator-'));
});

afterAll(async () => {
  await stopEmulators();
  await rm(dir, { recursive: true, force: true });
});

describe('emulator command', () => {
  it('serves the default organizations to the CLI', async () => {
    const started = memoryIo({ cwd: dir });

    expect(await runCli(['emulator', '--port', '0', '--data', 'emulator.json'], started)).toBe(0);

    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(started.stdoutText())?.[1];
    expect(url).toBeDefined();
    expect(started.stdoutText()).toContain('export OCROLUS_STAGING_CLIENT_ID=staging-client');
    expect(started.stdoutText()).not.toContain('staging-client-secret-0000');

    await writeFile(
      path.join(dir, 'webhooks.yaml'),
      ['version: 1', 'webhooks:', '  orders: { url: https://hooks.example.com/orders, events: [book.verified] }', 'environments:', '  staging:', credentials('staging')].join('\n'),
    );
    const env = {
      OCROLUS_STAGING_CLIENT_ID: 'staging-client',
      OCROLUS_STAGING_CLIENT_SECRET: 'staging-client-secret-0000',
      OCROLUS_STAGING_API_URL: url,
      OCROLUS_STAGING_AUTH_URL: `${url}/oauth/token`,
    };
    const apply = memoryIo({ cwd: dir, env });
    expect(await runCli(['apply'], apply)).toBe(0);
    expect(apply.stdoutText()).toContain('Environment staging: apply complete. 1 created, 0 updated, 0 deleted.');

    const plan = memoryIo({ cwd: dir, env });
    expect(await runCli(['plan', '--detailed-exitcode'], plan)).toBe(0);
  });

  it('rejects a data file in a missing directory', async () => {
    const io = memoryIo({ cwd: dir });

    expect(await runCli(['emulator', '--port', '0', '--data', 'missing/emulator.json'], io)).toBe(1);
    expect(io.stderrText()).toContain(`the directory ${path.join(dir, 'missing')} does not exist. Create it first`);
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('reports a port in use', async () => {
    const blocker = await startEmulator({ organizations: [] });
    const io = memoryIo({ cwd: dir });

    try {
      expect(await runCli(['emulator', '--port', String(blocker.port)], io)).toBe(1);
    } finally {
      await blocker.close();
    }
    expect(io.stderrText()).toBe(
      `Error: Cannot listen on 127.0.0.1:${blocker.port}: the port is already in use. Stop the process that uses it, choose another port, or use port 0 (--port 0) to let the system pick a free one.\n`,
    );
  });

  it('rejects an invalid port', async () => {
    const io = memoryIo({ cwd: dir });

    expect(await runCli(['emulator', '--port', 'eighty'], io)).toBe(1);
    expect(io.stderrText()).toContain('Expected a port number from 0 to 65535.');
  });
});
