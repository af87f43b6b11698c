import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Text of a PDF with poppler's pdftotext, one string per page (split on form feeds). */
export function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');
}

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Renders one page with pdftoppm (PNG for people to look at, PGM for the comparison) and reads the PGM. */
export function renderPage(file: string, page: number, outputPrefix: string, dpi = 25): GrayImage {
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    outputPrefix,
  ]);
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    outputPrefix,
  ]);
  return readPgm(`${outputPrefix}.pgm`);
}

export function readPgm(file: string): GrayImage {
  const data = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`${path.basename(file)} is not a binary PGM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: data.subarray(header[0].length, header[0].length + width * height) };
}

/** Mean absolute difference per pixel (0 identical, 255 opposite). */
export function meanDifference(a: GrayImage, b: GrayImage): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let total = 0;
  for (let index = 0; index < a.pixels.length; index++)
    total += Math.abs((a.pixels[index] ?? 0) - (b.pixels[index] ?? 0));
  return total / a.pixels.length;
}

/** The share of dark pixels in a band of rows (0 to 1) or of columns. */
export function inkIn(image: GrayImage, region: { x0: number; x1: number; y0: number; y1: number }): number {
  let dark = 0;
  let count = 0;
  for (let y = Math.floor(region.y0 * image.height); y < Math.floor(region.y1 * image.height); y++) {
    for (let x = Math.floor(region.x0 * image.width); x < Math.floor(region.x1 * image.width); x++) {
      count++;
      if ((image.pixels[y * image.width + x] ?? 255) < 128) dark++;
    }
  }
  return count === 0 ? 0 : dark / count;
}
