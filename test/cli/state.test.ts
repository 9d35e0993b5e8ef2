import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';

import { StateStore, stateFilePath } from '../../src/cli/state';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ocrolus-cli-state-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('state store', () => {
  it('missing file is an empty state', async () => {
    const store = await StateStore.load(path.join(dir, 'state.json'));

    expect(store.existed).toBe(false);
    expect(store.bindings('staging')).toEqual([]);
  });

  it('saves and loads bindings per environment', async () => {
    const file = path.join(dir, 'state.json');
    const store = await StateStore.load(file);
    store.setBindings('staging', [{ name: 'orders', uuid: 'u-1', secretVersion: '2' }, { name: 'analytics', uuid: 'u-2' }]);
    store.setBindings('prod', [{ name: 'orders', uuid: 'u-3' }]);

    await store.save();

    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      version: 1,
      environments: {
        staging: { webhooks: { analytics: { uuid: 'u-2' }, orders: { uuid: 'u-1', secretVersion: '2' } } },
        prod: { webhooks: { orders: { uuid: 'u-3' } } },
      },
    });
    const reloaded = await StateStore.load(file);
    expect(reloaded.bindings('staging')).toEqual([{ name: 'analytics', uuid: 'u-2' }, { name: 'orders', uuid: 'u-1', secretVersion: '2' }]);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('names of Object members round-trip', async () => {
    const file = path.join(dir, 'state.json');
    const store = await StateStore.load(file);
    store.setBindings('staging', [{ name: 'constructor', uuid: 'u-1' }, { name: '__proto__', uuid: 'u-2' }]);

    await store.save();
    const reloaded = await StateStore.load(file);

    expect(reloaded.bindings('staging')).toEqual([{ name: '__proto__', uuid: 'u-2' }, { name: 'constructor', uuid: 'u-1' }]);
    expect(reloaded.bindings('constructor')).toEqual([]);
    expect(reloaded.bindings('toString')).toEqual([]);
  });

  it('concurrent saves keep the last state', async () => {
    const file = path.join(dir, 'state.json');
    const store = await StateStore.load(file);

    store.setBindings('staging', [{ name: 'a', uuid: '1' }]);
    const first = store.save();
    store.setBindings('prod', [{ name: 'b', uuid: '2' }]);
    await Promise.all([first, store.save()]);

    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).environments)).toEqual(['staging', 'prod']);
  });

  it('two runs merge their environments', async () => {
    const file = path.join(dir, 'state.json');
    const seed = await StateStore.load(file);
    seed.setBindings('staging', [{ name: 'orders', uuid: 'old-staging' }]);
    seed.setBindings('prod', [{ name: 'orders', uuid: 'old-prod' }]);
    await seed.save();

    // Both runs load the file before either writes, as two pipelines started together would.
    const stagingRun = await StateStore.load(file);
    const prodRun = await StateStore.load(file);
    stagingRun.setBindings('staging', [{ name: 'orders', uuid: 'new-staging' }]);
    prodRun.setBindings('prod', [{ name: 'orders', uuid: 'new-prod' }]);
    await Promise.all([stagingRun.save(), prodRun.save()]);

    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.environments.staging).toEqual({ webhooks: { orders: { uuid: 'new-staging' } } });
    expect(written.environments.prod).toEqual({ webhooks: { orders: { uuid: 'new-prod' } } });
    expect(Object.keys(written.environments)).toEqual(['staging', 'prod']);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('stale lock of a dead process is taken over', async () => {
    const file = path.join(dir, 'state.json');
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
    await writeFile(`${file}.lock`, JSON.stringify({ pid: deadPid, hostname: hostname(), createdAt: Date.now() }));
    const store = await StateStore.load(file, { timeoutMs: 60_000 });
    store.setBindings('staging', [{ name: 'orders', uuid: 'u-1' }]);

    await store.save();

    expect(JSON.parse(await readFile(file, 'utf8')).environments.staging).toEqual({ webhooks: { orders: { uuid: 'u-1' } } });
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('old lock of a live process is taken over', async () => {
    const file = path.join(dir, 'state.json');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: 'build-agent-7', createdAt: Date.now() - 120_000 }));
    const store = await StateStore.load(file, { timeoutMs: 60_000 });
    store.setBindings('staging', [{ name: 'orders', uuid: 'u-1' }]);

    await store.save();

    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('live lock makes a save wait', async () => {
    const file = path.join(dir, 'state.json');
    const lock = `${file}.lock`;
    await writeFile(lock, JSON.stringify({ pid: process.pid, hostname: hostname(), createdAt: Date.now() }));
    const store = await StateStore.load(file, { timeoutMs: 60_000 });
    store.setBindings('staging', [{ name: 'orders', uuid: 'u-1' }]);

    let saved = false;
    const saving = store.save().then(() => (saved = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(saved).toBe(false);
    expect(existsSync(file)).toBe(false);

    await rm(lock);
    await saving;
    expect(JSON.parse(await readFile(file, 'utf8')).environments.staging).toEqual({ webhooks: { orders: { uuid: 'u-1' } } });
  });

  it('lock held past the timeout fails the save', async () => {
    const file = path.join(dir, 'state.json');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname(), createdAt: Date.now() }));
    const store = await StateStore.load(file, { timeoutMs: 100 });
    store.setBindings('staging', [{ name: 'orders', uuid: 'u-1' }]);

    await expect(store.save()).rejects.toThrow(`The state file is locked by process ${process.pid} on ${hostname()} (lock file ${file}.lock)`);
    expect(existsSync(file)).toBe(false);
  });

  const invalid: Record<string, { content: string; message: string }> = {
    'not-json': { content: '{', message: 'is not valid JSON' },
    'other-version': { content: '{"version": 9, "environments": {}}', message: 'is not a version 1 state file of ocrolus-webhooks' },
    'binding-without-uuid': { content: '{"version": 1, "environments": {"staging": {"webhooks": {"orders": {}}}}}', message: 'has no uuid for webhook orders of environment staging' },
  };

  it.each(Object.entries(invalid))('%s is rejected', async (_name, { content, message }) => {
    const file = path.join(dir, 'state.json');
    await writeFile(file, content);

    await expect(StateStore.load(file)).rejects.toThrow(message);
  });

  it('defaults beside the declaration', () => {
    expect(stateFilePath(undefined, '/work', '/repo/infra/webhooks.yaml')).toBe('/repo/infra/ocrolus-webhooks.state.json');
    expect(stateFilePath('out/state.json', '/work', '/repo/infra/webhooks.yaml')).toBe('/work/out/state.json');
  });
});
