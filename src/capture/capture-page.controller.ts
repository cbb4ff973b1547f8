import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Body, Controller, Get, Header, HttpCode, Inject, Options, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { projectRoot } from '../config/project-root';
import { ApiError } from '../http/api-error';
import { CaptureSubmitDto } from './dto/capture-session.dto';
import { CaptureSessionsService } from './capture-sessions.service';

/** Plain HTML/JS/CSS in src/capture/page (not compiled), read once. */
const PAGE_DIR = path.join(projectRoot(), 'src', 'capture', 'page');
const ASSETS: Record<string, string> = {
  'capture-sdk.js': 'text/javascript; charset=utf-8',
  'capture-page.js': 'text/javascript; charset=utf-8',
  'capture-page.css': 'text/css; charset=utf-8',
};
/**
 * The token endpoints may be called by the SDK from the integrator's own origin. The token is the
 * only credential (no cookies), so any origin may call them.
 */
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' };

/**
 * The end user's side of a capture session: the capture page, its assets and the SDK, and the
 * two token-authenticated calls they make. No API key: whoever holds the link may capture once.
 */
@Controller()
export class CapturePageController {
  private readonly cache = new Map<string, Buffer>();

  constructor(@Inject(CaptureSessionsService) private readonly sessions: CaptureSessionsService) {}

  @Get('capture-assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const type = ASSETS[file];
    if (!type) throw new ApiError(404, 'NOT_FOUND', `no capture asset ${file}`);
    res.set({ 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', 'access-control-allow-origin': '*' });
    res.end(this.read(file));
  }

  @Get('capture/:token')
  page(@Res() res: Response): void {
    // The page is the same for every token; it reads its token from its own URL.
    res.set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; img-src 'self' blob:; media-src 'self' blob: mediastream:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
      // The token is in the path: never send it to anyone else.
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'permissions-policy': 'camera=(self)',
    });
    res.end(this.read('index.html'));
  }

  @Options(['capture/:token/session', 'capture/:token/submit'])
  @HttpCode(204)
  preflight(@Res() res: Response): void {
    res.set(CORS).end();
  }

  @Get('capture/:token/session')
  @Header('cache-control', 'no-store')
  async info(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    res.set(CORS);
    return this.sessions.info(token);
  }

  @Post('capture/:token/submit')
  @HttpCode(201)
  async submit(@Param('token') token: string, @Body() dto: CaptureSubmitDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    res.set(CORS);
    return this.sessions.submit(token, dto, req.ip ?? null);
  }

  private read(file: string): Buffer {
    let bytes = this.cache.get(file);
    if (!bytes) {
      bytes = readFileSync(path.join(PAGE_DIR, file));
      this.cache.set(file, bytes);
    }
    return bytes;
  }
}
