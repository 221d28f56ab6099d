// The page's texts (messages_ja / messages_en, written into the page by the template) and how to fill them in.

export const text = window.madoguchiModelerText || {};

/** Fills {0}, {1}, … of a message with the arguments. */
export function format(template, ...args) {
  return String(template || '').replace(/{(\d+)}/g, (match, index) => (index < args.length ? String(args[index]) : match));
}
