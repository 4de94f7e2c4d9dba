/**
 * Category cells as written in a table: "GRAPHIC" and "Graphic", or "Air strike" and "air  strike",
 * are one category to a reader. Values that differ only in case or spacing are merged into the
 * form most rows use, and the merge is reported (About this file); the rest is kept as written.
 */

/** Kept as written ("SRBM", "quarry blast"), less the commas that separate categories in links. */
export function cleanCategory(cell: string): string {
  return cell.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
}

function mergeKey(category: string): string {
  return category.toLowerCase().replace(/[\s_-]+/g, ' ');
}

export interface CategoryMerge {
  /** The form kept: the one most rows use (the first seen, when tied). */
  into: string;
  /** The other forms, with how many rows used each. */
  merged: { from: string; rows: number }[];
}

export interface CategoryForms {
  /** The category a cleaned cell becomes. */
  formOf: (category: string) => string;
  merges: CategoryMerge[];
}

/** Decides the form of every category in `categories` (cleaned cells, one per row). */
export function mergeCategoryForms(categories: Iterable<string>): CategoryForms {
  // Rows per form first, so that each distinct form's key is made once (a million rows, a few forms).
  const rowsByForm = new Map<string, number>();
  for (const category of categories) {
    if (category !== '') rowsByForm.set(category, (rowsByForm.get(category) ?? 0) + 1);
  }
  const counts = new Map<string, Map<string, number>>();
  for (const [category, rows] of rowsByForm) {
    const key = mergeKey(category);
    let forms = counts.get(key);
    if (!forms) {
      forms = new Map();
      counts.set(key, forms);
    }
    forms.set(category, rows);
  }
  const chosen = new Map<string, string>();
  const merges: CategoryMerge[] = [];
  for (const forms of counts.values()) {
    let into = '';
    let most = -1;
    for (const [form, rows] of forms) {
      if (rows > most) [into, most] = [form, rows];
    }
    for (const form of forms.keys()) chosen.set(form, into);
    if (forms.size > 1) {
      merges.push({
        into,
        merged: [...forms]
          .filter(([form]) => form !== into)
          .map(([from, rows]) => ({ from, rows })),
      });
    }
  }
  return { formOf: (category) => chosen.get(category) ?? category, merges };
}
