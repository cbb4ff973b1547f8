/** Reason codes from seed 000's Biometric Liveness table, with their descriptions. */
export const REASON_CODES: Readonly<Record<number, string>> = {
  105: 'Declined - Suspicious behaviour',
  106: 'Declined - Known fraud',
  201: 'Resubmission requested - Video and/or photos missing',
  204: 'Resubmission requested - Poor image quality',
  503: 'Declined - Attempted deceit',
  515: 'Declined - Attempted deceit, device screen used for face image',
  546: 'Declined - Face image quality insufficient',
  547: 'Declined - Face missing',
  603: 'Resubmission requested - Video missing',
  605: 'Resubmission requested - Face image missing',
  606: 'Resubmission requested - Face is not clearly visible',
};

export function describeReasonCode(code: number | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return REASON_CODES[code] ?? null;
}
