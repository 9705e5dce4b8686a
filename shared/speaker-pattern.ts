// A person's own speaker pattern, checked the same way in the import dialog (as they type) and in the
// main process (before it is used), so both say the same thing about a bad one.

/** Why the pattern cannot be used, or null when it is a regular expression with a group around the name. */
export function speakerPatternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'uy');
  } catch (error) {
    return `The speaker pattern is not a valid regular expression: ${(error as Error).message}.`;
  }
  // Any pattern ORed with the empty string matches "", showing how many groups it has.
  if (new RegExp(`${pattern}|`, 'u').exec('')!.length < 2) {
    return 'The speaker pattern needs a group around the name, for example ^(\\w+):\\s';
  }
  return null;
}
