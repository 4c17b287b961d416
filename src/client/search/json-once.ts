/**
 * A JSON file the search page needs at most once: fetched on first need and kept; a failed
 * fetch is forgotten, so the next need tries again.
 */
export function jsonOnce<T>(url: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = fetch(url).then(async (response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return (await response.json()) as T;
      });
      loading.catch(() => (loading = undefined));
    }
    return loading;
  };
}
