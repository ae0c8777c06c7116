// Share links carry the three counts in the URL fragment (#p=17&m=7&d=6) and
// never the pasted answers. The fragment is not sent to any server. When the
// element has an id, the link names it (c=id) so that only it restores them.

/** The current address with the counts in its fragment. */
export function shareUrl({ promoters, passives, detractors }, id, href = location.href) {
  const params = new URLSearchParams();
  if (id) params.set('c', id);
  params.set('p', String(promoters));
  params.set('m', String(passives));
  params.set('d', String(detractors));
  return `${href.split('#')[0]}#${params}`;
}

/** The counts in `hash` meant for an element with `id`, or null. */
export function sharedCounts(hash, id) {
  const params = new URLSearchParams(String(hash).replace(/^#/, ''));
  if (params.has('c') && params.get('c') !== id) return null;
  const counts = {};
  for (const [key, name] of [['p', 'promoters'], ['m', 'passives'], ['d', 'detractors']]) {
    const text = params.get(key);
    if (text === null || !/^\d{1,9}$/.test(text)) return null;
    counts[name] = Number(text);
  }
  return counts;
}
