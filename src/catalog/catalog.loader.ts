import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import type { Journey } from '../engine/journey';
import { journeyRef } from '../engine/journey';
import type { ModuleDefinition } from '../engine/module-definition';
import { dryRunData } from '../engine/outcome-evaluator';
import { Catalog } from './catalog';
import { CatalogIssue, CatalogLoadError } from './catalog-issue';
import { checkJourney } from './journey-checker';
import { checkRule } from './json-logic-checker';

export interface CatalogSources {
  journeysDir: string;
  modulesDir: string;
  schemasDir: string;
  /** Module ids that have code registered (modules/index.ts); must match the folders exactly. */
  registeredModules: readonly string[];
}

/** Loads and checks everything, collecting every issue before failing. */
export function loadCatalog(sources: CatalogSources): Catalog {
  const { catalog, issues } = inspectCatalog(sources);
  if (issues.length > 0 || !catalog) throw new CatalogLoadError(issues);
  return catalog;
}

export function inspectCatalog(sources: CatalogSources): { catalog: Catalog | null; issues: CatalogIssue[] } {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validateModule = ajv.compile(readJson(path.join(sources.schemasDir, 'module.schema.json')) as object);
  const validateJourney = ajv.compile(readJson(path.join(sources.schemasDir, 'journey.schema.json')) as object);
  const issues: CatalogIssue[] = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;

  const modules = new Map<string, ModuleDefinition>();
  const folders = existsSync(sources.modulesDir)
    ? readdirSync(sources.modulesDir).filter((d) => statSync(path.join(sources.modulesDir, d)).isDirectory()).sort()
    : [];
  for (const folder of folders) {
    const file = path.join(sources.modulesDir, folder, 'module.json');
    if (!existsSync(file)) {
      issues.push({ file: rel(path.join(sources.modulesDir, folder)), pointer: '', message: 'module folder has no module.json' });
      continue;
    }
    const parsed = parseFile(file, rel(file), issues);
    if (parsed === undefined || !schemaValid(validateModule, parsed, rel(file), issues)) continue;
    const module = parsed as ModuleDefinition;
    if (module.id !== folder) issues.push({ file: rel(file), pointer: '/id', message: `id "${module.id}" must equal the folder name "${folder}"` });
    const data = dryRunData(module, {});
    module.outcomes.forEach((rule, i) => {
      for (const problem of checkRule(rule.when, data, module.thresholds ?? {})) issues.push({ file: rel(file), pointer: `/outcomes/${i}/when`, message: problem });
    });
    modules.set(module.id, module);
  }
  const registered = new Set(sources.registeredModules);
  for (const id of registered) if (!folders.includes(id)) issues.push({ file: 'modules/index.ts', pointer: '', message: `module "${id}" is registered but modules/${id}/module.json does not exist` });
  for (const folder of folders) if (!registered.has(folder)) issues.push({ file: rel(path.join(sources.modulesDir, folder)), pointer: '', message: `module folder "${folder}" has no handler registered in modules/index.ts` });

  const journeys = new Map<string, Journey>();
  const origin = new Map<string, string>();
  const files = existsSync(sources.journeysDir) ? readdirSync(sources.journeysDir).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) issues.push({ file: rel(sources.journeysDir), pointer: '', message: 'no journey files (*.json) found' });
  for (const name of files) {
    const file = path.join(sources.journeysDir, name);
    const parsed = parseFile(file, rel(file), issues);
    if (parsed === undefined || !schemaValid(validateJourney, parsed, rel(file), issues)) continue;
    const journey = parsed as Journey;
    const ref = journeyRef(journey);
    const previous = origin.get(ref);
    if (previous) {
      issues.push({ file: rel(file), pointer: '/version', message: `${ref} is also defined in ${previous}` });
      continue;
    }
    const found = checkJourney(journey, rel(file), modules, ajv);
    issues.push(...found);
    if (found.length === 0) {
      journeys.set(ref, journey);
      origin.set(ref, rel(file));
    }
  }
  return { catalog: issues.length === 0 ? new Catalog(journeys, modules) : null, issues };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function parseFile(file: string, shown: string, issues: CatalogIssue[]): unknown {
  try {
    return readJson(file);
  } catch (err) {
    issues.push({ file: shown, pointer: '', message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` });
    return undefined;
  }
}

function schemaValid(validate: ValidateFunction, value: unknown, file: string, issues: CatalogIssue[]): boolean {
  if (validate(value)) return true;
  for (const e of validate.errors ?? []) {
    // if/then/else on routes: the branch's own errors say more than the "must match else" summary.
    if (e.keyword === 'if') continue;
    const extra = e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : '';
    const allowed = e.params && 'allowedValues' in e.params ? ` (allowed: ${JSON.stringify(e.params.allowedValues)})` : '';
    issues.push({ file, pointer: e.instancePath, message: `${e.message ?? 'invalid'}${extra}${allowed}` });
  }
  return false;
}
