/**
 * The languages of the pre-rendered pages (issue #26): every page in English at its address and in
 * Korean under `ko/` (which the app reads as Korean, src/data/url/url-state.ts), each naming the
 * other (hreflang) and saying its own locale (og:locale). Korean pages take an event's title,
 * summary and place from its `translations.ko` (docs/contracts.md), else its own text, and give
 * dates as Korean readers write them ("2024년 10월 8일", "2024년 6월").
 *
 * Pure: no files, no fonts.
 */
import { messages as koreanCatalogue } from '../src/locales/ko.ts';
import type { DatasetEvent } from '../src/data/model/schema.ts';
import type { EdtfPoint, EventDate } from '../src/data/model/edtf.ts';
import { formatEventDate } from '../src/data/model/date-label.ts';

export type PageLanguage = 'en' | 'ko';

/** English first: its pages are the x-default. */
export const PAGE_LANGUAGES: readonly PageLanguage[] = ['en', 'ko'];

/** Open Graph locales (language_TERRITORY). */
export const OG_LOCALES: Record<PageLanguage, string> = { en: 'en_US', ko: 'ko_KR' };

/** The path step a language's pages are under: '' for English, `ko/` for Korean. */
export function languagePrefix(language: PageLanguage): string {
  return language === 'en' ? '' : `${language}/`;
}

/**
 * A Korean message from the app's compiled catalogue (src/locales/ko.ts), so the pages say what
 * the interface says; `fallback` while the catalogue does not have it (or it has placeholders).
 */
export function koreanMessage(id: string, fallback: string): string {
  const compiled = (koreanCatalogue as Record<string, unknown>)[id];
  if (Array.isArray(compiled) && compiled.every((part) => typeof part === 'string'))
    return compiled.join('');
  if (typeof compiled === 'string') return compiled;
  return fallback;
}

/** The text of an event in one language: its translation's fields where given, else its own. */
export interface EventText {
  title: string;
  summary: string;
  place: string;
}

type Translations = Record<string, { title?: unknown; summary?: unknown; place?: unknown }>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function usable(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The event's translations: from the model (`event.translations`, once the app reads them) or
 * else from the raw feature of the dataset file at the event's position.
 */
export function translationsOf(
  event: DatasetEvent,
  rawFeatures: readonly unknown[] = [],
): Translations {
  const own = (event as { translations?: unknown }).translations;
  if (isRecord(own)) return own as Translations;
  const feature = rawFeatures[event.position];
  const properties = isRecord(feature) ? feature.properties : null;
  const raw = isRecord(properties) ? properties.translations : null;
  return isRecord(raw) ? (raw as Translations) : {};
}

export function eventText(
  event: DatasetEvent,
  language: PageLanguage,
  rawFeatures: readonly unknown[] = [],
): EventText {
  const own = { title: event.title, summary: event.summary, place: event.place };
  if (language === 'en') return own;
  const translation = translationsOf(event, rawFeatures)[language];
  if (!isRecord(translation)) return own;
  return {
    title: usable(translation.title) ?? own.title,
    summary: usable(translation.summary) ?? own.summary,
    place: usable(translation.place) ?? own.place,
  };
}

const KOREAN_FORMATS = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
} as const;

function koreanFormat(point: EdtfPoint): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('ko', { ...KOREAN_FORMATS[point.precision], timeZone: 'UTC' });
}

function pointDate(point: EdtfPoint): Date {
  return new Date(Date.UTC(point.year, (point.month ?? 1) - 1, point.day ?? 1));
}

function koreanTime(point: EdtfPoint): string {
  if (!point.time) return '';
  const hhmm = `${String(point.time.hour).padStart(2, '0')}:${String(point.time.minute).padStart(2, '0')}`;
  const { offset } = point.time;
  if (offset === null) return ` ${hhmm}`;
  if (offset === 'Z') return ` ${hhmm} UTC`;
  return ` ${hhmm} UTC${offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`}`;
}

function koreanQualified(label: string, point: EdtfPoint): string {
  switch (point.qualifier) {
    case 'approximate':
      return `${label}경`;
    case 'uncertain':
      return `${label}(?)`;
    case 'uncertain-approximate':
      return `${label}경(?)`;
    default:
      return label;
  }
}

function koreanPoint(point: EdtfPoint): string {
  return koreanQualified(koreanFormat(point).format(pointDate(point)) + koreanTime(point), point);
}

/**
 * An event's date in Korean at its own precision: "2024년 10월 8일", "2024년 6월", "2024년",
 * "2024년 10월 3일~4일", "2024년 9월경".
 */
export function koreanEventDate(date: EventDate): string {
  const { from, to } = date;
  if (!to) return koreanPoint(from);
  if (from.qualifier || to.qualifier || from.time || to.time || from.precision !== to.precision)
    return `${koreanPoint(from)} ~ ${koreanPoint(to)}`;
  return koreanFormat(from).formatRange(pointDate(from), pointDate(to));
}

export function eventDate(date: EventDate, language: PageLanguage): string {
  return language === 'ko' ? koreanEventDate(date) : formatEventDate(date);
}

/** The words the pages need beyond the event's own, per language. */
export interface PageWords {
  placeNotGiven: string;
  /** The card's alternative text. */
  mapOf(place: string, title: string): string;
  mapForStory(title: string): string;
  /** "A story in 6 steps": a story page's description when the story has none. */
  storyInSteps(steps: number): string;
  /** The card's line under a story's title: "Story  ·  6 steps". */
  storyMeta(steps: number): string;
  /** A category's label on the card. */
  category(label: string): string;
}

export const PAGE_WORDS: Record<PageLanguage, PageWords> = {
  en: {
    placeNotGiven: 'place not given',
    mapOf: (place, title) => `Map of ${place || 'the event'}: ${title}`,
    mapForStory: (title) => `Map for the story “${title}”`,
    storyInSteps: (steps) => `A story in ${steps} steps`,
    storyMeta: (steps) => `Story  ·  ${steps} ${steps === 1 ? 'step' : 'steps'}`,
    category: (label) => label,
  },
  ko: {
    placeNotGiven: '장소 미상',
    mapOf: (place, title) => `${place || '사건'} 지도: ${title}`,
    mapForStory: (title) => `스토리 “${title}”의 지도`,
    storyInSteps: (steps) => `${steps}단계로 된 스토리`,
    storyMeta: (steps) => `스토리  ·  ${steps}단계`,
    category: (label) => koreanMessage(label, label),
  },
};

/** The static shell's words (index.html) and what the Korean shell says instead. */
const KOREAN_SHELL: readonly {
  english: string;
  korean: string;
  pattern: (text: string) => RegExp;
}[] = [
  { english: 'Loading dataset…', korean: '데이터셋 불러오는 중…', pattern: between },
  { english: 'Open dataset…', korean: '데이터셋 열기…', pattern: between },
  { english: 'Loading events…', korean: '사건 불러오는 중…', pattern: between },
  { english: 'Filters', korean: '필터', pattern: between },
  { english: 'Export', korean: '내보내기', pattern: between },
  { english: 'Only events in map view', korean: '지도에 보이는 사건만', pattern: between },
  { english: 'Search events', korean: '사건 검색', pattern: attribute },
  {
    english: 'Dateline needs JavaScript to show its map and chronology.',
    korean: 'Dateline의 지도와 연대표를 보려면 JavaScript가 필요합니다.',
    pattern: between,
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text between tags (`>Filters<`, `/>Only events in map view<`), spaces around it kept. */
function between(text: string): RegExp {
  return new RegExp(`(>\\s*)${escapeRegExp(text)}(\\s*<)`, 'g');
}

/** An attribute's whole value (`placeholder="Search events"`). */
function attribute(text: string): RegExp {
  return new RegExp(`(=")${escapeRegExp(text)}(")`, 'g');
}

const KOREAN_TITLE = 'Dateline — 언제, 어디서 일어났나';
const KOREAN_DESCRIPTION =
  'Dateline은 위치가 있는 뉴스 사건을 지도와 연대표에 함께 보여 줍니다. 날짜로 필터링하고, 모든 주장을 출처까지 따라가고, 사건 하나의 링크를 공유하세요.';

function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The app's index.html as the Korean explorer (`ko/`): `lang="ko"`, the Korean title and
 * description, and the static shell painted before the script runs in Korean. A site built around
 * another dataset keeps its own title and description (its `siteTitle`): they are data.
 */
export function koreanShellHtml(indexHtml: string, ownTitle: boolean): string {
  let html = indexHtml.replace(/<html lang="[^"]*"/, '<html lang="ko"');
  if (!ownTitle) {
    html = html
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(KOREAN_TITLE)}</title>`)
      .replace(
        /<meta\s+name="description"[^>]*>/,
        `<meta name="description" content="${escapeHtml(KOREAN_DESCRIPTION)}" />`,
      );
  }
  for (const { english, korean, pattern } of KOREAN_SHELL)
    html = html.replace(
      pattern(english),
      (_match, before: string, after: string) =>
        `${before}${escapeHtml(koreanMessage(english, korean))}${after}`,
    );
  return html;
}

/** The English shell's words that the Korean shell must not show (for tests). */
export const ENGLISH_SHELL_WORDS = KOREAN_SHELL.map(({ english }) => english);
