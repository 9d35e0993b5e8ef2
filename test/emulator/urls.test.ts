import { deliveryRejection } from '../../src/emulator/deliveries';
import { checkWebhookUrl, isLoopbackHost, maskUrlPassword, normalizeUrl } from '../../src/emulator/urls';

describe('emulator URL rules', () => {
  test.each([
    ['https://Hooks.Example.COM/In/', 'https://hooks.example.com/In'],
    ['HTTPS://hooks.example.com:443/in', 'https://hooks.example.com/in'],
    ['http://hooks.example.com:80/', 'http://hooks.example.com'],
    ['http://hooks.example.com:8080/in/?a=1', 'http://hooks.example.com:8080/in?a=1'],
    ['https://User:Pass@HOOKS.example.com/in/', 'https://User:Pass@hooks.example.com/in'],
  ])('normalizeUrl %s', (raw, normalized) => {
    expect(normalizeUrl(raw)).toBe(normalized);
  });

  test.each([
    ['https://user:p4ss@hooks.example.com/in', 'https://user:***@hooks.example.com/in'],
    ['https://user:p@ss@hooks.example.com/in', 'https://user:***@hooks.example.com/in'],
    ['https://hooks.example.com/in?next=a:b@c', 'https://hooks.example.com/in?next=a:b@c'],
    ['not a url', 'not a url'],
  ])('maskUrlPassword %s', (raw, masked) => {
    expect(maskUrlPassword(raw)).toBe(masked);
  });

  test.each([
    ['https://hooks.example.com/in', undefined],
    ['http://[::1]:8080/in', undefined],
    ['https://hooks.-com/in', 'Invalid URL https://hooks.-com/in: the host has no top-level domain'],
    ['https://hooks.example.123/in', 'Invalid URL https://hooks.example.123/in: it cannot be parsed'],
    ['https://@hooks.example.com/in', 'Invalid URL https://@hooks.example.com/in: basic authentication credentials must include both a username and a password'],
    ['https://user:@hooks.example.com/in', 'Invalid URL https://user:***@hooks.example.com/in: basic authentication credentials must include both a username and a password'],
    ['https://', 'Invalid URL https://: it cannot be parsed'],
  ])('checkWebhookUrl %s', (raw, problem) => {
    expect(checkWebhookUrl(raw)).toBe(problem);
  });

  test.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.4.5.6', true],
    ['[::1]', true],
    ['[::ffff:7f00:1]', true],
    ['[::ffff:c000:201]', false],
    ['10.0.0.1', false],
    ['hooks.example.com', false],
    ['localhost.example.com', false],
  ])('isLoopbackHost %s', (hostname, loopback) => {
    expect(isLoopbackHost(hostname)).toBe(loopback);
  });

  test('deliveryRejection honours the deliveryHosts policy', () => {
    expect(deliveryRejection('loopback', '127.0.0.1')).toBeUndefined();
    expect(deliveryRejection('loopback', 'hooks.example.com')).toBe("Delivery to hooks.example.com rejected: the emulator sends deliveries only to loopback hosts unless deliveryHosts is 'any'");
    expect(deliveryRejection('any', 'hooks.example.com')).toBeUndefined();
  });
});
