// Growable typed arrays: counts and numbers kept in an Int32Array that grows as a run goes on.

/** The same values in a larger Int32Array of `lengte`, the rest filled with `vul`. */
export function groter(a: Int32Array, lengte: number, vul = 0): Int32Array<ArrayBuffer> {
  const b = new Int32Array(lengte);
  b.set(a);
  if (vul !== 0) b.fill(vul, a.length);
  return b;
}
