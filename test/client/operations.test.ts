import { OcrolusValidationError } from '../../src/client';
import { envelope, mockSetup, PREFIX, rejectionOf, wireWebhook } from './helpers';

interface Recorded {
  method: string;
  path: string;
  body: unknown;
}

/** Replies to one request on `path` with `reply` and records the request. */
function serve(setup: ReturnType<typeof mockSetup>, method: string, path: string, reply: unknown, recorded: Recorded[], status = 200): void {
  setup.api.intercept({ path: `${PREFIX}${path}`, method }).reply((request) => {
    recorded.push({ method, path, body: request.body === undefined || request.body === null ? undefined : JSON.parse(String(request.body)) });
    return { statusCode: status, data: typeof reply === 'string' ? reply : JSON.stringify(reply) };
  });
}

describe('addWebhook', () => {
  test('sends webhook and events', async () => {
    const setup = mockSetup();
    const recorded: Recorded[] = [];
    serve(setup, 'POST', '/webhook', envelope({ uuid: 'w1' }), recorded);

    const result = await setup.client.addWebhook({ url: 'https://a.example.com/x', description: 'Orders', isActive: false, eventNames: ['book.verified', 'book.completed'] });

    expect(result).toEqual({ uuid: 'w1' });
    expect(recorded).toEqual([
      {
        method: 'POST',
        path: '/webhook',
        body: { webhook: { url: 'https://a.example.com/x', description: 'Orders', is_active: false }, event_names: ['book.verified', 'book.completed'] },
      },
    ]);
  });

  test('omits unset fields', async () => {
    const setup = mockSetup();
    const recorded: Recorded[] = [];
    serve(setup, 'POST', '/webhook', envelope({ uuid: 'w1' }, '200'), recorded);

    await setup.client.addWebhook({ url: 'https://a.example.com/x', eventNames: [] });

    expect(recorded[0].body).toEqual({ webhook: { url: 'https://a.example.com/x' }, event_names: [] });
  });

  test('whole webhook response', async () => {
    const setup = mockSetup();
    serve(setup, 'POST', '/webhook', envelope({ uuid: 'w1', url: 'https://a.example.com/x', description: null, is_active: true }), []);

    const result = await setup.client.addWebhook({ url: 'https://a.example.com/x', eventNames: ['book.verified'] });

    expect(result).toEqual({ uuid: 'w1', webhook: { uuid: 'w1', url: 'https://a.example.com/x', description: null, isActive: true } });
  });
});

describe('reads', () => {
  test('list without timestamps', async () => {
    const setup = mockSetup();
    serve(setup, 'GET', '/webhooks', envelope({ webhooks: [{ uuid: 'w1', url: 'https://a.example.com/x', description: null, is_active: false }] }), []);

    const webhooks = await setup.client.listWebhooks();

    expect(webhooks).toEqual([{ uuid: 'w1', url: 'https://a.example.com/x', description: null, isActive: false }]);
  });

  test('get encodes the uuid', async () => {
    const setup = mockSetup();
    const recorded: Recorded[] = [];
    serve(setup, 'GET', '/webhook/a%2Fb%3Fc', envelope(wireWebhook('a/b?c', 'https://a.example.com/x')), recorded);

    const webhook = await setup.client.getWebhook('a/b?c');

    expect(webhook.uuid).toBe('a/b?c');
    expect(recorded).toHaveLength(1);
  });

  test('events mapped to camel case', async () => {
    const setup = mockSetup();
    serve(
      setup,
      'GET',
      '/webhook/w1/events',
      envelope({
        events: [
          { uuid: 'e1', name: 'book.verified', is_active: true, type: 'STATUS', severity: 'MODERATE', reason: null, description: 'Book verified' },
          { uuid: 'e2', name: 'document.upload_failed' },
        ],
      }),
      [],
    );

    const events = await setup.client.listWebhookEvents('w1');

    expect(events).toEqual([
      { uuid: 'e1', name: 'book.verified', isActive: true, type: 'STATUS', severity: 'MODERATE', reason: null, description: 'Book verified' },
      { uuid: 'e2', name: 'document.upload_failed' },
    ]);
  });
});

describe('writes', () => {
  test('update sends only set fields', async () => {
    const setup = mockSetup();
    const recorded: Recorded[] = [];
    serve(setup, 'POST', '/webhook/w1/update', envelope({}), recorded);
    serve(setup, 'POST', '/webhook/w1/update', envelope(null), recorded);

    await setup.client.updateWebhook('w1', { url: 'https://b.example.com/', description: null });
    await setup.client.updateWebhook('w1', { eventNames: ['book.completed'] });

    expect(recorded.map((request) => request.body)).toEqual([
      { webhook: { url: 'https://b.example.com/', description: null } },
      { event_names: ['book.completed'] },
    ]);
  });

  test('empty update rejected locally', async () => {
    const setup = mockSetup();

    const error = await rejectionOf(setup.client.updateWebhook('w1', {}));

    expect(error).toBeInstanceOf(OcrolusValidationError);
    expect(setup.client.stats().requests).toBe(0);
  });

  test('activate and deactivate bodies', async () => {
    const setup = mockSetup();
    const recorded: Recorded[] = [];
    serve(setup, 'POST', '/webhook/w1/update', envelope({}), recorded);
    serve(setup, 'POST', '/webhook/w1/update', '', recorded);

    await setup.client.activateWebhook('w1');
    await setup.client.deactivateWebhook('w1');

    expect(recorded.map((request) => request.body)).toEqual([{ webhook: { is_active: true } }, { webhook: { is_active: false } }]);
    expect(setup.logs.filter((record) => record.event === 'request').map((record) => record.operation)).toEqual(['activateWebhook', 'deactivateWebhook']);
  });

  test('delete with empty and null responses', async () => {
    const setup = mockSetup();
    const recorded: Recorded[] = [];
    serve(setup, 'DELETE', '/webhook/w1/delete', envelope({}), recorded);
    serve(setup, 'DELETE', '/webhook/w2/delete', envelope(null, '200'), recorded);

    await setup.client.deleteWebhook('w1');
    await setup.client.deleteWebhook('w2');

    expect(recorded.map((request) => request.path)).toEqual(['/webhook/w1/delete', '/webhook/w2/delete']);
  });

  test('rotate secret success word', async () => {
    const setup = mockSetup();
    const recorded: Recorded[] = [];
    serve(setup, 'POST', '/webhook/w1/rotate-secret', { status: 'success', message: 'Secret key updated' }, recorded);

    await setup.client.rotateSecret('w1', 'sixteen-chars-ok');

    expect(recorded[0].body).toEqual({ secret_key: 'sixteen-chars-ok' });
  });

  test('rotate secret length checked', async () => {
    const setup = mockSetup();

    const short = await rejectionOf(setup.client.rotateSecret('w1', 'x'.repeat(15)));
    const long = await rejectionOf(setup.client.rotateSecret('w1', 'x'.repeat(129)));

    expect(short).toBeInstanceOf(OcrolusValidationError);
    expect(long.message).toContain('the signing secret has 129 characters, but it must have 16 to 128');
    expect(setup.client.stats().requests).toBe(0);
  });
});

describe('testWebhook', () => {
  test('request uuid response', async () => {
    const setup = mockSetup();
    const recorded: Recorded[] = [];
    serve(setup, 'POST', '/webhook/w1/test', envelope({ uuid: 'request-1' }), recorded);

    const result = await setup.client.testWebhook('w1', 'e1');

    expect(result).toEqual({ requestUuid: 'request-1' });
    expect(recorded[0].body).toEqual({ event_uuid: 'e1' });
  });

  test('sample payload response', async () => {
    const setup = mockSetup();
    const payload = { event_name: 'book.verified', severity: 'MODERATE', book_uuid: 'b1' };
    serve(setup, 'POST', '/webhook/w1/test', envelope(payload), []);

    const result = await setup.client.testWebhook('w1', 'e1');

    expect(result).toEqual({ payload });
  });

  test('delivery report', async () => {
    const setup = mockSetup();
    const delivery = { status: 200, headers: { 'content-type': 'application/json', 'webhook-timestamp': '1700000000' }, body: '{"event_name":"book.verified"}' };
    serve(setup, 'POST', '/webhook/w1/test', envelope({ event_name: 'book.verified', delivery }), []);

    const result = await setup.client.testWebhook('w1', 'e1');

    expect(result).toEqual({ payload: { event_name: 'book.verified' }, delivery });
  });

  test('delivery beside the response', async () => {
    const setup = mockSetup();
    serve(setup, 'POST', '/webhook/w1/test', { ...envelope({ uuid: 'request-1' }), delivery: { error: 'connect ECONNREFUSED 127.0.0.1:1' } }, []);

    const result = await setup.client.testWebhook('w1', 'e1');

    expect(result).toEqual({ requestUuid: 'request-1', delivery: { error: 'connect ECONNREFUSED 127.0.0.1:1' } });
  });
});
