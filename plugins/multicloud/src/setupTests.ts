import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Whole pages with charts render slowly when the CI machine is busy: wait for them longer
// than the defaults (1 s per query, 5 s per test) rather than fail on load.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);
