import { X509Certificate } from 'node:crypto';

import * as grpc from '@grpc/grpc-js';

import { generatePluginCertificate } from '../../src/terraform/tls';
import type { PluginCertificate } from '../../src/terraform/tls';
import { ensureProviderBuilt } from './helpers/build';
import { connectPlugin, pemFromHandshake } from './helpers/grpc-client';
import { engineEnvironment, startProvider } from './helpers/provider-process';
import type { ProviderProcess } from './helpers/provider-process';

let engineCertificate: PluginCertificate;
let strangerCertificate: PluginCertificate;
const started: ProviderProcess[] = [];

beforeAll(async () => {
  ensureProviderBuilt();
  engineCertificate = await generatePluginCertificate();
  strangerCertificate = await generatePluginCertificate();
});

afterEach(() => {
  for (const provider of started.splice(0)) provider.kill();
});

async function start(env: NodeJS.ProcessEnv, args: string[] = []): Promise<ProviderProcess> {
  const provider = await startProvider(env, args);
  started.push(provider);
  return provider;
}

describe('handshake over mutual TLS', () => {
  test('line has six fields and a padding-free certificate', async () => {
    const provider = await start(engineEnvironment({ PLUGIN_CLIENT_CERT: engineCertificate.certPem }));
    const fields = provider.line.split('|');

    expect(fields).toHaveLength(6);
    expect(fields.slice(0, 3)).toEqual(['1', '6', 'unix']);
    expect(fields[3]).toMatch(/plugin\.sock$/);
    expect(fields[4]).toBe('grpc');
    expect(fields[5]).toMatch(/^[A-Za-z0-9+/]+$/);
  });

  test('certificate is a CA for localhost with an EC key', async () => {
    const provider = await start(engineEnvironment({ PLUGIN_CLIENT_CERT: engineCertificate.certPem }));
    const certificate = new X509Certificate(pemFromHandshake(provider.line.split('|')[5]));

    expect(certificate.subjectAltName).toBe('DNS:localhost');
    expect(certificate.ca).toBe(true);
    expect(certificate.publicKey.asymmetricKeyType).toBe('ec');
    expect(certificate.checkIssued(certificate)).toBe(true);
  });

  test('engine certificate is accepted', async () => {
    const provider = await start(engineEnvironment({ PLUGIN_CLIENT_CERT: engineCertificate.certPem }));
    const [, , network, address, , cert] = provider.line.split('|');
    const clients = connectPlugin(network, address, { serverCertPem: pemFromHandshake(cert), clientCertPem: engineCertificate.certPem, clientKeyPem: engineCertificate.keyPem });

    try {
      expect(await clients.health.Check({ service: 'plugin' })).toEqual({ status: 'SERVING' });
      const schema = await clients.provider.GetProviderSchema({});
      expect(Object.keys(schema.resource_schemas as object)).toEqual(['ocrolus_webhook']);
    } finally {
      clients.close();
    }
  });

  test('other client certificate is rejected', async () => {
    const provider = await start(engineEnvironment({ PLUGIN_CLIENT_CERT: engineCertificate.certPem }));
    const [, , network, address, , cert] = provider.line.split('|');
    const clients = connectPlugin(network, address, { serverCertPem: pemFromHandshake(cert), clientCertPem: strangerCertificate.certPem, clientKeyPem: strangerCertificate.keyPem });

    try {
      await expect(clients.health.Check({ service: 'plugin' })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    } finally {
      clients.close();
    }
  });

  test('plaintext client is rejected', async () => {
    const provider = await start(engineEnvironment({ PLUGIN_CLIENT_CERT: engineCertificate.certPem }));
    const [, , network, address] = provider.line.split('|');
    const clients = connectPlugin(network, address);

    try {
      await expect(clients.health.Check({ service: 'plugin' })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    } finally {
      clients.close();
    }
  });
});

describe('handshake in plaintext', () => {
  test('line has five fields and serves without TLS', async () => {
    const provider = await start(engineEnvironment());
    const fields = provider.line.split('|');
    const clients = connectPlugin(fields[2], fields[3]);

    try {
      expect(fields).toHaveLength(5);
      expect(await clients.health.Check({ service: '' })).toEqual({ status: 'SERVING' });
    } finally {
      clients.close();
    }
  });

  test('shutdown ends the process with code 0', async () => {
    const provider = await start(engineEnvironment());
    const [, , network, address] = provider.line.split('|');
    const clients = connectPlugin(network, address);

    try {
      await clients.controller.Shutdown({});
      expect(await provider.exited).toBe(0);
    } finally {
      clients.close();
    }
  });

  test('stdout carries only the handshake line', async () => {
    const provider = await start(engineEnvironment());
    const [, , network, address] = provider.line.split('|');
    const clients = connectPlugin(network, address);

    try {
      await clients.provider.GetProviderSchema({});
      await clients.provider.ValidateProviderConfig({ config: {} });
      await clients.provider.ConfigureProvider({ terraform_version: '1.6.3', config: {} });
      await clients.controller.Shutdown({});
      await provider.exited;
    } finally {
      clients.close();
    }

    expect(provider.stdout()).toBe(`${provider.line}\n`);
  });

  test('health of other services is NOT_FOUND', async () => {
    const provider = await start(engineEnvironment());
    const [, , network, address] = provider.line.split('|');
    const clients = connectPlugin(network, address);

    try {
      await expect(clients.health.Check({ service: 'other' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    } finally {
      clients.close();
    }
  });

  test('calls outside the served set are UNIMPLEMENTED', async () => {
    const provider = await start(engineEnvironment());
    const [, , , address] = provider.line.split('|');
    const client = new grpc.Client(`unix://${address}`, grpc.credentials.createInsecure());
    const identity = (bytes: Buffer) => bytes;

    try {
      // GetMetadata arrived in protocol 6.5 (Terraform 1.6); engines fall back when it is missing.
      const error = await new Promise<grpc.ServiceError | null>((resolve) =>
        client.makeUnaryRequest('/tfplugin6.Provider/GetMetadata', identity, identity, Buffer.alloc(0), (failure) => resolve(failure)),
      );
      expect(error?.code).toBe(grpc.status.UNIMPLEMENTED);
    } finally {
      client.close();
    }
  });
});

describe('start-up checks', () => {
  test('missing magic cookie exits 1 with a message', async () => {
    const provider = await start({ PATH: process.env.PATH });

    expect(await provider.exited).toBe(1);
    expect(provider.stdout()).toBe('');
    expect(provider.stderr()).toContain('not meant to be run directly');
  });

  test('wrong magic cookie exits 1', async () => {
    const provider = await start(engineEnvironment({ TF_PLUGIN_MAGIC_COOKIE: 'not-the-cookie' }));

    expect(await provider.exited).toBe(1);
    expect(provider.stdout()).toBe('');
  });

  test('protocol versions without 6 exit 1', async () => {
    const provider = await start(engineEnvironment({ PLUGIN_PROTOCOL_VERSIONS: '4,5' }));

    expect(await provider.exited).toBe(1);
    expect(provider.stderr()).toContain('speaks only version 6');
  });

  test('debug mode prints a reattach value', async () => {
    const provider = await start({ PATH: process.env.PATH }, ['--debug']);
    const reattach = JSON.parse(provider.line) as Record<string, { Protocol: string; ProtocolVersion: number; Pid: number; Addr: { Network: string; String: string } }>;

    expect(Object.keys(reattach).sort()).toEqual(['registry.opentofu.org/ocrolus/ocrolus', 'registry.terraform.io/ocrolus/ocrolus']);
    const entry = reattach['registry.terraform.io/ocrolus/ocrolus'];
    expect(entry).toMatchObject({ Protocol: 'grpc', ProtocolVersion: 6, Pid: provider.child.pid, Addr: { Network: 'unix' } });

    const clients = connectPlugin(entry.Addr.Network, entry.Addr.String);
    try {
      // A debug provider outlives the engine's shutdown request, so it can serve several runs.
      await clients.controller.Shutdown({});
      expect(await clients.health.Check({ service: 'plugin' })).toEqual({ status: 'SERVING' });
    } finally {
      clients.close();
    }
  });
});
