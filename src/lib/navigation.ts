/** The site's sections, in order: header and footer draw the same list. */
import { COLUMN_IDS, COLUMNS } from './columns.ts';
import type { Paths } from './paths.ts';

export interface NavItem {
  /** What `current` on a page matches: a column id, 'home', 'units', 'forest', 'archive'. */
  key: string;
  href: string;
  label: string;
}

export function siteNav(paths: Paths): NavItem[] {
  return [
    { key: 'home', href: paths.home(), label: '首页' },
    ...COLUMN_IDS.map((id) => ({ key: id, href: paths.column(id), label: COLUMNS[id].name })),
    { key: 'units', href: paths.units(), label: '党组织' },
    { key: 'forest', href: paths.forest(), label: '红树林' },
    { key: 'archive', href: paths.archive(), label: '档案柜' },
  ];
}
