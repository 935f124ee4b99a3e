/**
 * Paths an author copies from Windows Explorer (`C:\Users\…\IMG_0001.jpg`, `\\server\share\…`,
 * `file:///C:/…`) or types with backslashes (`.\photos\a.jpg`): the site cannot find those files.
 * Said with the file name and the exact line to write instead.
 */

/** What is wrong with a path as written, or null when it is an ordinary relative path or URL. */
export function writtenPathProblem(value: string, what: string, folder: string, example: (relative: string) => string): { message: string; hint: string } | null {
  const v = value.trim();
  const name = v.split(/[\\/]/).filter(Boolean).at(-1) ?? v;
  if (/^[a-z]:[\\/]/i.test(v) || v.startsWith('\\\\') || /^file:/i.test(v)) {
    return {
      message: `${what}路径是你电脑上的位置（${v}），发布后网站上找不到这个文件`,
      hint: `把 ${name} 复制到 ${folder}/ 文件夹里，写成 ${example(`./${name}`)}`,
    };
  }
  if (v.includes('\\') && !/^[a-z][a-z0-9+.-]*:/i.test(v)) {
    const fixed = v.replace(/\\/g, '/');
    return {
      message: `${what}路径里用了反斜杠 \\：${v}`,
      hint: `网站上的路径用斜杠 /，写成 ${example(fixed.startsWith('.') ? fixed : `./${fixed}`)}`,
    };
  }
  return null;
}
