import { readFileSync } from 'fs';
import * as path from 'path';

/** One labelled image of an evaluation set (shared/eval/manifest.csv layout). */
export interface EvalItem {
  file: string;
  label: 'live' | 'spoof' | 'noface' | 'other' | 'corrupt';
  subset: string;
  /** Where the image came from: the video for full_video:<source>, else the repository. */
  source: string;
  /** 'crop' (tight face crops, reported apart), 'full' (whole frames) or 'other' (noface/corrupt/other). */
  group: 'crop' | 'full' | 'other';
}

const LABELS = new Set(['live', 'spoof', 'noface', 'other', 'corrupt']);

/** Reads `<dir>/manifest.csv` (file,label,subset,repo,...), keeping the rows about single images. */
export function readEvalManifest(dir: string): EvalItem[] {
  const [header, ...rows] = parseCsv(readFileSync(path.join(dir, 'manifest.csv'), 'utf8'));
  const col = (name: string): number => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`${dir}/manifest.csv has no "${name}" column`);
    return i;
  };
  const [fileCol, labelCol, subsetCol, repoCol] = [col('file'), col('label'), col('subset'), col('repo')];
  const items: EvalItem[] = [];
  for (const row of rows) {
    const label = row[labelCol] ?? '';
    if (!LABELS.has(label)) continue;
    const subset = row[subsetCol] ?? '';
    const isLiveness = label === 'live' || label === 'spoof';
    items.push({
      file: path.join(dir, row[fileCol] ?? ''),
      label: label as EvalItem['label'],
      subset,
      source: subset.startsWith('full_video:') ? subset.slice('full_video:'.length) : `${row[repoCol] ?? '?'} (${subset})`,
      group: !isLiveness ? 'other' : subset === 'crop' ? 'crop' : 'full',
    });
  }
  return items;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
