/**
 * The go-plugin handshake: the engine starts the provider with a magic cookie and the protocol
 * versions it speaks, and the provider replies with one line on stdout naming its address.
 */

/** Cookie every Terraform and OpenTofu provider is started with (go-plugin's handshake config). */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** go-plugin's core protocol version, the first field of the handshake line. */
export const CORE_PROTOCOL_VERSION = 1;
/** The plugin protocol this provider speaks. */
export const PLUGIN_PROTOCOL_VERSION = 6;

/**
 * Checks the environment the engine starts the provider with. Returns a short message for a person
 * who ran the executable by hand, or undefined when the engine started it.
 */
export function checkHandshakeEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return (
      'This is the Ocrolus provider for Terraform and OpenTofu, which starts it itself: it is not meant to be run directly.\n' +
      'Install it with `ocrolus-webhooks terraform install`, or run it with --debug and attach the engine through TF_REATTACH_PROVIDERS.\n'
    );
  }

  // Engines that predate version negotiation leave the variable out; they speak the default.
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  if (offered !== undefined && offered.trim() !== '') {
    const versions = offered.split(',').map((version) => Number(version.trim()));
    if (!versions.includes(PLUGIN_PROTOCOL_VERSION)) {
      return `The engine offers plugin protocol versions ${offered}, but this provider speaks only version ${PLUGIN_PROTOCOL_VERSION} (Terraform 1.0 and later, OpenTofu). Upgrade the engine.\n`;
    }
  }
  return undefined;
}

export interface HandshakeAddress {
  readonly network: 'unix' | 'tcp';
  readonly address: string;
  /** Server certificate for automatic mutual TLS, already in the handshake's base64 form. */
  readonly certificate?: string;
}

/** `1|6|unix|/tmp/plugin.sock|grpc|CERT`, without a certificate field in plaintext mode. */
export function handshakeLine(address: HandshakeAddress): string {
  const fields = [String(CORE_PROTOCOL_VERSION), String(PLUGIN_PROTOCOL_VERSION), address.network, address.address, 'grpc'];
  if (address.certificate !== undefined) fields.push(address.certificate);
  return fields.join('|');
}

/** Builds the TF_REATTACH_PROVIDERS value that attaches an engine to a provider started with --debug. */
export function reattachValue(providerAddresses: readonly string[], address: HandshakeAddress, pid: number): string {
  const entry = {
    Protocol: 'grpc',
    ProtocolVersion: PLUGIN_PROTOCOL_VERSION,
    Pid: pid,
    Test: true,
    Addr: { Network: address.network, String: address.address },
  };
  return JSON.stringify(Object.fromEntries(providerAddresses.map((providerAddress) => [providerAddress, entry])));
}
