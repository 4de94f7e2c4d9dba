// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueryServer } from '../../data/server-view/descriptor.ts';
import { testServer } from '../../testing/server-descriptor.ts';
import { ServerFileDetails } from './server-file-details.tsx';

function serverWith(columns: unknown): QueryServer {
  return testServer({
    metadata: { title: 'ucdp.csv', description: '', license: '', source: '', updated: '' },
    recordCount: 4055,
    eventCount: 3883,
    columns,
  });
}

/** Each field and its column, as About this file lists them. */
function listedColumns(): string[] {
  const lists = document.querySelectorAll('dl.import-mapping:not(.dataset-metadata) > div');
  return [...lists].map((row) => row.textContent ?? '');
}

describe('About this file over a data server', () => {
  afterEach(cleanup);

  it('lists the column each field was read from, and marks the guessed ones', () => {
    render(
      <ServerFileDetails
        server={serverWith({
          fields: { title: 'conflict_name', date: 'date_start', weather: 'sky' },
          proposed: true,
          guessed: ['title'],
        })}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'About this file' }));
    // In the importer's order of fields; one this page does not know is not shown.
    expect(listedColumns()).toEqual(['Datedate_start', 'Titleconflict_name (guessed)']);
    expect(screen.getByText(/importer was unsure of some columns/)).toBeTruthy();
  });

  it('says nothing of doubts where the columns were sure, and lists none for GeoJSON', () => {
    const { unmount } = render(
      <ServerFileDetails
        server={serverWith({ fields: { date: 'date' }, proposed: false, guessed: [] })}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'About this file' }));
    expect(listedColumns()).toEqual(['Datedate']);
    expect(screen.queryByText(/unsure/)).toBeNull();
    unmount();
    render(<ServerFileDetails server={serverWith(null)} />);
    const button = screen.getByRole('button', { name: 'About this file' });
    fireEvent.click(button);
    expect(listedColumns()).toEqual([]);
    expect(
      within(document.body).getByText('4,055 records in the file, 3,883 events shown.'),
    ).toBeTruthy();
  });
});
