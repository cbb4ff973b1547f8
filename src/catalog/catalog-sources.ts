import { REGISTERED_MODULE_IDS } from '../../modules';
import type { AppConfig } from '../config/app-config';
import type { CatalogSources } from './catalog.loader';

export function catalogSources(config: Pick<AppConfig, 'journeysDir' | 'modulesDir' | 'schemasDir'>): CatalogSources {
  return { journeysDir: config.journeysDir, modulesDir: config.modulesDir, schemasDir: config.schemasDir, registeredModules: REGISTERED_MODULE_IDS };
}
