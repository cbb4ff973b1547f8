/**
 * `npm run journeys:check [-- --journeys DIR]`: validates every journey and module the way boot
 * does and prints every problem with file and JSON pointer. Exit code 1 when there is any.
 */
import { formatIssue } from '../src/catalog/catalog-issue';
import { inspectCatalog } from '../src/catalog/catalog.loader';
import { catalogSources } from '../src/catalog/catalog-sources';
import { loadConfig } from '../src/config/app-config';

const config = loadConfig();
const at = process.argv.indexOf('--journeys');
const journeysDir = at >= 0 && process.argv[at + 1] ? require('node:path').resolve(process.argv[at + 1]) : config.journeysDir;
const { catalog, issues } = inspectCatalog(catalogSources({ ...config, journeysDir }));
if (issues.length > 0 || !catalog) {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.stderr.write(`${issues.length} problem(s)\n`);
  process.exit(1);
}
for (const j of catalog.listJourneys()) process.stdout.write(`ok ${j.id}@${j.version} (${Object.keys(j.steps).length} steps)\n`);
process.stdout.write(`${catalog.modules.size} modules, ${catalog.journeys.size} journeys: no problems\n`);
