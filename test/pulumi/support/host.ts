import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { REPO_ROOT } from './paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- the generated protobuf modules are untyped here */
const sdkRequire = createRequire(join(REPO_ROOT, 'node_modules', '@pulumi', 'pulumi', 'package.json'));
const grpc = sdkRequire('@grpc/grpc-js');
const providerGrpc = sdkRequire('./proto/provider_grpc_pb');
const providerProto = sdkRequire('./proto/provider_pb');
const structProto = sdkRequire('google-protobuf/google/protobuf/struct_pb');
const statusProto = sdkRequire('./proto/status_pb');

/** Path of the dynamic-provider host that `pulumi-resource-pulumi-nodejs` runs. */
export const HOST_SCRIPT = join(REPO_ROOT, 'node_modules', '@pulumi', 'pulumi', 'cmd', 'dynamic-provider', 'index.js');

/** Resource type token of `Webhook`, as `pulumi.dynamic.Resource` registers it. */
export const WEBHOOK_TYPE = 'pulumi-nodejs:dynamic/ocrolus:Webhook';

export type Properties = Record<string, unknown>;

export interface CheckReply {
  readonly inputs: Properties;
  readonly failures: Array<{ property: string; reason: string }>;
}

export interface DiffReply {
  /** `DIFF_UNKNOWN`, `DIFF_NONE` or `DIFF_SOME`. */
  readonly changes: 'DIFF_UNKNOWN' | 'DIFF_NONE' | 'DIFF_SOME';
  readonly replaces: string[];
  readonly deleteBeforeReplace: boolean;
}

export interface ReadReply {
  readonly id: string;
  readonly properties: Properties;
  readonly inputs?: Properties;
}

/**
 * The real dynamic-provider host of `@pulumi/pulumi`, started in its own process the way the
 * engine starts `pulumi-resource-pulumi-nodejs`, and driven over its gRPC interface.
 */
export interface ProviderHost {
  readonly port: number;
  /** Everything the host printed, stdout and stderr, for searching for leaked secrets. */
  output(): string;
  configure(config: Properties): Promise<void>;
  check(urn: string, olds: Properties, news: Properties): Promise<CheckReply>;
  diff(urn: string, id: string, olds: Properties, news: Properties): Promise<DiffReply>;
  create(urn: string, properties: Properties, preview?: boolean): Promise<{ id: string; properties: Properties }>;
  read(urn: string, id: string, properties: Properties, inputs?: Properties): Promise<ReadReply>;
  update(urn: string, id: string, olds: Properties, news: Properties): Promise<Properties>;
  delete(urn: string, id: string, properties: Properties): Promise<void>;
  close(): Promise<void>;
}

/** Options of `startProviderHost`. */
export interface HostOptions {
  /** Working folder of the host: the program's folder, where the engine starts it. */
  readonly cwd: string;
  /** Environment of the host process. */
  readonly env?: NodeJS.ProcessEnv;
}

/** URN of a `Webhook` named `name` in stack `test` of project `ocrolus-webhooks`. */
export function webhookUrn(name: string): string {
  return `urn:pulumi:test::ocrolus-webhooks::${WEBHOOK_TYPE}::${name}`;
}

/** Starts the host and connects a gRPC client to the port it prints. */
export async function startProviderHost(options: HostOptions): Promise<ProviderHost> {
  // The engine passes its own address as the one argument; the host requires it but the
  // resource calls driven here never use it.
  const child = spawn(process.execPath, [HOST_SCRIPT, '127.0.0.1:1'], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));

  const port = await readPort(child, chunks);
  const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = <T>(method: string, request: unknown): Promise<T> =>
    new Promise((resolve, reject) => client[method](request, (error: Error | null, reply: T) => (error ? reject(error) : resolve(reply))));

  return {
    port,
    output: () => chunks.join(''),

    async configure(config) {
      const request = new providerProto.ConfigureRequest();
      request.setArgs(toStruct(config));
      request.setAcceptsecrets(false);
      request.setAcceptresources(false);
      await call('configure', request);
    },

    async check(urn, olds, news) {
      const request = new providerProto.CheckRequest();
      request.setUrn(urn);
      request.setOlds(toStruct(olds));
      request.setNews(toStruct(news));
      const reply: any = await call('check', request);
      return {
        inputs: reply.getInputs()?.toJavaScript() ?? {},
        failures: reply.getFailuresList().map((failure: any) => ({ property: failure.getProperty(), reason: failure.getReason() })),
      };
    },

    async diff(urn, id, olds, news) {
      const request = new providerProto.DiffRequest();
      request.setUrn(urn);
      request.setId(id);
      request.setOlds(toStruct(olds));
      request.setNews(toStruct(news));
      const reply: any = await call('diff', request);
      const names: Record<number, DiffReply['changes']> = { 0: 'DIFF_UNKNOWN', 1: 'DIFF_NONE', 2: 'DIFF_SOME' };
      return { changes: names[reply.getChanges()], replaces: reply.getReplacesList(), deleteBeforeReplace: reply.getDeletebeforereplace() };
    },

    async create(urn, properties, preview = false) {
      const request = new providerProto.CreateRequest();
      request.setUrn(urn);
      request.setProperties(toStruct(properties));
      request.setPreview(preview);
      const reply: any = await call('create', request);
      return { id: reply.getId(), properties: reply.getProperties()?.toJavaScript() ?? {} };
    },

    async read(urn, id, properties, inputs) {
      const request = new providerProto.ReadRequest();
      request.setUrn(urn);
      request.setId(id);
      request.setProperties(toStruct(properties));
      if (inputs) request.setInputs(toStruct(inputs));
      const reply: any = await call('read', request);
      const replyInputs = reply.getInputs()?.toJavaScript();
      return { id: reply.getId(), properties: reply.getProperties()?.toJavaScript() ?? {}, ...(replyInputs ? { inputs: replyInputs } : {}) };
    },

    async update(urn, id, olds, news) {
      const request = new providerProto.UpdateRequest();
      request.setUrn(urn);
      request.setId(id);
      request.setOlds(toStruct(olds));
      request.setNews(toStruct(news));
      const reply: any = await call('update', request);
      return reply.getProperties()?.toJavaScript() ?? {};
    },

    async delete(urn, id, properties) {
      const request = new providerProto.DeleteRequest();
      request.setUrn(urn);
      request.setId(id);
      request.setProperties(toStruct(properties));
      await call('delete', request);
    },

    async close() {
      client.close();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Decodes the resource the host reported with a failed create or update, which the engine records
 * in state. It travels as `ErrorResourceInitFailed` in the gRPC status details. Returns undefined
 * for a plain failure.
 */
export function initFailure(error: unknown): { id: string; properties: Properties; reasons: string[] } | undefined {
  const metadata = (error as { metadata?: { get(key: string): Array<Buffer | string> } }).metadata;
  const [raw] = metadata?.get('grpc-status-details-bin') ?? [];
  if (!raw || typeof raw === 'string') return undefined;

  const status = statusProto.Status.deserializeBinary(new Uint8Array(raw));
  const [detail] = status.getDetailsList();
  if (!detail) return undefined;
  const failed = providerProto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
  return { id: failed.getId(), properties: failed.getProperties()?.toJavaScript() ?? {}, reasons: failed.getReasonsList() };
}

function toStruct(value: Properties): unknown {
  return structProto.Struct.fromJavaScript(JSON.parse(JSON.stringify(value)));
}

/** Waits for the first line on stdout, which is the port; fails with the host's stderr otherwise. */
function readPort(child: ChildProcess, stderr: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;

      child.stdout?.off('data', onData);
      // Later stdout output (console.log in the provider) is kept with stderr for the secret search.
      child.stdout?.on('data', (more: Buffer) => stderr.push(more.toString()));
      const port = Number(buffered.slice(0, newline).trim());
      if (Number.isInteger(port) && port > 0) resolve(port);
      else reject(new Error(`The provider host printed "${buffered.slice(0, newline)}" instead of a port.`));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The provider host exited with code ${code} before printing its port: ${stderr.join('')}`)));
  });
}
