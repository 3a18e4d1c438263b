import { useEffect, useState } from 'react';

/** Tablet landscape or wider (>= 1024px): a section list beside the form; below that, one column. */
export const LANDSCAPE_MIN_WIDTH = 1024;

const isWide = () => (typeof window === 'undefined' ? true : window.innerWidth >= LANDSCAPE_MIN_WIDTH);

export function useIsLandscape(): boolean {
  const [wide, setWide] = useState(isWide);
  useEffect(() => {
    const onResize = () => setWide(isWide());
    window.addEventListener('resize', onResize);
    window.addEventListener('orientationchange', onResize);
    onResize();
    return () => {
      window.removeEventListener('resize', onResize);
      window.removeEventListener('orientationchange', onResize);
    };
  }, []);
  return wide;
}
