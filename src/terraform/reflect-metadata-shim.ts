/**
 * The three Reflect metadata functions that tsyringe (a dependency of @peculiar/x509 2.x) calls,
 * installed only when no `reflect-metadata` polyfill is loaded. tsyringe refuses to load without
 * them, and the `reflect-metadata` package is not among this package's dependencies.
 *
 * NOTE: this covers defineMetadata, getOwnMetadata and getMetadata (own metadata, then the
 * prototype chain) for class targets without property keys, which is all tsyringe uses.
 */
type MetadataReflect = typeof Reflect & {
  getMetadata?: (key: unknown, target: object) => unknown;
  getOwnMetadata?: (key: unknown, target: object) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: object) => void;
};

export function installReflectMetadataShim(): void {
  const reflect = Reflect as MetadataReflect;
  if (typeof reflect.getMetadata === 'function') return;

  const store = new WeakMap<object, Map<unknown, unknown>>();

  reflect.defineMetadata = (key, value, target) => {
    let entries = store.get(target);
    if (!entries) {
      entries = new Map();
      store.set(target, entries);
    }
    entries.set(key, value);
  };

  reflect.getOwnMetadata = (key, target) => store.get(target)?.get(key);

  reflect.getMetadata = (key, target) => {
    for (let current: object | null = target; current !== null; current = Object.getPrototypeOf(current) as object | null) {
      const entries = store.get(current);
      if (entries?.has(key)) return entries.get(key);
    }
    return undefined;
  };
}
