import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetSessionForTests } from '../api/session';

// jsdom has no layout: scrolling is a no-op rather than a console error.
window.scrollTo = () => {};

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  resetSessionForTests();
});

afterEach(() => {
  cleanup();
});
