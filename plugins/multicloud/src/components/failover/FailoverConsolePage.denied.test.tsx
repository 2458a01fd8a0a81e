import { fireEvent, screen } from '@testing-library/react';
import { makeRun } from '../../__testUtils__/failover';
import { api, renderConsole } from '../../__testUtils__/renderConsole';

// A file of its own: usePermission caches decisions per permission and cluster for the
// whole test file, so allowed and denied users of the same cluster cannot share one.
describe('FailoverConsolePage without multicloud.failover.execute', () => {
  it('disables planning, says why, and never opens the dialog', async () => {
    const planFailover = jest.fn();
    await renderConsole(api({ planFailover }), { allowed: [] });
    const button = await screen.findByRole('button', {
      name: 'Plan failover…',
    });
    expect(button).toBeDisabled();
    expect(
      screen.getByText(/needs the multicloud\.failover\.execute permission/),
    ).toBeInTheDocument();
    fireEvent.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(planFailover).not.toHaveBeenCalled();
  });

  it('shows a run but does not let the user cancel it', async () => {
    const cancelFailoverRun = jest.fn();
    await renderConsole(
      api({ getFailoverRun: async () => makeRun(), cancelFailoverRun }),
      { query: '?run=run-1', allowed: [] },
    );
    expect(
      await screen.findByRole('status', { name: 'Run status: running' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Cancel run' }),
    ).toBeDisabled();
    expect(cancelFailoverRun).not.toHaveBeenCalled();
  });
});
