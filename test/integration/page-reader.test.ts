import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScheduleError, type ScheduleClient } from '../../electron/engine/schedule';
import { PageReader } from '../../electron/engine/sync';
import { type Sandbox } from '../../electron/sandbox';
import { adminClient, testSandbox } from '../support/sandbox';

// The page reader against the real sandbox over HTTP: each page asked is a real request for the notes feed.
describe('reading a feed ahead of the pass', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await testSandbox();
  });
  afterEach(async () => {
    await sandbox.close();
  });

  /** The notes feed 20 at a time, every request recorded with the cursor it was asked from. */
  function notesFeed(options: { brokenAt?: number } = {}) {
    const client = adminClient(sandbox);
    const asked: Array<{ after: string | null; page: ReturnType<ScheduleClient['changes']> }> = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const fetchPage = (after: string | null) => {
      // A cursor of another server state: the real server answers 410 CURSOR_EXPIRED.
      const cursor = asked.length === options.brokenAt ? 'otherstate.1' : after;
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const page = client.changes('notes', cursor, 20);
      const settled = () => {
        inFlight--;
      };
      page.then(settled, settled);
      asked.push({ after, page });
      return page;
    };
    /** Resolves once every request asked has been answered and none followed it. */
    const quiet = async () => {
      for (let seen = -1; seen !== asked.length;) {
        seen = asked.length;
        await Promise.allSettled(asked.map((request) => request.page));
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    return { asked, fetchPage, quiet, mostInFlight: () => mostInFlight };
  }

  it('asks up to its depth ahead, one request at a time, each from the cursor of the answer before', async () => {
    const feed = notesFeed();
    const reader = new PageReader(feed.fetchPage, null, 3, () => true);
    await feed.quiet();
    expect(feed.asked).toHaveLength(3);
    expect(feed.mostInFlight()).toBe(1);
    const first = await reader.next();
    await feed.quiet();
    expect(feed.asked).toHaveLength(4);
    const second = await reader.next();
    expect(feed.asked.map((request) => request.after).slice(0, 3)).toEqual([null, first.nextCursor, second.nextCursor]);
    reader.stop();
  });

  it('reads the whole feed in order and asks nothing after its last page', async () => {
    const feed = notesFeed();
    const reader = new PageReader(feed.fetchPage, null, 4, () => true);
    const ids: string[] = [];
    for (;;) {
      const page = await reader.next();
      for (const item of page.items) ids.push(String((item as { note?: { id: string } }).note?.id));
      if (!page.hasMore) break;
    }
    await feed.quiet();
    const expected = [...sandbox.world.notes.values()].map((note) => note.id);
    expect(expected.length).toBeGreaterThan(100);
    expect(ids).toEqual(expected);
    expect(feed.asked).toHaveLength(Math.ceil(expected.length / 20));
    expect(feed.mostInFlight()).toBe(1);
    expect(() => reader.next()).toThrow('no page left');
  });

  it('asks nothing more once stopped, and nothing at all while it may not ask', async () => {
    const stopped = notesFeed();
    const reader = new PageReader(stopped.fetchPage, null, 4, () => true);
    reader.stop();
    await stopped.quiet();
    expect(stopped.asked).toHaveLength(1);
    expect((await reader.next()).items).toHaveLength(20);
    await stopped.quiet();
    expect(stopped.asked).toHaveLength(1);

    const held = notesFeed();
    let mayAsk = false;
    const waiting = new PageReader(held.fetchPage, null, 4, () => mayAsk);
    await held.quiet();
    expect(held.asked).toHaveLength(0);
    mayAsk = true;
    expect((await waiting.next()).hasMore).toBe(true);
    waiting.stop();
  });

  it("hands a failed request's error over at its own page, after the pages before it, and asks nothing after it", async () => {
    const feed = notesFeed({ brokenAt: 2 });
    const reader = new PageReader(feed.fetchPage, null, 4, () => true);
    await feed.quiet();
    expect(feed.asked).toHaveLength(3);
    expect((await reader.next()).items).toHaveLength(20);
    expect((await reader.next()).items).toHaveLength(20);
    const failed = await reader.next().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ScheduleError);
    expect((failed as ScheduleError).code).toBe('CURSOR_EXPIRED');
    await feed.quiet();
    expect(feed.asked).toHaveLength(3);
  });
});
