/**
 * A byte stream that asks `chunks` for the next piece only when the client has taken the last
 * one (pull), so a slow download never piles data up in memory. A cancelled download ends the
 * iterator, which releases what it holds (e.g. a database connection).
 */
export function textStream(chunks: AsyncIterable<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          onError(error);
          controller.error(error); // the download ends unfinished rather than looking complete
        }
      },
      async cancel() {
        await iterator.return?.(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
