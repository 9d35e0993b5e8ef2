import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
