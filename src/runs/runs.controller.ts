import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { ApiError } from '../http/api-error';
import { CreateRunDto } from './dto/create-run.dto';
import { RunsService } from './runs.service';

@Controller('v1/runs')
export class RunsController {
  constructor(@Inject(RunsService) private readonly runs: RunsService) {}

  /** Starts a run: `{ resourceId, context: { subject: { biometrics: [ { selfieImage } ] } } }`. */
  @Post()
  @HttpCode(202)
  @RequireScopes('runs:create')
  async create(@Body() dto: CreateRunDto, @Req() req: RawBodyRequest<Request> & AuthenticatedRequest, @Headers('idempotency-key') idempotencyKey?: string) {
    const created = await this.runs.create(dto, req.rawBody, idempotencyKey, { integration: req.integration ?? null, ip: req.ip ?? null });
    return { runId: created.runId, status: created.status, resourceId: created.resourceId };
  }

  /** The run with its steps and decision; `?waitMs=N` waits (bounded) for the decision. */
  @Get(':id')
  @RequireScopes('decisions:read')
  async get(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ApiError(404, 'RUN_NOT_FOUND', 'no such run') })) id: string,
    @Req() req: AuthenticatedRequest,
    @Query('waitMs') waitMs?: string,
  ) {
    let wait = 0;
    if (waitMs !== undefined) {
      wait = Number(waitMs);
      if (!Number.isInteger(wait) || wait < 0) throw new ApiError(400, 'INVALID_WAIT', 'waitMs must be a non-negative integer (milliseconds)');
    }
    return this.runs.get(id, wait, req.integration ?? null);
  }
}
