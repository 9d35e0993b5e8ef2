/**
 * Log lines of the provider process. go-plugin reads the plugin's stderr and parses lines in
 * hclog's JSON form (`@level`, `@message`, `@timestamp`), so these show up in the engine's log
 * (TF_LOG=debug) at the right level. stdout is reserved for the handshake line.
 */

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export type PluginLogger = (level: LogLevel, message: string, fields?: LogFields) => void;

/** Writes one JSON line per record to stderr. Callers pass allow-listed fields only, never a secret. */
export const stderrLogger: PluginLogger = (level, message, fields = {}) => {
  const record: Record<string, unknown> = { '@level': level, '@message': message, '@module': 'ocrolus', '@timestamp': hclogTimestamp(new Date()) };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) record[key] = value;
  }
  process.stderr.write(`${JSON.stringify(record)}\n`);
};

/** A logger that drops everything, for tests and in-process servers. */
export const silentLogger: PluginLogger = () => undefined;

/** go-plugin parses timestamps with six fractional digits and rejects the line otherwise. */
function hclogTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
