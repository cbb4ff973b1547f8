import { Controller, Get, Inject, Param } from '@nestjs/common';
import { CATALOG } from '../app.tokens';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { ApiError } from '../http/api-error';
import type { Catalog } from './catalog';

/** Read-only view of the loaded journeys, so integrators can see which resourceIds exist. */
@Controller('v1/journeys')
@RequireScopes()
export class JourneysController {
  constructor(@Inject(CATALOG) private readonly catalog: Catalog) {}

  @Get()
  list() {
    return this.catalog.listJourneys().map((j) => ({ id: j.id, version: j.version, resourceId: `${j.id}@${j.version}`, title: j.title, entry: j.entry, steps: Object.keys(j.steps) }));
  }

  @Get(':resourceId')
  get(@Param('resourceId') resourceId: string) {
    const journey = this.catalog.resolve(resourceId);
    if (!journey) throw new ApiError(404, 'JOURNEY_NOT_FOUND', `no journey "${resourceId}"`);
    return journey;
  }
}
