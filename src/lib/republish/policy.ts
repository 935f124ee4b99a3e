/** Which entries may leave the site: highlights whose `republish` is not false. */
export function canRepublish(entry: { collection: string; data: { republish?: boolean | undefined } }): boolean {
  return entry.collection === 'highlights' && entry.data.republish !== false;
}

/** Feeds carry every published entry except highlights marked `republish: false`. */
export function inFeeds(entry: { collection: string; data: { republish?: boolean | undefined } }): boolean {
  return entry.collection !== 'highlights' || entry.data.republish !== false;
}
