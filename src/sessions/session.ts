/**
 * A Veriff-style verification session (seed 000 "Use via API"): created, given a face image,
 * submitted (which starts a run), or ended by time. `abandoned` = it got media but was never
 * submitted; `expired` = it never got any.
 */
export type SessionStatus = 'created' | 'started' | 'submitted' | 'expired' | 'abandoned';

export interface SessionMedia {
  id: string;
  context: 'face';
  mimetype: string;
  size: number;
  timestamp: string;
}

export interface Session {
  id: string;
  integrationId: string;
  /** The journey the run will follow (`id` or `id@version`), checked when the session is created. */
  resourceId: string;
  vendorData: string | null;
  endUserId: string | null;
  callbackUrl: string | null;
  status: SessionStatus;
  createdAt: string;
  expiresAt: string;
  submittedAt: string | null;
  /** When the session expired or was abandoned. */
  endedAt: string | null;
  runId: string | null;
  media: SessionMedia[];
  ip: string | null;
}

/** Statuses in which media may still be added and the session submitted. */
export function isOpen(session: Session): boolean {
  return session.status === 'created' || session.status === 'started';
}
