import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  PRIMARY,
  STANDBY,
  makeBreaker,
  makePlan,
  makePolicy,
  makeRun,
} from '../../__testUtils__/failover';
import { api, renderConsole } from '../../__testUtils__/renderConsole';

// The first render of a file also loads the app shell: allow it more than a second.
const planButton = () =>
  screen.findByRole(
    'button',
    { name: `Plan failover… ${PRIMARY}` },
    { timeout: 5000 },
  );

// The dry-run → confirm → follow flow renders three dialogs and a polled run.
jest.setTimeout(20_000);

describe('FailoverConsolePage', () => {
  it('shows policies with their targets, breakers and runs', async () => {
    await renderConsole(
      api({
        listFailoverRuns: async () => [
          makeRun({ status: 'succeeded', finishedAt: Date.now() }),
        ],
      }),
    );
    const policies = await screen.findByRole('table', {
      name: 'Failover policies',
    });
    expect(
      within(policies).getByText(`${STANDBY} (chosen)`),
    ).toBeInTheDocument();
    expect(
      within(policies).getByText(
        'unusable: cluster default/gone does not exist',
      ),
    ).toBeInTheDocument();
    const breakers = screen.getByRole('table', { name: 'Circuit breakers' });
    const row = within(breakers).getAllByRole('row')[1];
    expect(within(row).getByText('Open')).toBeInTheDocument();
    expect(within(row).getByText('Unhealthy')).toBeInTheDocument();
    expect(within(row).getByText('4')).toBeInTheDocument();
    const runs = screen.getByRole('table', { name: 'Failover runs' });
    expect(within(runs).getByText('Succeeded')).toBeInTheDocument();
    expect(
      within(runs).getByRole('link', {
        name: `failover ${PRIMARY} → ${STANDBY}`,
      }),
    ).toHaveAttribute('href', expect.stringContaining('run=run-1'));
  });

  it('previews the plan, asks for confirmation naming the cluster, then starts and follows the run', async () => {
    const planFailover = jest.fn(async () => makePlan());
    const startFailover = jest.fn(async () => makeRun({ status: 'pending' }));
    const getFailoverRun = jest.fn(async () =>
      makeRun({ status: 'succeeded' }, [
        {
          status: 'succeeded',
          result: 'patched spec.replicas',
          attempts: 1,
          startedAt: Date.now(),
        },
        { status: 'succeeded', result: '6/6 available' },
        { status: 'succeeded' },
      ]),
    );
    await renderConsole(api({ planFailover, startFailover, getFailoverRun }));
    fireEvent.click(await planButton());
    const dialog = await screen.findByRole('dialog', {
      name: `Failover of ${PRIMARY}`,
    });
    const execute = within(dialog).getByRole('button', { name: 'Execute…' });
    expect(execute).toBeDisabled();

    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Preview plan (dry run)' }),
    );
    const steps = await within(dialog).findByRole('list', {
      name: 'Planned steps',
    });
    expect(planFailover).toHaveBeenCalledWith({
      cluster: PRIMARY,
      target: STANDBY,
      action: 'failover',
    });
    const patch = within(steps).getByLabelText(
      'Patch of MachineDeployment default/trustram-azure-cluster-md-0',
    );
    expect(JSON.parse(patch.textContent!)).toEqual({ spec: { replicas: 6 } });
    expect(
      within(steps).getByText(
        /trustram-azure-cluster-md-0 .*: at least 6 available replicas/,
      ),
    ).toBeInTheDocument();
    expect(startFailover).not.toHaveBeenCalled();

    fireEvent.click(execute);
    const confirm = await screen.findByRole('dialog', {
      name: `Fail over ${PRIMARY} to ${STANDBY}?`,
    });
    expect(startFailover).not.toHaveBeenCalled();
    fireEvent.click(
      within(confirm).getByRole('button', {
        name: `Fail over ${PRIMARY} to ${STANDBY}`,
      }),
    );
    await waitFor(() =>
      expect(startFailover).toHaveBeenCalledWith({
        cluster: PRIMARY,
        target: STANDBY,
        action: 'failover',
      }),
    );
    expect(await screen.findByTestId('location')).toHaveTextContent(
      '/multicloud/failover?run=run-1',
    );
    expect(
      await screen.findByRole('status', { name: 'Run status: succeeded' }),
    ).toBeInTheDocument();
    const timeline = screen.getByRole('list', { name: 'Step timeline' });
    expect(within(timeline).getAllByText('Succeeded')).toHaveLength(3);
    expect(within(timeline).getByText('6/6 available')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks for a new preview when the inputs change', async () => {
    await renderConsole(api({ planFailover: async () => makePlan() }));
    fireEvent.click(await planButton());
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Preview plan (dry run)' }),
    );
    await within(dialog).findByRole('list', { name: 'Planned steps' });
    fireEvent.click(
      within(dialog).getByRole('checkbox', {
        name: 'Propose Istio locality failover (GitOps)',
      }),
    );
    expect(
      within(dialog).queryByRole('list', { name: 'Planned steps' }),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Execute…' }),
    ).toBeDisabled();
  });

  it("shows the backend's refusal of a plan", async () => {
    const refusal = Object.assign(
      new Error(
        'the standby cannot cover the primary: 12 vcpu needed, 8 possible',
      ),
      { name: 'ConflictError' },
    );
    await renderConsole(
      api({ planFailover: async () => Promise.reject(refusal) }),
    );
    fireEvent.click(await planButton());
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Preview plan (dry run)' }),
    );
    expect(
      (await within(dialog).findAllByText(/12 vcpu needed, 8 possible/))[0],
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Execute…' }),
    ).toBeDisabled();
  });

  it('plans a failback without a target for a failed-over cluster', async () => {
    const planFailover = jest.fn(async () => makePlan({ action: 'failback' }));
    await renderConsole(
      api({
        getFailoverPolicies: async () => [makePolicy({ failedOver: true })],
        planFailover,
      }),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: `Plan failback… ${PRIMARY}` }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Preview plan (dry run)' }),
    );
    await waitFor(() =>
      expect(planFailover).toHaveBeenCalledWith({
        cluster: PRIMARY,
        action: 'failback',
      }),
    );
  });

  it('cancels a running run from its timeline', async () => {
    const cancelFailoverRun = jest.fn(async (_id: string) =>
      makeRun({ cancelRequested: true }),
    );
    let cancelled = false;
    await renderConsole(
      api({
        getFailoverRun: async () =>
          makeRun(cancelled ? { cancelRequested: true } : {}, [
            { status: 'succeeded' },
            { status: 'running', attempts: 2, startedAt: Date.now() },
          ]),
        cancelFailoverRun: async id => {
          cancelled = true;
          return cancelFailoverRun(id);
        },
      }),
      { query: '?run=run-1' },
    );
    expect(
      await screen.findByRole('status', { name: 'Run status: running' }),
    ).toBeInTheDocument();
    const timeline = screen.getByRole('list', { name: 'Step timeline' });
    expect(within(timeline).getByText(/2 attempts/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    await waitFor(() =>
      expect(cancelFailoverRun).toHaveBeenCalledWith('run-1'),
    );
    expect(
      await screen.findByRole('button', { name: 'Cancellation requested' }),
    ).toBeDisabled();
  });

  it('narrows every card to the cluster in the URL', async () => {
    const getFailoverBreakers = jest.fn(async () => [
      makeBreaker({
        transitions: [
          {
            cluster: PRIMARY,
            from: 'closed',
            to: 'open',
            at: Date.now(),
            verdict: 'unhealthy',
            reason: '3 unhealthy checks in a row',
          },
        ],
      }),
    ]);
    const listFailoverRuns = jest.fn(async () => []);
    await renderConsole(
      api({
        getFailoverPolicies: async () => [
          makePolicy(),
          makePolicy({ cluster: 'default/other' }),
        ],
        getFailoverBreakers,
        listFailoverRuns,
      }),
      { query: `?cluster=${encodeURIComponent(PRIMARY)}` },
    );
    const policies = await screen.findByRole('table', {
      name: 'Failover policies',
    });
    expect(within(policies).getAllByRole('row')).toHaveLength(2);
    expect(getFailoverBreakers).toHaveBeenCalledWith(PRIMARY);
    expect(listFailoverRuns).toHaveBeenCalledWith(PRIMARY);
    const transitions = screen.getByRole('list', {
      name: 'Breaker transitions',
    });
    expect(transitions).toHaveTextContent(
      'Closed → Open (3 unhealthy checks in a row)',
    );
    expect(
      screen.getByText('No failover or failback has run.'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'All clusters' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(
      /\/multicloud\/failover$/,
    );
  });

  it('keeps the other cards when one request fails', async () => {
    await renderConsole(
      api({
        getFailoverBreakers: async () => Promise.reject(new Error('db down')),
        getFailoverPolicies: async () => [],
      }),
    );
    expect(
      await screen.findByText(/Could not load circuit breakers/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No cluster declares a failover policy/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No failover or failback has run.'),
    ).toBeInTheDocument();
  });
});
