// Frameworks: their rows, columns and slices, and which one the matrix draws.
import { z } from 'zod';
import {
  activeFrameworkId,
  createFramework,
  getFramework,
  insertFrameworkValue,
  listFrameworks,
  placeFrameworkValue,
  updateFramework,
  updateFrameworkValue,
} from '../../../db/queries/frameworks';
import { deleteFramework, deleteFrameworkValue, frameworkImpact, setActiveFramework, valueImpact } from '../../services/frameworks';
import { method } from '../define';
import { id, longText as text, name, none } from '../schemas';

const label = z.string().trim().min(1).max(100);
const values = z.array(name).max(50);
const axis = z.enum(['row', 'column', 'slice']);
const AXIS_WORD = { row: 'row', column: 'column', slice: 'slice value' } as const;
const CODEBOOK = ['codebook-changed'] as const;
const RECODED = ['codebook-changed', 'segments-changed'] as const;

export const frameworkMethods = {
  'frameworks.list': method({
    summary: "The project's frameworks (rows, columns, slices, cell codes) and which one is active.",
    kind: 'query',
    args: none,
    handler: (session) => ({
      activeId: activeFrameworkId(session.db),
      frameworks: listFrameworks(session.db),
    }),
  }),
  'frameworks.create': method({
    summary: 'Creates a framework (rows × columns, optional slices); each cell and slice value becomes a code.',
    kind: 'mutation',
    args: z.strictObject({
      name,
      description: text.optional(),
      rowLabel: label,
      columnLabel: label,
      sliceLabel: label.nullable().optional(),
      rows: values.min(1),
      columns: values.min(1),
      slices: values.optional(),
    }),
    emits: CODEBOOK,
    undo: () => 'Create framework',
    handler: (session, args) => {
      const named = (list: string[]) => list.map((n) => ({ name: n }));
      const frameworkId = createFramework(session.db, {
        ...args,
        rows: named(args.rows),
        columns: named(args.columns),
        slices: named(args.slices ?? []),
      });
      return getFramework(session.db, frameworkId);
    },
  }),
  'frameworks.update': method({
    summary: 'Renames or describes a framework or its axis labels; its codes follow.',
    kind: 'mutation',
    args: z.strictObject({
      id,
      name: name.optional(),
      description: text.optional(),
      rowLabel: label.optional(),
      columnLabel: label.optional(),
      sliceLabel: label.nullable().optional(),
    }),
    emits: CODEBOOK,
    undo: (args) => (args.name ? 'Rename framework' : 'Edit framework'),
    handler: (session, { id: frameworkId, ...fields }) => {
      updateFramework(session.db, frameworkId, fields);
      return getFramework(session.db, frameworkId);
    },
  }),
  'frameworks.addValue': method({
    summary: 'Adds a row or column (with a new cell code for each value of the other axis) or a slice value (with its code).',
    kind: 'mutation',
    args: z.strictObject({ frameworkId: id, axis, name, description: text.optional() }),
    emits: CODEBOOK,
    undo: (args) => `Add framework ${AXIS_WORD[args.axis]}`,
    handler: (session, { frameworkId, axis: which, ...value }) => {
      insertFrameworkValue(session.db, frameworkId, which, value);
      return getFramework(session.db, frameworkId);
    },
  }),
  'frameworks.updateValue': method({
    summary: 'Renames or describes a row, column or slice value; renaming renames its cell codes.',
    kind: 'mutation',
    args: z.strictObject({ id, name: name.optional(), description: text.optional() }),
    emits: CODEBOOK,
    undo: (args) => (args.name ? 'Rename framework value' : 'Describe framework value'),
    handler: (session, { id: valueId, ...fields }) => updateFrameworkValue(session.db, valueId, fields),
  }),
  'frameworks.moveValue': method({
    summary: 'Moves a row, column or slice value to a position on its axis.',
    kind: 'mutation',
    args: z.strictObject({ id, index: z.number().int().min(0).max(1000) }),
    emits: CODEBOOK,
    undo: () => 'Reorder framework values',
    handler: (session, args) => placeFrameworkValue(session.db, args.id, args.index),
  }),
  'frameworks.deletePreview': method({
    summary: 'What deleting a framework, or one of its values, would uncode.',
    kind: 'query',
    args: z.union([z.strictObject({ frameworkId: id }), z.strictObject({ valueId: id })]),
    handler: (session, args) => ('valueId' in args ? valueImpact(session.db, args.valueId) : frameworkImpact(session.db, args.frameworkId)),
  }),
  'frameworks.deleteValue': method({
    summary: "Deletes a row, column or slice value; its codings are removed, kept as ordinary codes, or merged into another value's.",
    kind: 'mutation',
    args: z
      .strictObject({ id, codings: z.enum(['uncode', 'keep', 'merge']), intoValueId: id.optional() })
      .refine((a) => (a.codings === 'merge') === (a.intoValueId !== undefined), 'intoValueId is given exactly when codings is "merge"'),
    emits: RECODED,
    undo: () => 'Delete framework value',
    handler: (session, args) =>
      deleteFrameworkValue(
        session.db,
        args.id,
        args.codings === 'merge' ? { codings: 'merge', intoValueId: args.intoValueId! } : { codings: args.codings },
      ),
  }),
  'frameworks.delete': method({
    summary: 'Deletes a framework; its codes go with their codings ("uncode") or stay as ordinary codes ("keep").',
    kind: 'mutation',
    args: z.strictObject({ id, codings: z.enum(['uncode', 'keep']) }),
    emits: RECODED,
    undo: () => 'Delete framework',
    handler: (session, args) => deleteFramework(session.db, args.id, args.codings),
  }),
  'frameworks.setActive': method({
    summary: 'Chooses the framework the coding popover and the matrix show.',
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: CODEBOOK,
    handler: (session, args) => setActiveFramework(session.db, args.id),
  }),
};
