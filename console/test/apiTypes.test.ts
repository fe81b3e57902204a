// @vitest-environment node
/// <reference types="vite/client" />
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import snapshot from '../openapi/api-docs.json?raw';
import committed from '../src/api/schema.d.ts?raw';

// The application's description is compared with openapi/api-docs.json by standalone's OpenApiDescriptionTest;
// this closes the chain: the typed client is what `npm run api-types` makes of that snapshot.
describe('the typed API client', () => {
  it('is generated from the OpenAPI snapshot', async () => {
    const generated = COMMENT_HEADER + astToString(await openapiTS(JSON.parse(snapshot), { silent: true }));
    expect(committed === generated,
      'src/api/schema.d.ts is not what openapi/api-docs.json generates: run `cd console && npm run api-types` and commit it').toBe(true);
  });
});
