import { describe, expect, it } from 'vitest';
import { listSavedSearches, saveSearch } from '../../../../db/queries/saved-searches';
import { historyState, recordStep, undoLast } from '../../../../db/undo';
import { projectAt, rowsOf, seedRows, upgrade } from './old-projects';

describe('schema step 8 (saved searches)', () => {
  it('upgrades a coded step-7 project: the list exists, empty, and undo removes a saved search', () => {
    const { file, db: old } = projectAt(7);
    seedRows(old);
    old.close();

    const db = upgrade(file, 7);
    expect(listSavedSearches(db)).toEqual([]);
    const before = rowsOf(db, ['saved_searches']);
    const search = { query: 'café 😀 budget*', scope: { speakers: ['DCS'] } };
    db.transaction(() => recordStep(db, 'Save search', null, () => saveSearch(db, 'Budgets', search)))();
    expect(listSavedSearches(db)).toMatchObject([{ name: 'Budgets', search }]);
    expect(historyState(db, null).undo).toMatchObject({ label: 'Save search' });
    // Names are unique without regard to case; an empty or blank name is refused.
    expect(() => db.prepare("INSERT INTO saved_searches (name, search, saved_at) VALUES ('budgets', '{}', 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO saved_searches (name, search, saved_at) VALUES ('  ', '{}', 'now')").run()).toThrow(/CHECK/);
    db.transaction(() => undoLast(db, null))();
    expect(rowsOf(db, ['saved_searches'])).toEqual(before);
    db.close();
  });
});
