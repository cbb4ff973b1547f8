import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { integrationOf } from '../auth/request-integration';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { ApiError } from '../http/api-error';
import { CreateSessionDto, PatchSessionDto, SessionMediaDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';

const sessionId = () => new ParseUUIDPipe({ exceptionFactory: () => new ApiError(404, 'SESSION_NOT_FOUND', 'no such session') });

/** Veriff-style sessions: create, upload the face, submit, read the decision (seeds 000, 004). */
@Controller('v1/sessions')
export class SessionsController {
  constructor(@Inject(SessionsService) private readonly sessions: SessionsService) {}

  @Post()
  @HttpCode(201)
  @RequireScopes('runs:create')
  create(@Body() dto: CreateSessionDto, @Req() req: AuthenticatedRequest) {
    return this.sessions.create(dto, integrationOf(req), req.ip ?? null);
  }

  @Post(':id/media')
  @HttpCode(200)
  @RequireScopes('runs:create')
  media(@Param('id', sessionId()) id: string, @Body() dto: SessionMediaDto, @Req() req: AuthenticatedRequest) {
    return this.sessions.addMedia(id, dto, integrationOf(req));
  }

  @Patch(':id')
  @RequireScopes('runs:create')
  submit(@Param('id', sessionId()) id: string, @Body() _dto: PatchSessionDto, @Req() req: AuthenticatedRequest) {
    return this.sessions.submit(id, integrationOf(req));
  }

  @Get(':id/decision')
  @RequireScopes('decisions:read')
  decision(@Param('id', sessionId()) id: string, @Req() req: AuthenticatedRequest) {
    return this.sessions.decision(id, integrationOf(req));
  }
}
