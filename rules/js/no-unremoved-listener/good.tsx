// Fixture: no-unremoved-listener near-misses in TSX: a React component whose
// effect returns its cleanup. Nothing is reported.
// Env: default (node + browser).
import { useEffect, useState } from 'react';

export function WindowWidth(): JSX.Element {
  const [width, setWidth] = useState<number>(window.innerWidth);

  useEffect(() => {
    const onResize = (): void => setWidth(window.innerWidth);
    // ok: no-unremoved-listener
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    // ok: no-unremoved-listener
    document.addEventListener('keydown', (e: KeyboardEvent) => console.log(e.key), { signal: ctrl.signal });
    return () => ctrl.abort();
  }, []);

  return <span className="width">{width}px</span>;
}
