import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks the encoding API that react-router uses at import time.
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder, TextDecoder: globalThis.TextDecoder ?? TextDecoder });

// Pages load lazily and fetch before they render; on a busy machine (a CI run beside other work)
// that takes longer than testing-library's 1 s default, which failed tests that were right.
configure({ asyncUtilTimeout: 5000 });
// A test may wait for several such elements.
jest.setTimeout(20_000);
