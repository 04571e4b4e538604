/** What a system error code means for an input, in one line naming it. */
export function readMessage(code: string, name: string): string {
  switch (code) {
    case 'ENOENT':
      return `no such file or directory: ${name}`;
    case 'ELOOP':
      return `too many levels of symbolic links (a symlink loop): ${name}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${name}`;
    case 'EISDIR':
      return `is a directory: ${name}`;
    default:
      return `cannot read ${name} (${code})`;
  }
}
