import { screen } from '@testing-library/react';
import { mockApi } from '../../__testUtils__/clusters';
import { renderWithApi } from '../../__testUtils__/render';
import { ClusterRefLink } from './ClusterRefLink';

function render(clusterRef: string) {
  return renderWithApi(<ClusterRefLink clusterRef={clusterRef} />, mockApi({}));
}

describe('ClusterRefLink', () => {
  it('links a namespace/name ref to the detail page', async () => {
    await render('team-a/prod');
    expect(screen.getByRole('link', { name: 'prod' })).toHaveAttribute(
      'href',
      '/multicloud/clusters/team-a/prod',
    );
  });

  it('keeps the management cluster of a qualified ref in the link', async () => {
    await render('mc-eu/team-a/prod');
    const link = screen.getByRole('link', { name: 'prod' });
    expect(link).toHaveAttribute(
      'href',
      '/multicloud/clusters/team-a/prod?managementCluster=mc-eu',
    );
    expect(link).toHaveAttribute('title', 'mc-eu/team-a/prod');
  });

  it('shows a ref that names no cluster as text', async () => {
    await render('prod');
    expect(screen.getByText('prod')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
