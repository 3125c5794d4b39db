/** A small progress bar on stderr (a single updating line on a terminal, periodic lines otherwise). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastPrint = 0;
  const tty = Boolean(stream.isTTY);
  return {
    /** `more`: the total may still grow (an ingest through a server learns it file by file), so a full bar is not the end. */
    update(done: number, total: number, more = false) {
      const now = Date.now();
      const final = done >= total && !more;
      // A full bar that may still grow is not shown: it would read as done.
      if (!final && (done >= total || now - lastPrint < (tty ? 80 : 2000))) return;
      lastPrint = now;
      const frac = total ? done / total : 1;
      const width = 30;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const line = `${label} ${bar} ${done}/${total} (${Math.round(frac * 100)} %)`;
      if (tty) stream.write(`\r${line}${final ? '\n' : ''}`);
      else stream.write(`${line}\n`);
    },
  };
}
