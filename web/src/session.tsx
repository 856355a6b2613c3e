/**
 * Who is signed in: the `me` of GET /auth/me, shared with every screen. Roles decide what the UI offers; the API
 * still decides what is allowed (a hidden button is a courtesy, never the check).
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, clearSession, get, hasSession, onSignedOut, post, storeSession } from './api/client';
import type { Me, SignedIn } from './api/types';
import { navigate } from './router';

interface Session {
  me: Me | undefined;
  /** True until the stored session has been checked. */
  loading: boolean;
  signedIn(result: SignedIn): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>();
  const [loading, setLoading] = useState(hasSession());

  useEffect(() => {
    if (!hasSession()) return;
    get<Me>('/auth/me')
      .then(setMe)
      .catch((error: unknown) => {
        // Only a refused session signs out; a network failure keeps it for the next try.
        if (error instanceof ApiError && error.status === 401) clearSession();
      })
      .finally(() => setLoading(false));
  }, []);

  useEffect(
    () =>
      onSignedOut(() => {
        setMe(undefined);
        const here = location.pathname + location.search;
        navigate(`/masuk?lanjut=${encodeURIComponent(here)}`, { replace: true });
      }),
    [],
  );

  const signedIn = useCallback((result: SignedIn) => {
    storeSession(result);
    setMe(result.me);
  }, []);

  const signOut = useCallback(async () => {
    await post('/auth/sign-out').catch(() => undefined);
    clearSession();
    setMe(undefined);
    navigate('/masuk');
  }, []);

  return <SessionContext.Provider value={{ me, loading, signedIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person (screens behind sign-in only). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('not signed in');
  return me;
}

export const isAdmin = (me: Me): boolean => me.instansiRoles.includes('admin_organisasi');
export const isInstansiWide = (me: Me): boolean => me.instansiRoles.length > 0;
export const rolesIn = (me: Me, unitCode: string) => me.unitRoles[unitCode] ?? me.instansiRoles;
/** The dashboard is for those who oversee units: Bagian Organisasi, pengamat and unit heads. */
export const overseesUnits = (me: Me): boolean =>
  isInstansiWide(me) || me.grants.some((grant) => grant.role === 'pimpinan' || grant.role === 'penilai');
