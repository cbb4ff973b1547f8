/** unit: journey/module loading and checks, on the shipped files and on invalid fixtures. */
import path from 'node:path';
import { formatIssue } from '../../src/catalog/catalog-issue';
import { inspectCatalog } from '../../src/catalog/catalog.loader';
import { ROOT, sourcesWith } from '../fixtures/catalog-paths';

describe('catalog', () => {
  it('loads the shipped journeys and modules without a problem', () => {
    const { catalog, issues } = inspectCatalog(sourcesWith(path.join(ROOT, 'journeys')));
    expect(issues).toEqual([]);
    expect(catalog?.resolve('selfie-quality')?.version).toBeGreaterThanOrEqual(1);
    expect(catalog?.resolve('selfie-quality@1')?.id).toBe('selfie-quality');
    expect(catalog?.resolve('selfie-quality@99')).toBeUndefined();
  });

  it('reports every problem of the invalid fixtures at once, with file and JSON pointer', () => {
    const { catalog, issues } = inspectCatalog(sourcesWith(path.join(ROOT, 'test', 'fixtures', 'invalid-journeys')));
    expect(catalog).toBeNull();
    const lines = issues.map(formatIssue).map((l) => l.replace(/^.*invalid-journeys\//, ''));
    expect(lines).toEqual([
      'bad-graph.json#/steps/quality/routes/Review/step: route to unknown step "nowhere"',
      'bad-graph.json#/steps/quality/routes: outcome "ERROR" can occur but has no route',
      expect.stringMatching(/^bad-graph\.json#\/steps\/orphan\/module: unknown module "face-magic" \(known: .*image-quality.*\)$/),
      'bad-graph.json#/steps/orphan: step "orphan" is unreachable from the entry step',
      'bad-graph.json#/steps/quality: cycle quality -> again has no bound: set maxVisits and onMaxVisits on one of its steps',
      'bad-logic.json#/steps/quality/inputs/picture: module "image-quality" has no input "picture"',
      'bad-logic.json#/steps/quality/inputs: required input "image" of module "image-quality" is not mapped',
      'bad-logic.json#/steps/quality/thresholds/excellent: module "image-quality" has no threshold "excellent"',
      'bad-logic.json#/steps/quality/outcomes/0/when: reads unknown capability "qualityScor"',
      'bad-logic.json#/steps/quality/outcomes/1/when: JSON-logic dry-run failed: Unrecognized operation frobnicate',
      'bad-schema.json#/: must have required property \'title\'',
      'bad-schema.json#/: must NOT have additional properties ("colour")',
      'bad-schema.json#/id: must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"',
      'bad-schema.json#/version: must be integer',
      'bad-schema.json#/steps/quality/routes/Success/reasonCode: must be equal to one of the allowed values (allowed: [105,106,201,204,503,515,546,547,603,605,606])',
      expect.stringMatching(/^not-json\.json#\/: not valid JSON: /),
    ]);
  });

  it('fails when the registry and the module folders disagree', () => {
    const { issues } = inspectCatalog(sourcesWith(path.join(ROOT, 'journeys'), ['image-quality', 'ghost-module']));
    const messages = issues.map((i) => i.message);
    expect(messages).toContain('module "ghost-module" is registered but modules/ghost-module/module.json does not exist');
  });
});
