/**
 * Turns parsed JSON into a Dataset: keeps every record that meets the contract and reports every
 * one that does not (position, id, field, reason). Never throws on any JSON value: anything that is
 * not a FeatureCollection at all becomes a DatasetError, which the UI shows with a retry.
 */
import { typeName } from './edtf.ts';
import type { Dataset } from './schema.ts';
import { DatasetError } from './dataset-error.ts';
import { FeatureChecker, type ValidateOptions } from './feature-checker.ts';
import { isObject, own, type JsonObject } from './record-fields.ts';

/**
 * Why a value cannot be a FeatureCollection (a DatasetError to throw), or its features if it is.
 */
function featuresOf(json: unknown): unknown[] {
  if (!isObject(json)) {
    throw new DatasetError(
      /*i18n*/ {
        id: 'Expected a GeoJSON FeatureCollection, but the file holds {type}.',
        values: { type: typeName(json) },
      },
    );
  }
  const type = own(json, 'type');
  if (type !== 'FeatureCollection') {
    throw new DatasetError(
      typeof type === 'string'
        ? /*i18n*/ {
            id: 'Expected a GeoJSON FeatureCollection, but the file has "{type}".',
            values: { type: type.slice(0, 40) },
          }
        : /*i18n*/ { id: 'Expected a GeoJSON FeatureCollection, but the file has no "type".' },
    );
  }
  const features = own(json, 'features');
  if (!Array.isArray(features)) {
    throw new DatasetError(/*i18n*/ { id: 'The FeatureCollection has no "features" list.' });
  }
  return features;
}

/** Validates a parsed GeoJSON FeatureCollection. Throws only DatasetError, for a file that is not one. */
export function validateFeatureCollection(json: unknown, options: ValidateOptions = {}): Dataset {
  const features = featuresOf(json);
  const checker = new FeatureChecker(options);
  checker.add(features);
  return checker.finish(json as JsonObject);
}

/** Parses the text of a dataset file. Throws only DatasetError. */
export function parseDatasetText(text: string): Dataset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const start = text.trimStart().slice(0, 1);
    throw new DatasetError(
      start === '<'
        ? /*i18n*/ {
            id: 'The file is not valid JSON ({detail}). It looks like an HTML page: is the address right?',
            values: { detail },
          }
        : /*i18n*/ { id: 'The file is not valid JSON ({detail}).', values: { detail } },
    );
  }
  return validateFeatureCollection(json);
}
