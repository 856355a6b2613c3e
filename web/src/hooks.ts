import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get } from './api/client';
import type { Page, Unit, Zone } from './api/types';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads data when `key` changes; keeps the last data while reloading so screens do not flash. */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    latest
      .current()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (!current) return;
        setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}

let unitsOnce: Promise<Map<string, Unit>> | undefined;

/** The registered units the person may see, once per page load: their names and time zones. */
export function loadUnits(): Promise<Map<string, Unit>> {
  unitsOnce ??= (async () => {
    const units = new Map<string, Unit>();
    let cursor: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const result = await get<Page<Unit>>('/units', { limit: 100, cursor });
      for (const unit of result.items) units.set(unit.code, unit);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    return units;
  })().catch(() => {
    unitsOnce = undefined;
    return new Map<string, Unit>();
  });
  return unitsOnce;
}

export function forgetUnits(): void {
  unitsOnce = undefined;
}

/** A unit's time zone: the registry's, or WIB for a unit launched without being registered. */
export function useZones(): (unitCode: string) => Zone {
  const [units, setUnits] = useState<Map<string, Unit>>(new Map());
  useEffect(() => {
    let current = true;
    void loadUnits().then((loaded) => current && setUnits(loaded));
    return () => {
      current = false;
    };
  }, []);
  return useCallback((unitCode: string) => units.get(unitCode)?.zone ?? 'WIB', [units]);
}

export interface PagedList<T> extends Resource<Page<T>> {
  items: T[];
  hasMore: boolean;
  loadMore(): Promise<void>;
}

/** A cursor-paged list (GET with `cursor`/`nextCursor`): the first page on `key`, more pages on request. */
export function usePagedList<T>(path: string, query: Record<string, string | number | undefined>): PagedList<T> {
  const key = `${path}?${JSON.stringify(query)}`;
  const first = useResource(() => get<Page<T>>(path, query), key);
  const [extra, setExtra] = useState<{ key: string; items: T[]; cursor?: string | null }>();
  const more = extra?.key === key && first.data ? extra : undefined;
  const cursor = more ? more.cursor : first.data?.nextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    const next = await get<Page<T>>(path, { ...query, cursor });
    setExtra({ key, items: [...(more?.items ?? []), ...next.items], cursor: next.nextCursor });
  };
  const reload = () => {
    setExtra(undefined);
    first.reload();
  };
  return {
    ...first,
    reload,
    items: [...(first.data?.items ?? []), ...(more?.items ?? [])],
    hasMore: Boolean(cursor),
    loadMore,
  };
}
