import { webcrypto } from 'node:crypto';


/** A certificate and its private key, both PEM, plus the DER bytes for the handshake line. */
export interface PluginCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  readonly der: Buffer;
}

/** go-plugin's own certificates are valid for 30 years; this plugin's live as long as its process. */
const VALIDITY_MS = 30 * 24 * 60 * 60 * 1000;
/** Backdating absorbs clock skew between the engine and the plugin. */
const BACKDATE_MS = 30 * 1000;

/**
 * Generates the self-signed certificate of automatic mutual TLS: ECDSA P-256, DNS name
 * `localhost` (the server name go-plugin verifies), CA flag set, and both server and client
 * authentication usages, as go-plugin's own certificates have.
 */
export async function generatePluginCertificate(): Promise<PluginCertificate> {
  // @peculiar/x509 depends on tsyringe, which needs the Reflect metadata polyfill loaded first.
  require('reflect-metadata');
  const x509 = require('@peculiar/x509') as typeof import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();

  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=localhost, O=Ocrolus Terraform provider',
    notBefore: new Date(now - BACKDATE_MS),
    notAfter: new Date(now + VALIDITY_MS),
    signingAlgorithm: algorithm,
    keys: keys as unknown as import('@peculiar/x509').X509CertificateCreateSelfSignedParams['keys'],
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyCertSign, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }]),
    ],
  });

  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    certPem: certificate.toString('pem'),
    keyPem: pemBlock('PRIVATE KEY', pkcs8),
    der: Buffer.from(certificate.rawData),
  };
}

/** Encodes the handshake line's certificate field: DER in standard base64 without `=` padding. */
export function handshakeCertificate(der: Buffer): string {
  return der.toString('base64').replace(/=+$/, '');
}

function pemBlock(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
