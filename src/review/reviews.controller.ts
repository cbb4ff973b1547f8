import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import type { Integration } from '../auth/integration';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { ClaimTaskDto, DecideTaskDto, ReleaseTaskDto } from './dto/review-task.dto';
import { ReviewsService, TaskListQuery } from './reviews.service';

/** The reviewer API. Reviewer keys carry `reviews:decide`; integrator keys do not, so they get 403. */
@Controller('v1/reviews')
@RequireScopes('reviews:decide')
export class ReviewsController {
  constructor(@Inject(ReviewsService) private readonly reviews: ReviewsService) {}

  /** Open tasks, oldest first: `?journey=&outcome=&minAgeSeconds=&maxAgeSeconds=&state=available|claimed|all&limit=`. */
  @Get('tasks')
  list(@Query() query: TaskListQuery) {
    return this.reviews.list(query);
  }

  @Get('metrics')
  metrics(@Query('journey') journey?: string) {
    return this.reviews.metrics(journey);
  }

  @Get('tasks/:taskId')
  get(@Param('taskId') taskId: string) {
    return this.reviews.get(taskId);
  }

  /** Takes a lease on the task (renews it when you already hold it). */
  @Post('tasks/:taskId/claim')
  @HttpCode(200)
  claim(@Param('taskId') taskId: string, @Body() dto: ClaimTaskDto, @Req() req: AuthenticatedRequest) {
    return this.reviews.claim(taskId, dto, integrationOf(req));
  }

  @Post('tasks/:taskId/release')
  @HttpCode(200)
  release(@Param('taskId') taskId: string, @Body() dto: ReleaseTaskDto, @Req() req: AuthenticatedRequest) {
    return this.reviews.release(taskId, dto.leaseId, integrationOf(req));
  }

  /** Decides the task you hold: `{ leaseId, decision, reasonCode?, note? }`; completes the run. */
  @Post('tasks/:taskId/decision')
  @HttpCode(200)
  decide(@Param('taskId') taskId: string, @Body() dto: DecideTaskDto, @Req() req: AuthenticatedRequest) {
    return this.reviews.decide(taskId, dto, integrationOf(req));
  }
}

function integrationOf(req: AuthenticatedRequest): Integration {
  // The global ApiKeyGuard sets it on every route that requires scopes, which all of these do.
  if (!req.integration) throw new Error('ApiKeyGuard did not run on a reviewer route');
  return req.integration;
}
