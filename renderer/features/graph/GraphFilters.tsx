import { memo, useMemo } from 'react';
import type { GlobalGraph } from '../../../electron/contract.ts';
import { folders, tags, type GraphFilter } from './graph-filter.ts';

/** Tag and folder pickers of the global graph; a tag includes its nested tags, a folder its
 *  subfolders. Memoised: the graph view renders on every pointer move of a pan, and the pickers'
 *  hundreds of options need not. */
export const GraphFilters = memo(function GraphFilters({
  graph,
  filter,
  onFilter,
}: {
  graph: GlobalGraph;
  filter: GraphFilter;
  onFilter: (f: GraphFilter) => void;
}) {
  const tagList = useMemo(() => tags(graph), [graph]);
  const folderList = useMemo(() => folders(graph), [graph]);
  return (
    <>
      <label>
        Tag{' '}
        <select value={filter.tag} onChange={(e) => onFilter({ ...filter, tag: e.target.value })}>
          <option value="">All tags</option>
          {tagList.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Folder{' '}
        <select value={filter.folder} onChange={(e) => onFilter({ ...filter, folder: e.target.value })}>
          <option value="">All folders</option>
          {folderList.map((f) => (
            <option key={f} value={f}>
              {f}/
            </option>
          ))}
        </select>
      </label>
    </>
  );
});
