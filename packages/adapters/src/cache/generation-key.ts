/** Where a namespace keeps its generation; entries of the namespace embed the generation in their key. */
export function generationKey(namespace: string): string {
  return `${namespace}:gen`;
}
