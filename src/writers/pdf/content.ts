/**
 * Page content streams, written by hand: every painted thing is either
 * marked content of a structure element (MCIDs from 0 on each page) or an
 * artifact (footer, rule, the page header's markings).
 */
import type { FaceName } from './charset.js';
import type { PreparedFonts } from './fonts.js';
import type { PageLayout } from './layout.js';
import type { StructNode } from './structure.js';
import { breakLines, tokenize, type Line } from './text.js';
import { markingSeparator } from '../markings.js';
import { footer, margin, page, pageHeader } from './styles.js';

const resource: Record<FaceName, string> = { regular: '/F1', bold: '/F2', oblique: '/F3', boldOblique: '/F4' };

/** Glyph ids painted per face (1 = used), indexed by glyph id; a face absent was not painted. */
export type UsedGlyphs = Partial<Record<FaceName, Uint8Array>>;

function hexDigit(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

/** Records the glyphs of a run's hex (skipping TJ shifts) and returns its text-showing operator. */
function show(hex: string, face: FaceName, used: UsedGlyphs, fonts: PreparedFonts): string {
  const marks = (used[face] ??= new Uint8Array(fonts[face].source.glyphCount));
  let digits = 0;
  let glyph = 0;
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i);
    if (c === 0x3e) {
      // "> n <": a shift between glyphs.
      i = hex.indexOf('<', i);
      continue;
    }
    glyph = (glyph << 4) | hexDigit(c);
    if (++digits === 4) {
      marks[glyph] = 1;
      digits = 0;
      glyph = 0;
    }
  }
  return hex.includes('>') ? `[<${hex}>] TJ\n` : `<${hex}> Tj\n`;
}

function num(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}

/** Text-showing operators for one line; switches font only when the face changes. */
function showLine(
  line: Line,
  x: number,
  y: number,
  size: number,
  state: { face: FaceName | null },
  used: UsedGlyphs,
  fonts: PreparedFonts,
): string {
  let out = `1 0 0 1 ${num(x)} ${num(y)} Tm\n`;
  for (const run of line.runs) {
    if (state.face !== run.face) {
      out += `${resource[run.face]} ${size} Tf\n`;
      state.face = run.face;
    }
    out += show(run.hex, run.face, used, fonts);
  }
  return out;
}

function singleLine(text: string, bold: boolean, size: number, fonts: PreparedFonts): Line {
  const [line] = breakLines(tokenize([{ type: 'text', value: text }], bold, size, fonts), Infinity, fonts, size);
  return line ?? { runs: [], width: 0 };
}

/**
 * The page header: the letter's markings ("DRAFT", "Not for publication"), bold and dark red at the top right
 * of every page, as the DOCX's page header carries them (src/writers/markings.ts); an artifact, since the
 * letter's own marking paragraph carries them in the tagged text.
 */
function header(markings: readonly string[], fonts: PreparedFonts, used: UsedGlyphs): string {
  if (markings.length === 0) return '';
  const line = singleLine(markings.join(markingSeparator), true, pageHeader.size, fonts);
  let out = '/Artifact <</Type /Pagination /Subtype /Header>> BDC\nq 0.75 0 0 rg BT\n';
  out += showLine(
    line,
    page.width - margin.right - line.width,
    pageHeader.baseline,
    pageHeader.size,
    { face: null },
    used,
    fonts,
  );
  return out + 'ET Q\nEMC\n';
}

export interface PaintOptions {
  pageIndex: number;
  pageCount: number;
  /** The page-header markings (src/writers/markings.ts); [] for none. */
  markings: readonly string[];
  fonts: PreparedFonts;
  /** Glyphs painted so far (the document embeds only these). */
  used: UsedGlyphs;
  /** Filled in: this page's MCID → element, for the ParentTree. */
  parents: StructNode[];
}

/** The content stream of one page. */
export function paintPage(layout: PageLayout, options: PaintOptions): string {
  const { fonts, used, parents, pageIndex } = options;
  let out = header(options.markings, fonts, used);
  for (const rule of layout.rules) {
    out += `/Artifact <</Type /Layout>> BDC\nq 0.55 G 0.6 w ${num(rule.x1)} ${num(rule.y)} m ${num(rule.x2)} ${num(rule.y)} l S Q\nEMC\n`;
  }
  for (const piece of layout.pieces) {
    const mcid = parents.length;
    parents.push(piece.element);
    piece.element.kids.push({ page: pageIndex, mcid });
    out += `/${piece.element.role} <</MCID ${mcid}>> BDC\nBT\n`;
    const state = { face: null as FaceName | null };
    for (const placed of piece.lines) out += showLine(placed.line, placed.x, placed.y, piece.size, state, used, fonts);
    out += 'ET\nEMC\n';
  }
  const label = singleLine(`Page ${pageIndex + 1} of ${options.pageCount}`, false, footer.size, fonts);
  out += '/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT\n';
  out += showLine(label, (page.width - label.width) / 2, footer.baseline, footer.size, { face: null }, used, fonts);
  return out + 'ET\nEMC\n';
}
