import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_NOTE_LENGTH, REVIEW_DECISIONS, ReviewDecision } from '../review-verdict';

/** POST /v1/reviews/tasks/:id/claim */
export class ClaimTaskDto {
  /** The human behind the reviewer key (shown in the audit trail); defaults to the integration id. */
  @IsOptional()
  @IsString()
  @Matches(/^[\p{L}\p{N} ._@-]{1,100}$/u, { message: 'reviewer must be 1-100 letters, digits, spaces or . _ @ -' })
  reviewer?: string;
}

/** POST /v1/reviews/tasks/:id/release */
export class ReleaseTaskDto {
  @IsString()
  @MaxLength(100)
  leaseId!: string;
}

/** POST /v1/reviews/tasks/:id/decision */
export class DecideTaskDto {
  /** From the claim; deciding without a live lease of your own is 409. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  leaseId?: string;

  @IsIn(REVIEW_DECISIONS)
  decision!: ReviewDecision;

  /** Seed 000 code matching the decision (required for declined and resubmission_requested). */
  @IsOptional()
  @IsInt()
  reasonCode?: number;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  note?: string;
}
