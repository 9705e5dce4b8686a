// Limits that hold on every way in (the API's schemas, file imports, the database layer).

/** The longest name of a code, coder, case, attribute, framework or document, in UTF-16 units as zod counts. */
export const MAX_NAME_LENGTH = 200;
