/**
 * The one escaping module. Everything the site writes as text into HTML, XML or SVG goes
 * through `escapeMarkup` (the `entities` package: & < > " ' escaped), so a title with `<` or
 * a quote can never become markup, wherever it is printed. Documents we assemble from
 * author data are built as hast trees and serialised by hast-util-to-html, which escapes
 * with the same package.
 */
import { decodeHTML, escapeUTF8 } from 'entities';

// Characters XML 1.0 forbids (a feed or SVG with one of them does not parse).
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text or attribute value for HTML, XML or SVG. */
export function escapeMarkup(s: string): string {
  return escapeUTF8(s.replace(XML_FORBIDDEN, ''));
}

/** Removes the characters XML 1.0 forbids (for CDATA sections and JSON in XML). */
export function xmlSafe(s: string): string {
  return s.replace(XML_FORBIDDEN, '');
}

/** Decodes HTML character references (`&amp;`, `&#106;`, `&nbsp;` …) the way browsers do in text. */
export function decodeMarkup(s: string): string {
  return decodeHTML(s);
}

/** JSON to embed inside a `<script>` element: `<` is escaped so `</script>` cannot end it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}
