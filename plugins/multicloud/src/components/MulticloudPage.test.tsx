import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { multicloudApiRef, type MulticloudApi } from '../api/MulticloudApi';
import { MulticloudPage } from './MulticloudPage';

function apiWith(getHealth: MulticloudApi['getHealth']): MulticloudApi {
  return { getHealth };
}

describe('MulticloudPage', () => {
  it('shows the backend status', async () => {
    renderInTestApp(<MulticloudPage />, {
      apis: [[multicloudApiRef, apiWith(async () => ({ status: 'ok' }))]],
    });
    expect(await screen.findByText('Multicloud fleet')).toBeInTheDocument();
    expect(await screen.findByText('ok')).toBeInTheDocument();
  });

  it('explains when the backend fails', async () => {
    renderInTestApp(<MulticloudPage />, {
      apis: [[multicloudApiRef, apiWith(async () => Promise.reject(new Error('connection refused')))]],
    });
    expect(await screen.findByText(/The multicloud backend did not answer/)).toBeInTheDocument();
    expect(screen.getAllByText(/connection refused/).length).toBeGreaterThan(0);
  });
});
