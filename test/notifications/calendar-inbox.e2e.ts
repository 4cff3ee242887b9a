import ical, { VEvent } from 'node-ical';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../apps/api/auth/password';
import { ApiClient, loginAs } from '../support/api-client';
import { startTestStack, TestStack } from '../support/test-stack';
import { connect, enqueueNotice, Item, People, seedItem, seedPeople } from './support/fixtures';

// Calendar feeds (secret, revocable URLs; valid RFC 5545 in the organisation's timezone) and the
// in-app notification list with read/unread, on the real HTTP app and a real database.
const PASSWORD = 'testlösenord-1';

describe('calendar feeds and the in-app notification list', () => {
  let stack: TestStack;
  let db: DataSource;
  let people: People;
  let item: Item;
  let otherItem: Item;
  const clients = new Map<string, ApiClient>();
  /** The person signed in over HTTP, as the web app or a calendar app would be. */
  const as = async (personId: string): Promise<ApiClient> => {
    if (!clients.has(personId)) {
      const [{ email }] = await db.query('SELECT email FROM person WHERE id = $1', [personId]);
      clients.set(personId, await loginAs(stack.api!, email, PASSWORD));
    }
    return clients.get(personId)!;
  };
  const createFeed = async (personId: string, planId?: string) => {
    const response = await (await as(personId)).post('/api/me/calendar-feeds', planId ? { planId } : {});
    if (response.status !== 201) throw Object.assign(new Error(`feed: ${response.status}`), response.body.error);
    return response.body as { id: string; url: string };
  };
  const feedIds = async (personId: string) => ((await (await as(personId)).get('/api/me/calendar-feeds')).body as Array<{ id: string }>).map((f) => f.id);
  const http = () => request(stack.api!.getHttpServer());
  const pathOf = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, api: true, env: { BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se' } });
    db = await connect(stack.config.database.url as string);
    people = await seedPeople(db, { kim: 'en' });
    item = await seedItem(db, people.olle, '2024-03-28T15:00:00Z'); // 16:00 in Stockholm (CET)
    otherItem = await seedItem(db, people.kim, '2024-08-08T06:00:00Z'); // 08:00 in Stockholm (CEST)
    await db.query('UPDATE person SET password_hash = $1', [await hashPassword(PASSWORD)]);
  });
  afterAll(async () => {
    await db?.destroy();
    await stack?.close();
  });

  it('serves a person’s feed without a bearer token: valid iCalendar, their occurrences, local times', async () => {
    const feed = await createFeed(people.olle);
    expect(feed.url).toMatch(/^https:\/\/bevaka\.kommun\.se\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const response = await http().get(pathOf(feed.url)).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const text = response.text;

    // RFC 5545 framing: CRLF lines of at most 75 octets, a VTIMEZONE for every TZID used.
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm');
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20240328T160000');

    const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.uid).toBe(`occurrence-${item.occurrenceId}@bevaka.kommun.se`);
    expect(event.summary).toBe('Slutdatum: Informationsmöte om kommande upphandlingar');
    expect(event.start.toISOString()).toBe('2024-03-28T15:00:00.000Z');
    expect(event.start.tz).toBe('Europe/Stockholm');
    expect(event.description).toContain(`https://bevaka.kommun.se/occurrences/${item.occurrenceId}`);
  });

  it('a coordinator gets a plan’s feed; others may not; the feed follows the person’s language', async () => {
    await expect(createFeed(people.olle, item.planId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const planFeed = await createFeed(people.cora, otherItem.planId);
    const events = Object.values(ical.sync.parseICS((await http().get(pathOf(planFeed.url)).expect(200)).text)).filter((c) => c?.type === 'VEVENT') as VEvent[];
    expect(events.map((e) => e.uid)).toEqual([`occurrence-${otherItem.occurrenceId}@bevaka.kommun.se`]);
    expect((await http().get(pathOf((await createFeed(people.kim)).url))).text).toContain('SUMMARY:Due: Informationsmöte');
  });

  it('revoking a feed stops its URL at once; unknown tokens reveal nothing', async () => {
    const feed = await createFeed(people.olle);
    expect(await feedIds(people.olle)).toContain(feed.id);
    expect((await (await as(people.olle)).delete(`/api/me/calendar-feeds/${feed.id}`)).status).toBe(204);
    const gone = await http().get(pathOf(feed.url)).expect(404);
    expect(gone.body.error.code).toBe('NOT_FOUND');
    await http().get('/api/calendar/not-a-real-token-at-all-xyz.ics').expect(404);
    expect((await (await as(people.kim)).delete(`/api/me/calendar-feeds/${feed.id}`)).status).toBe(404);
    expect(await feedIds(people.olle)).not.toContain(feed.id);
  });

  it('lists a person’s notifications from the outbox, newest first, with unread count and read marks', async () => {
    const ulla = await as(people.ulla);
    const kim = await as(people.kim);
    const first = await enqueueNotice(db, item, people.ulla, 'reminder');
    const second = await enqueueNotice(db, item, people.ulla, 'escalation-1');
    await db.query(`UPDATE notification SET created_at = created_at - interval '1 minute' WHERE id = $1`, [first]);
    await enqueueNotice(db, item, people.kim, 'escalation-2'); // someone else's

    const list = (await ulla.get('/api/notifications?to=me')).body;
    expect(list.items.map((i: { id: string; kind: string }) => [i.id, i.kind])).toEqual([[second, 'escalation-1'], [first, 'reminder']]);
    expect(list.unread).toBe(2);
    expect(list.items[0]).toMatchObject({ readAt: null, occurrenceId: item.occurrenceId, link: `https://bevaka.kommun.se/occurrences/${item.occurrenceId}` });
    expect(list.items[0].payload).toMatchObject({ actionTitle: 'Informationsmöte om kommande upphandlingar' });

    expect((await ulla.post(`/api/notifications/${first}/read`)).body).toEqual({ id: first, unread: 1 });
    expect((await ulla.post(`/api/notifications/${first}/read`)).body).toEqual({ id: first, unread: 1 }); // idempotent
    expect((await ulla.get('/api/notifications?to=me&unread=true')).body.items.map((i: { id: string }) => i.id)).toEqual([second]);
    const foreign = await kim.post(`/api/notifications/${second}/read`);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await ulla.post('/api/notifications/read-all')).body).toEqual({ updated: 1, unread: 0 });
    expect((await ulla.get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
    expect((await kim.get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });
    const wrongRecipient = await ulla.get('/api/notifications?to=someone-else');
    expect([wrongRecipient.status, wrongRecipient.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('changes one kind of notice over HTTP and leaves the others as they were', async () => {
    const kim = await as(people.kim);
    const before = (await kim.get('/api/me/notification-preferences')).body;
    const changed = await kim.put('/api/me/notification-preferences', { kinds: { reminder: 'digest' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...before, kinds: { ...before.kinds, reminder: 'digest' } });
    expect((await kim.put('/api/me/notification-preferences', { locale: 'sv' })).body).toEqual({ locale: 'sv', kinds: { ...before.kinds, reminder: 'digest' } });
    const refused = await kim.put('/api/me/notification-preferences', { kinds: { escalation: 'off' } });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await kim.get('/api/me/notification-preferences')).body.kinds.escalation).toBe(before.kinds.escalation);
  });

  it('the signed-in endpoints answer 401 without a person, in the API’s error format', async () => {
    for (const [method, path] of [
      ['get', '/api/notifications?to=me'],
      ['post', '/api/notifications/read-all'],
      ['get', '/api/me/notification-preferences'],
      ['post', '/api/me/calendar-feeds'],
    ] as const) {
      const response = await http()[method](path).expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });
});
