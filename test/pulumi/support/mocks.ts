import * as pulumi from '@pulumi/pulumi';
import * as settings from '@pulumi/pulumi/runtime/settings';

/** The secret marker of the Pulumi wire format: `{[SECRET_SIG]: SECRET_VALUE, value}`. */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';

/** One RegisterResource call as the program sent it to the (mocked) engine. */
export interface RegisteredResource {
  readonly type: string;
  readonly name: string;
  /** Inputs as sent, secrets still wrapped. */
  readonly object: Record<string, unknown>;
  readonly additionalSecretOutputs: string[];
  readonly aliases: unknown[];
}

/** True when a wire value is a wrapped secret. */
export function isWireSecret(value: unknown): boolean {
  return typeof value === 'object' && value !== null && SECRET_SIG in value;
}

/**
 * Runs programs against `pulumi.runtime.setMocks`, recording each RegisterResource request so
 * that tests can check what reaches the engine: the secret wrappers and resource options that the
 * mocks' `newResource` callback does not show. Resources get their inputs back as state, plus a
 * uuid and `isActive`.
 */
export async function useMocks(stack: string, config: Record<string, string> = {}): Promise<RegisteredResource[]> {
  const registered: RegisteredResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: `uuid-${args.name}`, state: { ...args.inputs, uuid: `uuid-${args.name}`, isActive: args.inputs.active ?? true } }),
      call: (args) => args.inputs,
    },
    'ocrolus-webhooks',
    stack,
    false,
  );
  pulumi.runtime.setAllConfig(config);

  /* eslint-disable @typescript-eslint/no-explicit-any -- the monitor is the SDK's untyped gRPC stub */
  const monitor = settings.getMonitor() as any;
  const registerResource = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: any, callback: unknown) => {
    registered.push({
      type: request.getType(),
      name: request.getName(),
      object: request.getObject()?.toJavaScript() ?? {},
      additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
      aliases: request.getAliasesList().map((alias: any) => alias.toObject()),
    });
    return registerResource(request, callback);
  };
  return registered;
}

/** The value of an output, once the mocked engine has resolved it. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}
