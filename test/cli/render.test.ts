import type { Plan } from '../../src/core';
import { viewPlan } from '../../src/cli/plan-view';
import { renderPlan } from '../../src/cli/render-human';
import { renderApplyOutcome } from '../../src/cli/render-result';

const observed = {
  uuid: 'u-1',
  url: 'https://hooks.example.com/orders',
  description: null,
  active: true,
  events: ['book.verified'],
  eventUuids: {},
};

describe('human plan', () => {
  it('renders every kind of action and the summary', () => {
    const plan: Plan = {
      organization: 'staging',
      matched: [],
      unchanged: ['audit'],
      unmanaged: [{ ...observed, uuid: 'u-9', url: 'https://user:hunter2@other.example.com/x', active: false }],
      actions: [
        {
          kind: 'delete',
          name: 'u-5',
          uuid: 'u-5',
          changes: [],
          observed: { ...observed, uuid: 'u-5', url: 'https://ops:hunter2@legacy.example.com/hook', description: 'Legacy receiver', events: ['book.completed', 'book.verified'] },
          reason: 'not in the declaration, and prune is on',
        },
        { kind: 'deactivate', name: 'orders', uuid: 'u-1', changes: [{ field: 'active', before: true, after: false }] },
        {
          kind: 'update',
          name: 'orders',
          uuid: 'u-1',
          changes: [
            { field: 'url', before: 'https://hooks.example.com/orders', after: 'https://user:hunter2@hooks.example.com/v2' },
            { field: 'events', before: ['book.verified'], after: ['book.completed'] },
          ],
        },
        { kind: 'set-secret', name: 'orders', uuid: 'u-1', changes: [{ field: 'secret', before: '1', after: '2' }] },
        { kind: 'create', name: 'fresh', changes: [{ field: 'url', before: null, after: 'https://hooks.example.com/fresh' }, { field: 'active', before: null, after: true }] },
      ],
    };

    expect(renderPlan(viewPlan('staging', plan))).toBe(
      [
        'Environment staging:',
        '',
        '  - delete u-5',
        '      # not in the declaration, and prune is on',
        '      url         = "https://ops:***@legacy.example.com/hook"',
        '      description = "Legacy receiver"',
        '      events      = [book.completed, book.verified]',
        '      active      = true',
        '',
        '  ~ deactivate orders (u-1)',
        '      active = true -> false',
        '',
        '  ~ update orders (u-1)',
        '      url    = "https://hooks.example.com/orders" -> "https://user:***@hooks.example.com/v2"',
        '      events + book.completed',
        '      events - book.verified',
        '',
        '  ~ set secret orders (u-1)',
        '      secret = (sensitive) version 1 -> 2',
        '',
        '  + create fresh',
        '      url    = "https://hooks.example.com/fresh"',
        '      active = true',
        '',
        '  Note: 1 webhook in this organization is not declared and left alone (set "prune: true" to delete it):',
        '    u-9 https://user:***@other.example.com/x (inactive)',
        '',
        '  Plan: 1 to create, 1 to update, 1 to delete.',
        '',
      ].join('\n'),
    );
  });

  it('renders an empty plan as no changes', () => {
    const plan: Plan = { organization: 'prod', matched: [], unchanged: ['orders'], unmanaged: [], actions: [] };

    expect(renderPlan(viewPlan('prod', plan))).toBe('Environment prod:\n  No changes. Environment prod matches the declaration.\n');
    expect(renderPlan(viewPlan('prod', plan), 'destroy')).toBe('Environment prod:\n  No changes. Nothing to destroy: environment prod has no webhook that this declaration manages.\n');
  });
});

describe('apply outcome', () => {
  it('lists what was done and what was not', () => {
    const text = renderApplyOutcome({
      command: 'apply',
      environment: 'staging',
      planned: 4,
      completed: [{ kind: 'update', name: 'orders', uuid: 'u-1', changes: [] }],
      failed: [
        { kind: 'create', name: 'analytics', changes: [] },
        { kind: 'create', name: 'audit', changes: [] },
      ],
      notStarted: [{ kind: 'activate', name: 'fraud', uuid: 'u-3', changes: [] }],
      bindings: [{ name: 'orders', uuid: 'u-1' }],
    });

    expect(text).toBe(
      [
        'Environment staging: apply stopped with 1 of 4 actions done, 2 failed and 1 not started.',
        '  updated orders (u-1)',
        '  failed: create analytics',
        '  failed: create audit',
        '  not started: activate fraud (u-3)',
        '',
      ].join('\n'),
    );
  });

  it('counts webhooks, not actions', () => {
    const text = renderApplyOutcome({
      command: 'apply',
      environment: 'prod',
      completed: [
        { kind: 'create', name: 'new', uuid: 'u-2', changes: [] },
        { kind: 'deactivate', name: 'orders', uuid: 'u-1', changes: [] },
        { kind: 'update', name: 'orders', uuid: 'u-1', changes: [] },
      ],
      planned: 3,
      failed: [],
      notStarted: [],
      bindings: [],
    });

    expect(text.split('\n')[0]).toBe('Environment prod: apply complete. 1 created, 1 updated, 0 deleted.');
  });

  it('names destroy as such', () => {
    const text = renderApplyOutcome({
      command: 'destroy',
      environment: 'prod',
      planned: 1,
      completed: [{ kind: 'delete', name: 'orders', uuid: 'u-1', changes: [] }],
      failed: [],
      notStarted: [],
      bindings: [],
    });

    expect(text).toBe('Environment prod: destroy complete. 1 deleted.\n  deleted orders (u-1)\n');
  });
});
