/**
 * Just enough ZIP to look inside a DOCX before any library inflates it: list the central directory (for content
 * sniffing) and refuse zip bombs. A zip bomb declares or hides a huge uncompressed size (a 100 kB "document" that
 * inflates to gigabytes); mammoth would inflate it in memory. We check the declared sizes and ratios first, then
 * inflate every entry with a hard output cap, so a lying header cannot get past either.
 */
import { inflateRawSync } from 'node:zlib';
import { ingestErrors } from '../errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Largest total of uncompressed entry sizes, in bytes. */
  maxTotal: number;
  /** Largest uncompressed:compressed ratio for an entry above 1 MB (XML compresses ~5–20×; bombs ~1000×). */
  maxRatio: number;
  maxEntries: number;
}

const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotal: 200 * 1024 * 1024, maxRatio: 100, maxEntries: 5000 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64 = 0xffffffff;

/**
 * The central directory's entries, or null when `bytes` is not a readable ZIP.
 * @example listZip(docxBytes)?.some((e) => e.name === 'word/document.xml')
 */
export function listZip(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start + e.compressedSize <= bytes.length ? bytes.subarray(start, start + e.compressedSize) : null;
}

/**
 * Refuse a ZIP that would inflate beyond `limits`, is encrypted or cannot be read. Returns its entries.
 * Throws IngestError `archive_too_large`, `encrypted` or `corrupt_file` naming `filename`.
 */
export function checkZip(
  bytes: Uint8Array,
  filename: string,
  kind: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntry[] {
  const entries = listZip(bytes);
  if (!entries) throw ingestErrors.corruptFile(filename, kind);
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (entries.length > limits.maxEntries)
    throw ingestErrors.archiveTooLarge(filename, `${entries.length} filer i arkivet`);
  let total = 0;
  for (const e of entries) {
    if (e.compressedSize === ZIP64 || e.uncompressedSize === ZIP64)
      throw ingestErrors.archiveTooLarge(filename, 'ZIP64-oppføringer over 4 GB');
    if (e.flags & 1) throw ingestErrors.encrypted(filename);
    total += e.uncompressedSize;
    if (total > limits.maxTotal)
      throw ingestErrors.archiveTooLarge(filename, `mer enn ${mb(limits.maxTotal)} utpakket`);
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
      const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
      throw ingestErrors.archiveTooLarge(
        filename,
        `«${e.name}» pakkes ut ${ratio} ganger større (${mb(e.uncompressedSize)})`,
      );
    }
  }
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (!data || (e.method !== 0 && e.method !== 8)) throw ingestErrors.corruptFile(filename, kind);
    if (e.method === 0) continue;
    try {
      // NOTE: the cap is the declared size: an entry that inflates to more than it declares is a lie, refused here.
      inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw ingestErrors.archiveTooLarge(filename, `«${e.name}» er større utpakket enn arkivet oppgir`);
      }
      throw ingestErrors.corruptFile(filename, kind, err);
    }
  }
  return entries;
}
