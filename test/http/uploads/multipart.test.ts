/**
 * The multipart parser that replaced Request.formData() for uploads (src/http/uploads/multipart.ts): it must read
 * what real clients send exactly as undici does, and refuse what is not multipart.
 */
import { describe, expect, it } from 'vitest';
import { MalformedMultipartError, parseMultipart } from '../../../src/http/uploads/multipart.js';

/** A body as fetch encodes a FormData, with its Content-Type. */
async function encoded(form: FormData): Promise<{ body: Uint8Array<ArrayBuffer>; type: string }> {
  const req = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  return { body: new Uint8Array(await req.arrayBuffer()), type: req.headers.get('content-type')! };
}

describe('parseMultipart', () => {
  it('reads fields and files as undici does: names, Norwegian text, odd file names, empty and binary files', async () => {
    const form = new FormData();
    form.append('organisation', 'Fagforbundet Øst – «avd. 2»');
    form.append('tittel med mellomrom', 'linje 1\r\nlinje 2');
    form.append('tom', '');
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    form.append('file', new Blob([bytes]), 'høring "2024"\\v2.pdf');
    form.append('vedlegg', new Blob([]), 'tom.txt');
    const { body, type } = await encoded(form);

    const parts = parseMultipart(body, type);
    const reference = await new Response(body, { headers: { 'content-type': type } }).formData();
    const expected = await Promise.all(
      [...(reference as unknown as Iterable<[string, FormDataEntryValue]>)].map(async ([name, v]) =>
        typeof v === 'string'
          ? { name, text: v }
          : { name, filename: (v as File).name, bytes: new Uint8Array(await v.arrayBuffer()) },
      ),
    );
    expect(
      parts.map((p) =>
        p.filename === undefined
          ? { name: p.name, text: new TextDecoder().decode(p.data) }
          : { name: p.name, filename: p.filename, bytes: new Uint8Array(p.data) },
      ),
    ).toEqual(expected);
    expect(parts.find((p) => p.name === 'file')?.data).toEqual(bytes);
  });

  it('takes a quoted boundary, a preamble, and an RFC 5987 file name', () => {
    const body = new TextEncoder().encode(
      'ignored preamble\r\n--a b\r\nContent-Disposition: form-data; name="file"; filename="x"; ' +
        "filename*=UTF-8''n%C3%A6ring.txt\r\nContent-Type: text/plain\r\n\r\nhei\r\n--a b--\r\n",
    );
    expect(parseMultipart(body, 'multipart/form-data; boundary="a b"')).toEqual([
      { name: 'file', filename: 'næring.txt', data: new TextEncoder().encode('hei') },
    ]);
  });

  it('refuses a body without its boundary, an unterminated part, or a part without a name', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const bad: [string, string][] = [
      ['multipart/form-data', '--x\r\n\r\n'],
      ['multipart/form-data; boundary=x', 'no boundary here'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue without end'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Type: text/plain\r\n\r\nv\r\n--x--'],
    ];
    for (const [type, body] of bad) expect(() => parseMultipart(enc(body), type)).toThrow(MalformedMultipartError);
  });
});
