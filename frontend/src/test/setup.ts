import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetSessionForTests } from '../api/session';

// jsdom has no layout: scrolling is a no-op rather than a console error.
window.scrollTo = () => {};

beforeEach(() => {
  window.sessionStorage.clear();
  window.localStorage.clear();
  // jsdom's default window: 1024px wide, a landscape tablet.
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 1024 });
  window.history.replaceState(null, '', '/');
  resetSessionForTests();
});

afterEach(() => {
  cleanup();
});
