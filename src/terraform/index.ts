/**
 * The Ocrolus provider for Terraform and OpenTofu (plugin protocol 6), its schemas, and the
 * installer that makes an engine find it. Heavy modules (gRPC, the client, the core) load lazily.
 */
export { main } from './main';
export { servePlugin } from './plugin-server';
export type { RunningPlugin, ServeOptions } from './plugin-server';
export { installTerraformProvider, platformName } from './install';
export type { InstallMode, InstallOptions, InstallResult } from './install';
export { handshakeLine, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSION } from './handshake';
export * from './schema';
