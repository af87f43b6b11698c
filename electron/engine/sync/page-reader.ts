import type { FeedPage } from '../schedule/client';

/**
 * The pages of one feed from a cursor, asked ahead of the caller by up to `depth` pages. Still one request at a time,
 * each after the previous answer (the cursor is in it): the server only stops waiting for this thread to write a page
 * before it prepares the next, so a pause on its side (a garbage collection of a large heap) can fall while pages wait
 * here rather than on the pass. `stop()` ends the chain; a page asked ahead and never taken is dropped silently.
 */
export class PageReader {
  private readonly queue: Array<Promise<FeedPage>> = [];
  private inFlight = false;
  private ended = false;

  constructor(
    private readonly fetchPage: (cursor: string | null) => Promise<FeedPage>,
    private cursor: string | null,
    private readonly depth: number,
    private readonly mayAsk: () => boolean,
  ) {
    this.askAhead();
  }

  /** The next page in order (its error, if asking for it failed). Only after a page that had more. */
  next(): Promise<FeedPage> {
    this.askAhead();
    const page = this.queue.shift();
    if (!page) throw new Error('PageReader: no page left to take.');
    this.askAhead();
    return page;
  }

  stop(): void {
    this.ended = true;
  }

  private askAhead(): void {
    if (this.inFlight || this.ended || this.queue.length >= this.depth || !this.mayAsk()) return;
    this.inFlight = true;
    const request = this.fetchPage(this.cursor);
    this.queue.push(request);
    request.then(
      (page) => {
        this.inFlight = false;
        if (!page.hasMore) this.ended = true;
        else {
          this.cursor = page.nextCursor;
          this.askAhead();
        }
      },
      () => {
        // The caller meets the error when it takes this page; nothing is asked after it.
        this.inFlight = false;
        this.ended = true;
      },
    );
  }
}
