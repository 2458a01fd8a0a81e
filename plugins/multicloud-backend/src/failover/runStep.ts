import {
  applyMergePatch,
  describeTarget,
  revertPatch,
  type KubeObject,
  unappliedPart,
  type MergePatch,
  type PatchStep,
  type PlanStep,
  type WaitStep,
} from '@internal/plugin-multicloud-common';
import {
  PatchConflictError,
  TransientRequestError,
  type ObjectClient,
} from './ObjectClient';
import type { RunStepState } from './RunStore';

/** Why a step stopped before finishing: the run was cancelled, or the executor must let go. */
export type Interruption = 'cancelled' | 'halted';

/** A fenced write found the lease taken by another executor: stop without touching anything. */
export class LeaseLostError extends Error {
  name = 'LeaseLostError';
}

export interface StepContext {
  state: RunStepState;
  /** Persists progress of this step; throws `LeaseLostError` when this executor lost the lease. */
  record(
    fields: Partial<Omit<RunStepState, 'index' | 'stepId'>>,
  ): Promise<void>;
  client: ObjectClient;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Poll interval of wait steps. */
  pollMs: number;
  interruption(): Promise<Interruption | undefined>;
}

export type StepOutcome =
  | { status: 'succeeded' | 'skipped'; result: string; patch?: MergePatch }
  | { status: 'failed'; error: string }
  | { status: 'interrupted'; why: Interruption };

/** Re-reads after a 409 at most this many times before the step fails. */
const MAX_CONFLICTS = 5;

class StepTimeout extends Error {}

/**
 * Runs one step to its end and persists its progress. The timeout applies to each execution:
 * a step resumed after a restart gets its full timeout again, since the time the backend was
 * down says nothing about the step.
 */
export async function runStep(
  step: PlanStep,
  ctx: StepContext,
): Promise<StepOutcome> {
  try {
    await ctx.record({
      status: 'running',
      startedAt: ctx.state.startedAt ?? ctx.now(),
      attempts: ctx.state.attempts + 1,
    });
    const outcome = await execute(
      step,
      ctx,
      ctx.now() + step.timeoutSeconds * 1000,
    );
    if (outcome.status !== 'interrupted') {
      await ctx.record({
        status: outcome.status,
        finishedAt: ctx.now(),
        ...(outcome.status === 'failed'
          ? { error: outcome.error }
          : { result: outcome.result }),
        ...(outcome.status !== 'failed' && outcome.patch
          ? { patch: outcome.patch }
          : {}),
      });
    }
    return outcome;
  } catch (error) {
    if (error instanceof LeaseLostError)
      return { status: 'interrupted', why: 'halted' };
    throw error;
  }
}

async function execute(
  step: PlanStep,
  ctx: StepContext,
  deadline: number,
): Promise<StepOutcome> {
  try {
    if (step.type === 'patch') return await runPatch(step, ctx, deadline);
    if (step.type === 'wait') return await runWait(step, ctx, deadline);
    return {
      status: 'skipped',
      result: 'described only: apply it through the GitOps repository',
    };
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    const message =
      error instanceof StepTimeout
        ? error.message
        : `${step.title}: ${(error as Error).message ?? error}`;
    return { status: 'failed', error: message };
  }
}

/**
 * Reads the object, sends only what differs with its resourceVersion as a precondition, and
 * on a 409 reads again. The values being replaced are persisted before the first write, so a
 * crash between the write and its bookkeeping loses nothing: the resumed step finds the
 * change applied ("already done") and failback still knows what was there before.
 */
async function runPatch(
  step: PatchStep,
  ctx: StepContext,
  deadline: number,
): Promise<StepOutcome> {
  let revertRecorded = ctx.state.revert !== undefined;
  for (let conflicts = 0; ; ) {
    try {
      const current = await beforeDeadline(
        ctx.client.get(step.target),
        deadline,
        ctx,
        step,
      );
      const missing = unappliedPart(current, step.patch);
      if (!missing)
        return {
          status: 'succeeded',
          result: `already done: ${step.doneWhen}`,
        };
      if (!revertRecorded) {
        // Fenced: an executor that lost the lease stops here, before writing to the cluster.
        await ctx.record({ revert: revertPatch(current, step.patch) });
        revertRecorded = true;
      }
      const body = applyMergePatch(missing, {
        metadata: {
          resourceVersion: current.metadata?.resourceVersion ?? null,
        },
      });
      await beforeDeadline(
        ctx.client.mergePatch(step.target, body),
        deadline,
        ctx,
        step,
      );
      return {
        status: 'succeeded',
        result: `patched ${describeTarget(step.target)}`,
        patch: body,
      };
    } catch (error) {
      if (error instanceof PatchConflictError && ++conflicts < MAX_CONFLICTS)
        continue;
      if (!(error instanceof TransientRequestError)) throw error;
      // The re-read tells whether a write whose answer was lost went through.
      const why = await waitToRetry(error, ctx, deadline, step);
      if (why) return { status: 'interrupted', why };
    }
  }
}

/**
 * After a transient failure (management cluster down, slow, 5xx): waits a poll interval so the
 * step can retry, until its deadline. A run outlives an outage shorter than its step timeout.
 */
async function waitToRetry(
  error: TransientRequestError,
  ctx: StepContext,
  deadline: number,
  step: PlanStep,
): Promise<Interruption | undefined> {
  if (ctx.now() >= deadline)
    throw new StepTimeout(
      `timed out after ${step.timeoutSeconds}s: ${error.message}`,
    );
  const why = await ctx.interruption();
  if (!why)
    await ctx.sleep(Math.min(ctx.pollMs, Math.max(0, deadline - ctx.now())));
  return why;
}

async function runWait(
  step: WaitStep,
  ctx: StepContext,
  deadline: number,
): Promise<StepOutcome> {
  for (;;) {
    const counts = await Promise.all(
      step.targets.map(async ({ target, availableReplicas }) => {
        let object: KubeObject;
        try {
          object = await ctx.client.get(target);
        } catch (error) {
          // Unreachable for now: not done yet; the deadline bounds the wait either way.
          if (!(error instanceof TransientRequestError)) throw error;
          return { done: false, text: `${target.name}: ${error.message}` };
        }
        const available = Number(object.status?.availableReplicas ?? 0);
        return {
          done: available >= availableReplicas,
          text: `${target.name} ${available}/${availableReplicas} available`,
        };
      }),
    );
    const summary = counts.map(c => c.text).join(', ');
    if (counts.every(c => c.done))
      return { status: 'succeeded', result: summary };
    if (ctx.now() >= deadline)
      return {
        status: 'failed',
        error: `timed out after ${step.timeoutSeconds}s: ${summary}`,
      };
    const why = await ctx.interruption();
    if (why) return { status: 'interrupted', why };
    await ctx.sleep(Math.min(ctx.pollMs, Math.max(0, deadline - ctx.now())));
  }
}

async function beforeDeadline<T>(
  promise: Promise<T>,
  deadline: number,
  ctx: StepContext,
  step: PlanStep,
): Promise<T> {
  const remaining = deadline - ctx.now();
  if (remaining <= 0)
    throw new StepTimeout(`timed out after ${step.timeoutSeconds}s`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StepTimeout(`timed out after ${step.timeoutSeconds}s`)),
      remaining,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
