import { describe, expect, it } from 'vitest';
import { filterPlaylist, type ShowcaseItem } from '../../src/scripts/showcase.ts';

const item = (title: string, category: string, units: string[]): ShowcaseItem => ({
  title,
  unit: '',
  units,
  category,
  categoryName: '',
  src: `/v/${title}.mp4`,
  type: 'video/mp4',
  captions: '',
  poster: '',
});
const list = [
  item('a', 'activity', ['hq']),
  item('b', 'model', ['hq', 'grid', 'grid-1']),
  item('c', 'grassroots', ['hq', 'line']),
];
const titles = (search: string) => filterPlaylist(list, search).map((i) => i.title);

describe('showcase playlist filter', () => {
  it('keeps everything without parameters, in order', () => {
    expect(titles('')).toEqual(['a', 'b', 'c']);
  });
  it('limits to a category', () => {
    expect(titles('?category=model')).toEqual(['b']);
  });
  it('limits to a unit and its sub-units', () => {
    expect(titles('?unit=grid')).toEqual(['b']);
    expect(titles('?unit=grid-1')).toEqual(['b']);
    expect(titles('?unit=hq')).toEqual(['a', 'b', 'c']);
    expect(titles('?unit=hq&category=grassroots')).toEqual(['c']);
  });
  it('an unknown value gives an empty list (the page says so)', () => {
    expect(titles('?unit=nobody')).toEqual([]);
  });
});
