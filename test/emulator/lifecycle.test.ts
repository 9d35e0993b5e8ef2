import { ACME, GLOBEX, callApi, startTestEmulator, tokenFor } from './helpers';
import { startEmulator } from '../../src/emulator';
import type { Emulator } from '../../src/emulator';

describe('emulator webhook lifecycle', () => {
  let emulator: Emulator;

  beforeEach(async () => {
    emulator = await startTestEmulator();
  });

  afterEach(async () => {
    await emulator.close();
  });

  test('add, list, update, delete round trip', async () => {
    const token = await tokenFor(emulator);

    const added = await callApi(emulator, token, 'POST', '/webhook', {
      webhook: { url: 'https://hooks.example.com/orders', description: 'Orders service' },
      event_names: ['book.verified', 'book.completed'],
    });
    expect(added.status).toBe(200);
    const uuid = added.body.response.uuid;
    expect(typeof uuid).toBe('string');

    const updated = await callApi(emulator, token, 'POST', `/webhook/${uuid}/update`, { webhook: { is_active: false }, event_names: ['document.upload_failed'] });
    expect(updated.body).toEqual({ status: 200, message: 'OK', response: {} });

    const [stored] = emulator.webhooks('acme');
    expect(stored).toMatchObject({ uuid, url: 'https://hooks.example.com/orders', description: 'Orders service', isActive: false, events: ['document.upload_failed'] });

    const deleted = await callApi(emulator, token, 'DELETE', `/webhook/${uuid}/delete`);
    expect(deleted.status).toBe(200);
    expect(emulator.webhooks('acme')).toEqual([]);
  });

  test('port in use is named', async () => {
    await expect(startEmulator({ port: emulator.port })).rejects.toThrow(`Cannot listen on 127.0.0.1:${emulator.port}: the port is already in use.`);
  });

  test('organizations are isolated', async () => {
    const acmeToken = await tokenFor(emulator, ACME);
    const globexToken = await tokenFor(emulator, GLOBEX);

    await callApi(emulator, acmeToken, 'POST', '/webhook', { webhook: { url: 'https://hooks.example.com/a' }, event_names: ['book.verified'] });

    const listed = await callApi(emulator, globexToken, 'GET', '/webhooks');
    expect(listed.body.response).toEqual({ webhooks: [] });
    expect(emulator.webhooks('acme')).toHaveLength(1);
    expect(emulator.requests('globex').map((entry) => entry.route)).toEqual(['token', 'list']);
  });
});
