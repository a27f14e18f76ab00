/** The part of autocannon's API the search and portal benches use (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly average: number;
    readonly max: number;
  }
  interface Result {
    readonly latency: Histogram;
    readonly requests: { readonly average: number; readonly total: number };
    readonly non2xx: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly duration: number;
  }
  interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly overallRate?: number;
    readonly duration?: number;
    readonly timeout?: number;
    readonly headers?: Record<string, string>;
    /** Each connection cycles through these requests in order. */
    readonly requests?: readonly { readonly method?: string; readonly path: string }[];
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
