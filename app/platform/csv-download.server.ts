import { csvLines, type CsvCell } from "./text/csv";

/**
 * A spreadsheet download streamed a batch at a time, in constant memory: a
 * byte-order mark (so Excel reads the UTF-8, names such as Siân included),
 * the header, then each batch's rows, formulas neutralised by csvLines. The
 * batches stop being read when the client goes away.
 */
export function csvDownload<R>(filename: string, header: readonly string[], batches: AsyncGenerator<R[]>, toRow: (row: R) => readonly CsvCell[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLines([header])}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(csvLines(next.value.map(toRow))));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
}
