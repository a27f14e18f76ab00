/** The part of autocannon's API the search bench uses (the package ships no types). */
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
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
