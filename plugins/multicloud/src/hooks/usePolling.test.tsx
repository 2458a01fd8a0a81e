import { act, render, screen } from '@testing-library/react';
import { usePolling } from './usePolling';

function Probe({ load }: { load: () => Promise<string> }) {
  const { value, error, loading } = usePolling(load, [load], 1000);
  return (
    <>
      <output data-testid="value">{value ?? ''}</output>
      <output data-testid="error">{error?.message ?? ''}</output>
      <output data-testid="loading">{String(loading)}</output>
    </>
  );
}

describe('usePolling', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refreshes on the interval and keeps the last value through a failed refresh', async () => {
    const load = jest
      .fn()
      .mockResolvedValueOnce('v1')
      .mockRejectedValueOnce(new Error('blip'))
      .mockResolvedValueOnce('v2');
    render(<Probe load={load} />);
    expect(screen.getByTestId('loading')).toHaveTextContent('true');
    await act(async () => {});
    expect(screen.getByTestId('value')).toHaveTextContent('v1');

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('value')).toHaveTextContent('v1');
    expect(screen.getByTestId('error')).toHaveTextContent('blip');
    expect(screen.getByTestId('loading')).toHaveTextContent('false');

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('value')).toHaveTextContent('v2');
    expect(screen.getByTestId('error')).toHaveTextContent('');
    expect(load).toHaveBeenCalledTimes(3);
  });
});
