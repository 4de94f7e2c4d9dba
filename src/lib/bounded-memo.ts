/**
 * A pure function of text, remembered per distinct text: for cells a table repeats (a million rows
 * over a few thousand dates or categories). At most `limit` answers are kept, so a column whose
 * every cell differs costs a bounded map, then the function's own time.
 */
export function boundedMemo<T>(compute: (text: string) => T, limit: number): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = compute(text);
      if (answers.size < limit) answers.set(text, answer);
    }
    return answer;
  };
}
