/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectRefused", "fc.assert"] }] */
import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  buildPlacementIndex,
  DEFAULT_COMPLIANCE_RULES,
  DEFAULT_PLACEMENT_CONFIG,
  evaluatePlacement,
  parsePlacementRequest,
  PriceBook,
} from '@internal/plugin-multicloud-common';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createEditAction } from './actions/edit/createEditAction';
import { createCheckoutAction } from './actions/gitops/createCheckoutAction';
import { createPublishAction } from './actions/gitops/createPublishAction';
import { createRecommendAction } from './actions/recommend/createRecommendAction';
import { createRenderAction } from './actions/render/createRenderAction';
import { createLinkClustersAction } from './actions/service/createLinkClustersAction';
import { createValidateAction } from './actions/validate/createValidateAction';
import { clusterInput } from './__testUtils__/clusterInputs';
import { fakeFleet } from './__testUtils__/fakeFleet';
import { outputsOf, tempDir } from './__testUtils__/workspace';

/**
 * Bad input to every `multicloud:*` action, generated (fast-check) and hand-written: an action
 * either succeeds or fails with a client error that says what was wrong (an InputError, or a
 * NotFoundError / ConflictError about the repository; never a TypeError or a crash deep
 * inside), and a refused input writes nothing: not the workspace, not the GitOps repository's
 * refs, not a file outside the workspace.
 */
const CLIENT_ERRORS = ['InputError', 'NotFoundError', 'ConflictError'];
jest.setTimeout(60_000);

const RUNS = 15;
const prices = new PriceBook();

/** A placement backend in process: the real engine over an empty fleet. */
const placement = {
  async evaluate(request: unknown) {
    const parsed = parsePlacementRequest(request);
    if (!parsed.success) {
      throw new InputError(parsed.errors.map(e => e.message).join('; '));
    }
    return evaluatePlacement(
      buildPlacementIndex([], prices),
      parsed.request,
      DEFAULT_PLACEMENT_CONFIG,
    );
  },
};

/** Template values that have broken paths, refs, YAML and markdown before. */
const NASTY = [
  '',
  ' ',
  '.',
  '..',
  '../..',
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows',
  'clusters/../../outside',
  '.git/config',
  'main',
  'refs/heads/main',
  '-x',
  'a.lock',
  'x\ny',
  'key: value\n- item',
  '{{ 7*7 }}',
  '${{ secrets.token }}',
  '$(touch /tmp/pwned)',
  '<script>alert(1)</script>',
  '\u0000',
  '\u202e',
  '🙂',
  '__proto__',
  'constructor',
  'a'.repeat(5000),
];

const value = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A valid input with one field replaced, dropped, or an extra (prototype) key added. */
function mutations(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...keys), value)
      .map(([key, v]) => ({ ...valid, [key]: v })),
    fc.constantFrom(...keys).map(key => {
      const { [key]: _dropped, ...rest } = valid;
      return rest;
    }),
    fc
      .tuple(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'),
        value,
      )
      .map(([key, v]) => ({ ...valid, [key]: v })),
  );
}

describe('bad input to every multicloud:* action', () => {
  let workspace: ReturnType<typeof tempDir>;
  let outside: ReturnType<typeof tempDir>;
  let repositoryPath: string;
  const gitops = { repositoryPath: '', baseBranch: 'main' };

  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', repositoryPath, ...args], {
      encoding: 'utf8',
    });

  /** Every file under the workspace and beside it, with its content hash, and every git ref. */
  const state = () => {
    const files = (root: string) =>
      fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => {
          const file = path.join(entry.parentPath, entry.name);
          const hash = createHash('sha1')
            .update(fs.readFileSync(file))
            .digest('hex');
          return `${path.relative(root, file)} ${hash}`;
        })
        .sort();
    return {
      workspace: files(workspace.dir),
      outside: files(outside.dir).filter(f => !f.startsWith('gitops.git/')),
      refs: git('for-each-ref', '--format=%(refname) %(objectname)'),
    };
  };

  const actions = {
    recommend: createRecommendAction({ placement }),
    render: createRenderAction({ prices }),
    validate: createValidateAction({
      fleet: fakeFleet([]),
      rules: DEFAULT_COMPLIANCE_RULES,
      prices,
    }),
    edit: createEditAction(),
    link: createLinkClustersAction(),
    checkout: createCheckoutAction({ gitops }),
    publish: createPublishAction({ gitops }),
  };
  type Name = keyof typeof actions;

  const run = async (name: Name, input: unknown) => {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.dir,
      logger: mockServices.logger.mock(),
    });
    await (actions[name] as any).handler(ctx);
    return outputsOf(ctx);
  };

  let valid: Record<Name, Record<string, unknown>>;

  beforeAll(async () => {
    workspace = tempDir('bad-input-ws-');
    outside = tempDir('bad-input-out-');
    repositoryPath = path.join(outside.dir, 'gitops.git');
    gitops.repositoryPath = repositoryPath;
    const rendered = await run('render', clusterInput({ targetPath: 'out' }));
    fs.writeFileSync(
      path.join(workspace.dir, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\nspec:\n  type: service\n',
    );
    valid = {
      recommend: { cpu: 2, memory: 4, environment: 'production' },
      render: clusterInput({ targetPath: 'out' }),
      validate: { path: rendered.path, checkFleet: true },
      edit: { path: rendered.path, kubernetesVersion: 'v1.34.0' },
      link: {
        entityRef: 'component:default/payments-api',
        clusters: ['resource:default/payments-prod'],
      },
      checkout: { repositoryPath: rendered.repositoryPath, targetPath: 'co' },
      publish: {
        sourcePath: rendered.path,
        targetPath: rendered.repositoryPath,
        branch: 'cluster/payments-prod',
        title: 'New cluster payments-prod',
      },
    };
    // The repository exists with main and one proposal branch; checkout has it to read.
    await run('publish', valid.publish);
    git('update-ref', 'refs/heads/main', 'refs/heads/cluster/payments-prod');
  });
  afterAll(() => {
    workspace.cleanup();
    outside.cleanup();
  });

  /** The input is refused with an InputError naming `field`, and nothing was written. */
  const expectRefused = async (
    name: Name,
    input: unknown,
    field: string | RegExp,
  ) => {
    const before = state();
    const error = await run(name, input).then(
      () => undefined,
      e => e,
    );
    expect({ name: error?.name, message: error?.message }).toEqual({
      name: 'InputError',
      message: expect.stringMatching(field),
    });
    expect(state()).toEqual(before);
  };

  it.each(Object.keys(actions) as Name[])(
    '%s: generated inputs succeed or are refused with an InputError, writing nothing',
    async name => {
      await fc.assert(
        fc.asyncProperty(mutations(valid[name]), async input => {
          const before = state();
          const error = await run(name, input).then(
            () => undefined,
            e => e as Error,
          );
          const after = state();
          const label = `${JSON.stringify(input).slice(0, 300)} → ${
            error?.name
          }: ${error?.message}`;
          expect({
            label,
            clientError: error ? CLIENT_ERRORS.includes(error.name) : true,
            message: error ? error.message.length > 0 : true,
            wroteWhenRefused: error ? after : before,
          }).toEqual({
            label,
            clientError: true,
            message: true,
            wroteWhenRefused: before,
          });
        }),
        { numRuns: RUNS },
      );
    },
  );

  describe('hand-written cases', () => {
    it.each([
      ['recommend', { cpu: -1, memory: 4, environment: 'production' }, /cpu/],
      ['recommend', { cpu: '2', memory: 4, environment: 'production' }, /cpu/],
      ['render', { cloud: 'ibm' }, /cloud/],
      ['render', { name: '../../etc' }, /name/],
      ['render', { region: { $ne: '' } }, /region/],
      [
        'render',
        { owner: 'group:default/team-payments\nkind: Secret' },
        /owner/,
      ],
      ['validate', { path: '../../' }, /path: must stay inside the workspace/],
      [
        'validate',
        { path: 'x'.repeat(300) },
        /path: each part of the path must be at most 255 bytes/,
      ],
      ['validate', { maxMonthlyCost: 'cheap' }, /maxMonthlyCost/],
      ['edit', { kubernetesVersion: undefined }, /kubernetesVersion, scale/],
      ['edit', { scale: { minNodes: 3, maxNodes: 'many' } }, /scale\.maxNodes/],
      ['link', { clusters: [] }, /clusters/],
      ['link', { clusters: 'resource:default/x' }, /clusters/],
      ['checkout', { ref: '../../HEAD' }, /ref: .* is not a valid branch name/],
      ['checkout', { repositoryPath: '.git' }, /repositoryPath/],
      ['checkout', { repositoryPath: 'clusters/\u0000' }, /repositoryPath/],
      ['publish', { branch: 'main' }, /branch: .*main/],
      [
        'publish',
        { branch: 'x/../../main' },
        /branch: .* is not a valid branch name/,
      ],
      ['publish', { targetPath: '../outside' }, /targetPath/],
      ['publish', { title: 'line\nbreak' }, /title: must be a single line/],
      ['publish', { title: 42 }, /title/],
    ] as Array<[Name, Record<string, unknown>, RegExp]>)(
      '%s refuses %j naming the field',
      async (name, change, field) => {
        await expectRefused(name, { ...valid[name], ...change }, field);
      },
    );

    it('does not let a __proto__ key reach the prototype of anything', async () => {
      const json = `{"path":"catalog-info.yaml","entityRef":"component:default/payments-api","clusters":["resource:default/a"],"__proto__":{"polluted":true}}`;
      await run('link', JSON.parse(json)).catch(() => undefined);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
