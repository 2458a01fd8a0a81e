import { screen, within } from '@testing-library/react';
import { mockApi } from '../../__testUtils__/clusters';
import {
  PRIMARY,
  STANDBY,
  makeBreaker,
  makePolicy,
  makeRun,
} from '../../__testUtils__/failover';
import { renderWithApi } from '../../__testUtils__/render';
import type { MulticloudApi } from '../../api/MulticloudApi';
import { FailoverCard } from './FailoverCard';

function render(overrides: Partial<MulticloudApi>, clusterRef = PRIMARY) {
  return renderWithApi(
    <FailoverCard clusterRef={clusterRef} />,
    mockApi({
      getFailoverPolicies: async () => [
        makePolicy({ cluster: 'default/other' }),
        makePolicy(),
      ],
      getFailoverBreakers: async () => [makeBreaker({ transitions: [] })],
      listFailoverRuns: async () => [],
      ...overrides,
    }),
  );
}

describe('FailoverCard', () => {
  it("shows the cluster's policy, breaker and latest runs, linking into the console", async () => {
    const getFailoverBreakers = jest.fn(async () => [
      makeBreaker({ transitions: [] }),
    ]);
    const runs = ['r4', 'r3', 'r2', 'r1'].map((id, i) =>
      makeRun({ id, status: i === 0 ? 'failed' : 'succeeded' }),
    );
    await render({ getFailoverBreakers, listFailoverRuns: async () => runs });
    expect(await screen.findByText(STANDBY)).toBeInTheDocument();
    expect(getFailoverBreakers).toHaveBeenCalledWith(PRIMARY);
    expect(screen.getByText('manual')).toBeInTheDocument();
    expect(screen.getByText('serving')).toBeInTheDocument();
    expect(screen.getByText('Open')).toBeInTheDocument();

    const recent = screen.getByRole('list', { name: 'Recent failover runs' });
    const links = within(recent).getAllByRole('link');
    expect(links).toHaveLength(3);
    expect(links[0]).toHaveAttribute(
      'href',
      `/multicloud/failover?cluster=${encodeURIComponent(PRIMARY)}&run=r4`,
    );
    expect(within(recent).getByText('Failed')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open in the failover console/ }),
    ).toHaveAttribute(
      'href',
      `/multicloud/failover?cluster=${encodeURIComponent(PRIMARY)}`,
    );
  });

  it('says how to declare a policy when the cluster has none', async () => {
    await render(
      { getFailoverBreakers: async () => [] },
      'default/trustram-gcp-cluster',
    );
    expect(
      await screen.findByText(
        /No failover policy: set multicloud.io\/failover-target/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('None.')).toBeInTheDocument();
  });

  it('reports a failure inside the card', async () => {
    await render({
      listFailoverRuns: async () => Promise.reject(new Error('db down')),
    });
    expect(
      await screen.findByText(/Could not load the failover state/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
