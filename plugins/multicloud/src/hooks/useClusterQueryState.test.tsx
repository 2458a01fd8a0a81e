import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  parseClusterQuery,
  type ClusterQuery,
} from '@internal/plugin-multicloud-common';
import { LocationProbe } from '../__testUtils__/LocationProbe';
import { useClusterQueryState } from './useClusterQueryState';

function Probe({ next }: { next: ClusterQuery }) {
  const { query, invalid, setQuery } = useClusterQueryState();
  return (
    <>
      <output data-testid="query">{JSON.stringify(query)}</output>
      <output data-testid="invalid">{invalid ?? ''}</output>
      <button onClick={() => setQuery(next)}>set</button>
      <LocationProbe />
    </>
  );
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('useClusterQueryState', () => {
  it('reads the full filter and sort state from the URL', async () => {
    await renderInTestApp(<Probe next={{}} />, {
      initialRouteEntries: [
        '/c?cloud=aws,gcp&region=eu-west-1&verdict=degraded&owner=team-a&owner=team-b&environment=prod&q=pay&sort=version&order=desc',
      ],
    });
    expect(JSON.parse(text('query')!)).toEqual({
      cloud: ['aws', 'gcp'],
      region: ['eu-west-1'],
      verdict: ['degraded'],
      owner: ['team-a', 'team-b'],
      environment: ['prod'],
      text: 'pay',
      sort: 'version',
      order: 'desc',
    });
  });

  it('writes a query to the URL that reads back to the same query', async () => {
    const next: ClusterQuery = {
      cloud: ['azure'],
      verdict: ['unhealthy', 'unknown'],
      owner: ['team-payments'],
      text: 'eu prod',
      sort: 'machines',
      order: 'asc',
    };
    await renderInTestApp(<Probe next={next} />, {
      initialRouteEntries: ['/c'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'set' }));
    await waitFor(() => expect(text('location')).not.toBe('/c'));
    const search = text('location')!.slice('/c'.length);
    expect(search).toBe(
      '?cloud=azure&verdict=unhealthy%2Cunknown&owner=team-payments&q=eu+prod&sort=machines&order=asc',
    );
    expect(JSON.parse(text('query')!)).toEqual(next);
    const reparsed = parseClusterQuery(
      Object.fromEntries(new URLSearchParams(search)),
    );
    expect(reparsed).toEqual({ ok: true, query: next });
  });

  it('falls back to no filter and says why when the URL is invalid', async () => {
    await renderInTestApp(<Probe next={{}} />, {
      initialRouteEntries: ['/c?order=sideways'],
    });
    expect(text('query')).toBe('{}');
    expect(text('invalid')).toMatch(/order must be asc or desc/);
  });
});
