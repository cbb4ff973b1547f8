import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { integrationOf } from '../auth/request-integration';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { ApiError } from '../http/api-error';
import { CreateCaptureSessionDto } from './dto/capture-session.dto';
import { CaptureSessionsService } from './capture-sessions.service';

/** Capture sessions, integrator side (server to server, signed like every /v1 call). */
@Controller('v1/capture-sessions')
export class CaptureSessionsController {
  constructor(@Inject(CaptureSessionsService) private readonly sessions: CaptureSessionsService) {}

  @Post()
  @HttpCode(201)
  @RequireScopes('runs:create')
  create(@Body() dto: CreateCaptureSessionDto, @Req() req: AuthenticatedRequest) {
    return this.sessions.create(dto, integrationOf(req));
  }

  @Get(':id')
  @RequireScopes('decisions:read')
  status(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ApiError(404, 'CAPTURE_SESSION_NOT_FOUND', 'no such capture session') })) id: string, @Req() req: AuthenticatedRequest) {
    return this.sessions.status(id, integrationOf(req));
  }
}
