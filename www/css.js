// Marks CSS in a template literal: the build squeezes its white space
// (scripts/build.mjs); unbuilt, it is the text as written. A module of its
// own, so that a module with styles pulls in no other module's sheets.
export const css = String.raw;
