import { EmulatorInputError } from './errors';
import type { Fault, RouteName } from './types';

const ROUTE_NAMES: readonly (RouteName | '*')[] = ['token', 'add', 'list', 'retrieve', 'update', 'delete', 'events', 'test', 'rotate-secret', '*'];
const KINDS: readonly Fault['kind'][] = ['status', 'latency', 'drop', 'commit-then-timeout'];

/** Default hold of a commit-then-timeout fault, in milliseconds: longer than any client timeout. */
export const DEFAULT_HOLD_MS = 60000;

/** The faults that apply to one request. */
export interface FaultSelection {
  /** Total delay of the matching latency faults, in milliseconds. */
  readonly latencyMs: number;
  /** The first matching fault of another kind, which decides the outcome. */
  readonly outcome?: Exclude<Fault, { kind: 'latency' }>;
}

interface ArmedFault {
  readonly fault: Fault;
  remaining: number;
}

/**
 * The injected faults, in injection order. Each fault applies to its next `count` matching
 * requests: every matching latency fault adds its delay, and the first matching fault of another
 * kind decides the outcome.
 */
export class FaultRegistry {
  private armed: ArmedFault[] = [];

  /** Validates and adds a fault; throws EmulatorInputError when it is malformed. */
  add(fault: unknown): Fault {
    const checked = checkFault(fault);
    this.armed.push({ fault: checked, remaining: checked.count ?? 1 });
    return checked;
  }

  clear(): void {
    this.armed = [];
  }

  /** Lists the faults not used up yet, with their remaining counts. */
  list(): Fault[] {
    return this.armed.map(({ fault, remaining }) => ({ ...fault, count: remaining }));
  }

  /** Selects the faults for a request and uses up one count of each. */
  take(route: RouteName, organization: string | undefined): FaultSelection {
    let latencyMs = 0;
    let outcome: FaultSelection['outcome'];

    for (const entry of this.armed) {
      const { fault } = entry;
      const matches = (fault.route === '*' || fault.route === route) && (fault.organization === undefined || fault.organization === organization);
      if (!matches) {
        continue;
      }

      if (fault.kind === 'latency') {
        latencyMs += fault.ms;
        entry.remaining -= 1;
      } else if (outcome === undefined) {
        outcome = fault;
        entry.remaining -= 1;
      }
    }

    this.armed = this.armed.filter((entry) => entry.remaining > 0);
    return { latencyMs, outcome };
  }
}

/** Checks the shape of a fault from the programmatic API or the admin endpoint. */
function checkFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorInputError('A fault must be a JSON object with "kind" and "route".');
  }
  const fault = value as Record<string, unknown>;

  if (!KINDS.includes(fault.kind as Fault['kind'])) {
    throw new EmulatorInputError(`Fault "kind" must be one of ${KINDS.join(', ')}; got ${JSON.stringify(fault.kind)}.`);
  }
  if (!ROUTE_NAMES.includes(fault.route as RouteName)) {
    throw new EmulatorInputError(`Fault "route" must be one of ${ROUTE_NAMES.join(', ')}; got ${JSON.stringify(fault.route)}.`);
  }
  checkOptionalField(fault, 'count', (count) => Number.isInteger(count) && (count as number) >= 1, 'a positive integer');
  checkOptionalField(fault, 'organization', (organization) => typeof organization === 'string', 'a string');

  switch (fault.kind) {
    case 'status':
      checkField(fault, 'status', (status) => Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599, 'an HTTP error status from 400 to 599');
      checkOptionalField(fault, 'code', (code) => Number.isInteger(code), 'an integer');
      checkOptionalField(fault, 'message', (message) => typeof message === 'string', 'a string');
      break;
    case 'latency':
      checkField(fault, 'ms', (ms) => typeof ms === 'number' && Number.isFinite(ms) && ms >= 0, 'a non-negative number of milliseconds');
      break;
    case 'commit-then-timeout':
      checkOptionalField(fault, 'holdMs', (holdMs) => typeof holdMs === 'number' && Number.isFinite(holdMs) && holdMs >= 0, 'a non-negative number of milliseconds');
      break;
  }
  return { ...fault } as Fault;
}

function checkField(fault: Record<string, unknown>, field: string, valid: (value: unknown) => boolean, expected: string): void {
  if (!valid(fault[field])) {
    throw new EmulatorInputError(`Fault field "${field}" must be ${expected}; got ${JSON.stringify(fault[field])}.`);
  }
}

function checkOptionalField(fault: Record<string, unknown>, field: string, valid: (value: unknown) => boolean, expected: string): void {
  if (fault[field] !== undefined) {
    checkField(fault, field, valid, expected);
  }
}
