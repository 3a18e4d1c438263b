import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineBanner } from './OfflineBanner';

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('OfflineBanner', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a GOV.UK notification banner while offline and hides it when back online', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(<OfflineBanner />);
    expect(screen.queryByText('You are offline.')).toBeNull();

    act(() => setOnline(false));
    const banner = screen.getByRole('alert');
    expect(banner).toHaveClass('govuk-notification-banner');
    expect(banner).toHaveTextContent('You are offline.');

    act(() => setOnline(true));
    expect(screen.queryByText('You are offline.')).toBeNull();
  });
});
