export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The global fetch, looked up at call time so tests can replace it. */
export const globalFetch: Fetch = (input, init) => globalThis.fetch(input, init);

/** The parsed JSON body, or undefined when the body is empty or not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
