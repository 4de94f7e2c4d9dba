/** The column names the importer knows, from the names real exports use. */
import type { MappedField } from './column-mapping.ts';

/** Lower case, letters and digits only: "Facility Latitude" → "facilitylatitude". */
export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Names that settle a field by themselves, best first. */
export const STRONG_NAMES: Record<MappedField, string[]> = {
  date: [
    'date',
    'eventdate',
    'datestart',
    'startdate',
    'datetime',
    'time',
    'timestamp',
    'when',
    'day',
    'occurredat',
    'occurred',
    'start',
  ],
  endDate: ['dateend', 'enddate', 'end', 'endtime', 'until', 'dateto'],
  latitude: [
    'latitude',
    'lat',
    'geometrylatitude',
    'facilitylatitude',
    'decimallatitude',
    'latdd',
    'latitudedd',
  ],
  longitude: [
    'longitude',
    'lon',
    'lng',
    'long',
    'geometrylongitude',
    'facilitylongitude',
    'decimallongitude',
    'londd',
    'longitudedd',
  ],
  title: ['title', 'name', 'headline', 'eventname', 'eventtitle', 'subject', 'label'],
  summary: [
    'summary',
    'description',
    'briefdescription',
    'details',
    'notes',
    'note',
    'additionalinformation',
    'abstract',
    'text',
    'body',
    'comments',
  ],
  place: [
    'place',
    'placename',
    'location',
    'locationname',
    'towncity',
    'city',
    'town',
    'locality',
    'wheredescription',
    'address',
    'site',
    'facilityname',
    'facilitylocation',
  ],
  link: ['url', 'link', 'sourceurl', 'sourcelink', 'sources', 'source', 'href', 'website'],
  category: [
    'category',
    'type',
    'eventtype',
    'kind',
    'class',
    'missiletype',
    'typeofviolence',
    'eventgroup',
  ],
  id: [
    'id',
    'eventid',
    'uid',
    'uuid',
    'identifier',
    'entry',
    'key',
    'objectid',
    'fid',
    'featureid',
    'index',
  ],
  country: ['countrycode', 'iso2', 'isoa2', 'country'],
  locationPrecision: ['locationprecision'],
};

/** Weak names: used only when nothing better exists, and always shown for confirmation. */
export const WEAK_NAMES: Partial<Record<MappedField, string[]>> = {
  latitude: ['y'],
  longitude: ['x'],
  title: ['description', 'place', 'location'],
};

/** For a title when nothing is named like one: measurements such as "magnitude" read well. */
export const FALLBACK_TITLE =
  /magnitude|^mag$|name|type|kind|event|place|location|site|description/;

export const WEAK_FRAGMENTS: Partial<Record<MappedField, { include: RegExp; exclude?: RegExp }>> = {
  date: { include: /date|time/, exclude: /updat|enter|modif|creat|publish|launchtime/ },
  latitude: { include: /^lat|lat$|latitude/ },
  longitude: { include: /^lon|^lng|lon$|lng$|longitude/ },
  title: { include: /name|title/, exclude: /file/ },
};
