/** The absolute URL of a manage API path on a controller at `baseUrl`. */
export function manageUrl(baseUrl: string, path: string): string {
  if (!path.startsWith('/manage/')) throw new TypeError(`manageUrl: "${path}" is not a /manage/* path`);
  return new URL(path, baseUrl).toString();
}
