import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { makeCluster, makeDetail, mockApi } from '../../__testUtils__/clusters';
import { renderWithApi } from '../../__testUtils__/render';
import type { MulticloudApi } from '../../api/MulticloudApi';
import { ClustersRoutes } from '../clusters/ClustersRoutes';

const cluster = makeCluster('trustram-aws-cluster', {
  verdict: 'unhealthy',
  annotations: {
    'multicloud.io/failover-target': 'default/trustram-azure-cluster',
    'multicloud.io/failover-mode': 'manual',
  },
});

function render(
  getCluster: MulticloudApi['getCluster'],
  entry = '/multicloud/clusters/default/trustram-aws-cluster',
) {
  return renderWithApi(<ClustersRoutes />, mockApi({ getCluster }), {
    mountPath: '/multicloud/clusters',
    initialRouteEntries: [entry],
  });
}

describe('ClusterDetailPage', () => {
  it('shows where the cluster runs and why its verdict is what it is', async () => {
    const getCluster = jest.fn(async () => makeDetail(cluster));
    render(getCluster);
    expect(
      await screen.findByRole('heading', { name: 'trustram-aws-cluster' }),
    ).toBeInTheDocument();
    expect(getCluster).toHaveBeenCalledWith(
      'default',
      'trustram-aws-cluster',
      undefined,
    );
    const facts = (
      await screen.findByRole('heading', { name: 'Cluster' })
    ).closest('.MuiCard-root') as HTMLElement;
    expect(within(facts).getByText('AWS (AWSCluster)')).toBeInTheDocument();
    expect(within(facts).getByText('eu-west-1')).toBeInTheDocument();
    expect(within(facts).getByText('Provisioned')).toBeInTheDocument();

    fireEvent.click(
      within(facts).getByRole('button', { name: 'Unhealthy: show reasons' }),
    );
    const why = await screen.findByRole('dialog', { name: 'Why unhealthy' });
    expect(
      within(why).getByText('control plane 1/3 available (below etcd quorum)'),
    ).toBeInTheDocument();
    expect(
      within(why).getByText('Cluster default/trustram-aws-cluster · Available'),
    ).toBeInTheDocument();
  });

  it('asks for the management cluster the link names', async () => {
    const getCluster = jest.fn(async () =>
      makeDetail({
        ...cluster,
        ref: 'mc-eu/default/trustram-aws-cluster',
        managementCluster: 'mc-eu',
      }),
    );
    render(
      getCluster,
      '/multicloud/clusters/default/trustram-aws-cluster?managementCluster=mc-eu',
    );
    expect(
      await screen.findByText('Cluster mc-eu/default/trustram-aws-cluster'),
    ).toBeInTheDocument();
    expect(getCluster).toHaveBeenCalledWith(
      'default',
      'trustram-aws-cluster',
      'mc-eu',
    );
  });

  it('shows labels and failover annotations read-only', async () => {
    render(async () => makeDetail(cluster));
    const card = (
      await screen.findByRole('heading', { name: 'Labels and failover' })
    ).closest('.MuiCard-root') as HTMLElement;
    expect(within(card).getByText('team-payments')).toHaveAttribute(
      'title',
      'multicloud.io/owner',
    );
    expect(within(card).getByText('gdpr')).toBeInTheDocument();
    expect(
      within(card).getByText('default/trustram-azure-cluster'),
    ).toHaveAttribute('title', 'multicloud.io/failover-target');
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lists the control plane, worker pools with autoscaler bounds, and machines with problems', async () => {
    render(async () => makeDetail(cluster));
    const pools = (
      await screen.findByRole('heading', {
        name: 'Control plane and worker pools',
      })
    ).closest('.MuiCard-root') as HTMLElement;
    expect(within(pools).getByText('Control plane')).toBeInTheDocument();
    expect(
      within(pools).getByText('trustram-aws-cluster-md-0'),
    ).toBeInTheDocument();
    expect(within(pools).getByText('2–6')).toBeInTheDocument();
    expect(within(pools).getByText('m6i.xlarge')).toBeInTheDocument();
    const machines = screen
      .getByRole('heading', { name: 'Machines (2)' })
      .closest('.MuiCard-root') as HTMLElement;
    expect(
      within(machines).getByText('instance terminated by EC2'),
    ).toBeInTheDocument();
    expect(within(machines).getByText('node ip-10-0-0-1')).toBeInTheDocument();
  });

  it('expands and collapses the condition tree with the keyboard', async () => {
    render(async () => makeDetail(cluster));
    const tree = await screen.findByRole('tree', { name: 'Condition tree' });
    const controlPlane = within(tree)
      .getByText('KubeadmControlPlane/trustram-aws-cluster-cp')
      .closest('[role="treeitem"]') as HTMLElement;
    expect(controlPlane).toHaveAttribute('aria-expanded', 'true');
    expect(within(controlPlane).getByText('2 Machines')).toBeInTheDocument();
    expect(
      within(controlPlane).getByText(
        'ready 0/2, available 0/2, up to date 2/2',
      ),
    ).toBeInTheDocument();

    act(() => controlPlane.focus());
    fireEvent.keyDown(controlPlane, { key: 'ArrowLeft' });
    await waitFor(() =>
      expect(controlPlane).toHaveAttribute('aria-expanded', 'false'),
    );
    fireEvent.keyDown(controlPlane, { key: 'ArrowRight' });
    await waitFor(() =>
      expect(controlPlane).toHaveAttribute('aria-expanded', 'true'),
    );
    fireEvent.keyDown(controlPlane, { key: 'Enter' });
    await waitFor(() =>
      expect(controlPlane).toHaveAttribute('aria-expanded', 'false'),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    await waitFor(() =>
      expect(controlPlane).toHaveAttribute('aria-expanded', 'true'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    const root = within(tree).getAllByRole('treeitem')[0];
    await waitFor(() => expect(root).toHaveAttribute('aria-expanded', 'false'));
  });

  it('shows objects that could not be read without blanking the page', async () => {
    render(async () =>
      makeDetail({
        ...cluster,
        errors: [
          'AWSMachineTemplate default/x: spec.template.spec.instanceType is not a string',
        ],
      }),
    );
    expect(
      await screen.findByText(/1 object of this cluster could not be read/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'AWSMachineTemplate default/x: spec.template.spec.instanceType is not a string',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tree', { name: 'Condition tree' }),
    ).toBeInTheDocument();
  });

  it('warns when the data is the last known state', async () => {
    render(async () => makeDetail(cluster, { stale: true }));
    expect(
      await screen.findByText(/Showing the last known state/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tree', { name: 'Condition tree' }),
    ).toBeInTheDocument();
  });

  it('says when the cluster does not exist or is not visible', async () => {
    render(async () =>
      Promise.reject(
        Object.assign(
          new Error('cluster default/trustram-aws-cluster not found'),
          { statusCode: 404 },
        ),
      ),
    );
    expect(
      await screen.findByText('Cluster default/trustram-aws-cluster not found'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('link', { name: 'All clusters' })[0],
    ).toHaveAttribute('href', '/multicloud/clusters');
  });

  it('explains other failures', async () => {
    render(async () => Promise.reject(new Error('backend exploded')));
    expect(
      await screen.findByText(
        /Could not load cluster default\/trustram-aws-cluster/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
