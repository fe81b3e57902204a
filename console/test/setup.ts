import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait up to 1 s by default: too short when the build machine is busy; a real failure still fails.
configure({ asyncUtilTimeout: 10_000 });
