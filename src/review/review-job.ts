import type { ReviewEvidence } from './review-task';

/**
 * What a `manual-review` job carries: enough for a consumer to decide or to fetch more, never
 * image bytes (those stay in the evidence store; `links.task` returns signed image URLs).
 */
export interface ReviewJobData {
  taskId: string;
  runId: string;
  journey: { id: string; version: number };
  stepId: string;
  outcome: string;
  module: string;
  capabilities: Record<string, unknown>;
  /** The outcome rule that routed here. */
  rule: string | null;
  reason: string | null;
  createdAt: string;
  evidence: ReviewEvidence[];
  links: { task: string };
}

/** The result a consumer returns (see examples in scripts/review-consumer.ts). */
export interface ReviewJobResult {
  decision: 'approved' | 'declined' | 'resubmission_requested';
  reasonCode?: number | null;
  note?: string | null;
  reviewer: string;
}
