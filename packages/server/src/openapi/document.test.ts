/**
 * The API description lints clean under Redocly's recommended rules (errors and warnings alike),
 * and documents which command and permission each bound route runs.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../routes/index.js';
import { openApiDocument, tagDescriptions } from './document.js';

describe('the OpenAPI document', () => {
  const document = openApiDocument(apiRoutes, '0.1.0');

  it('lints clean with Redocly’s recommended rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config,
    });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
  });

  it('describes every tag and names each bound route’s command and permission', () => {
    for (const route of apiRoutes) expect(tagDescriptions[route.spec.tag]).toBeTruthy();
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/api/property/assets']!.post).toMatchObject({
      'x-command': 'property.addAssets',
      'x-permission': 'property.write',
    });
  });
});
