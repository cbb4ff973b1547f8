import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError } from '../http/api-error';
import { sniffImage } from '../inference/image-sniff';
import { EvidenceStore } from '../runs/evidence.store';
import { EvidenceLinkSigner } from './evidence-link.signer';

const MIME = { jpeg: 'image/jpeg', png: 'image/png', bmp: 'image/bmp', gif: 'image/gif', tiff: 'image/tiff' } as const;

/**
 * Serves evidence images behind short-lived signed URLs (the signature is the credential, so an
 * <img> can load it). Never cached: the images are PII and are deleted after the decision.
 */
@Controller('v1/reviews/evidence')
export class ReviewEvidenceController {
  constructor(
    @Inject(EvidenceLinkSigner) private readonly links: EvidenceLinkSigner,
    @Inject(EvidenceStore) private readonly evidence: EvidenceStore,
  ) {}

  @Get(':taskId/:name')
  async image(@Param('taskId') taskId: string, @Param('name') name: string, @Query('expires') expires: string | undefined, @Query('sig') sig: string | undefined, @Res() res: Response): Promise<void> {
    const check = this.links.verify(taskId, name, expires, sig);
    if (check === 'invalid') throw new ApiError(403, 'EVIDENCE_LINK_INVALID', 'this evidence link is not valid');
    if (check === 'expired') throw new ApiError(410, 'EVIDENCE_LINK_EXPIRED', 'this evidence link has expired; reload the task for a new one');
    const bytes = await this.evidence.get(taskId, name);
    if (!bytes) throw new ApiError(404, 'EVIDENCE_GONE', 'the image is no longer kept (the run was decided or the evidence expired)');
    let type = 'application/octet-stream';
    try {
      type = MIME[sniffImage(bytes).format];
    } catch {
      // Intake checked the header already; fall back to a download-only type rather than guess.
    }
    res.set({
      'content-type': type,
      'content-length': String(bytes.length),
      'cache-control': 'no-store, private',
      pragma: 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-disposition': 'inline',
    });
    res.end(bytes);
  }
}
