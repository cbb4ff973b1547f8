import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { projectRoot } from '../config/project-root';
import { ApiError } from '../http/api-error';

/** The page's files are plain HTML/JS/CSS in src/review/page (not compiled), read once at boot. */
const PAGE_DIR = path.join(projectRoot(), 'src', 'review', 'page');
const FILES: Record<string, { file: string; type: string }> = {
  'review.js': { file: 'review.js', type: 'text/javascript; charset=utf-8' },
  'review.css': { file: 'review.css', type: 'text/css; charset=utf-8' },
};

/**
 * The reviewer web page (no framework). The page itself is public; everything it shows comes
 * from the reviewer API with the reviewer's key, which the page keeps in sessionStorage only.
 */
@Controller('review')
export class ReviewPageController {
  private readonly cache = new Map<string, Buffer>();

  @Get()
  page(@Res() res: Response): void {
    res.set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    res.end(this.read('index.html'));
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const entry = FILES[file];
    if (!entry) throw new ApiError(404, 'NOT_FOUND', `no page asset ${file}`);
    res.set({ 'content-type': entry.type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(this.read(entry.file));
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
