/** Which way of writing settings a file uses: SQL, a Spark properties file, spark-submit arguments, or code. */

export type Dialect = 'sql' | 'sparkConf' | 'shell' | 'python' | 'scala' | 'java';

export const DIALECTS: readonly Dialect[] = ['sql', 'sparkConf', 'shell', 'python', 'scala', 'java'];

/** The dialect of a file by its name, or undefined for a file this checker does not read. */
export function dialectOfPath(path: string): Dialect | undefined {
  const name = path.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
  if (name.endsWith('.sql')) return 'sql';
  if (name === 'spark-defaults.conf' || name.endsWith('.conf') || name.endsWith('.properties')) return 'sparkConf';
  if (name.endsWith('.sh') || name.endsWith('.bash')) return 'shell';
  if (name.endsWith('.py')) return 'python';
  if (name.endsWith('.scala') || name.endsWith('.sc')) return 'scala';
  if (name.endsWith('.java')) return 'java';
  return undefined;
}

/** The dialect of a VS Code language id (the ones this extension contributes to), or undefined. */
export function dialectOfLanguage(languageId: string): Dialect | undefined {
  switch (languageId) {
    case 'sql':
      return 'sql';
    case 'spark-properties':
    case 'properties':
      return 'sparkConf';
    case 'shellscript':
      return 'shell';
    case 'python':
    case 'scala':
    case 'java':
      return languageId;
    default:
      return undefined;
  }
}

/** True for the dialects where a Spark setting is made in program code (SparkConf / builder). */
export function isCodeDialect(dialect: Dialect): boolean {
  return dialect === 'python' || dialect === 'scala' || dialect === 'java';
}
