// Fixture: no-implicit-global near-misses in TypeScript: annotations,
// interfaces, `as` casts, non-null assertions, ambient `declare`s, enums,
// namespaces and parameter properties. Nothing here may be reported.
// Env: default (node + browser).

declare var __APP_VERSION__: string;
declare let buildStamp: number;
declare function ambientHook(): void;
declare namespace AmbientSpace {
  export let flag: boolean;
}

interface Options {
  retries?: number;
  verbose: boolean;
}
type Retries = number;

function ambientCase(): void {
  // ok: no-implicit-global
  __APP_VERSION__ = '2.0.0';
  // ok: no-implicit-global
  buildStamp = Date.now();
  ambientHook();
  // ok: no-implicit-global
  AmbientSpace.flag = true;
}

let retriesLeft: Retries = 3;
function castCase(raw: unknown): Options {
  const opts = raw as Options;
  // ok: no-implicit-global
  retriesLeft = (opts.retries ?? 3) as Retries;
  // ok: no-implicit-global
  retriesLeft -= 1;
  return opts;
}

let maybeMap: Map<string, number> | undefined;
function nonNullCase(key: string): void {
  // ok: no-implicit-global
  maybeMap = maybeMap ?? new Map<string, number>();
  // ok: no-implicit-global
  maybeMap!.set(key, 1);
}

enum Level {
  Low,
  High,
}
namespace Registry {
  export const entries: string[] = [];
}
function enumAndNamespaceCase(level: Level): void {
  // ok: no-implicit-global
  Registry.entries.push(Level[level]);
}

class Service {
  private calls = 0;
  // ok: no-implicit-global
  static created: number = 0;
  constructor(private readonly name: string, public verbose?: boolean) {
    Service.created++;
  }
  call<T>(fn: () => T): T {
    // ok: no-implicit-global
    this.calls += 1;
    return fn();
  }
}

function destructuredTypedCase({ retries = 1, verbose }: Options): number {
  // ok: no-implicit-global
  retries = verbose ? retries * 2 : retries;
  return retries;
}

const typedArrow = (input: string): string => {
  let output: string;
  // ok: no-implicit-global
  output = input.trim();
  return output;
};

function definiteAssignmentCase(): number {
  let assigned!: number;
  // ok: no-implicit-global
  [assigned] = [1];
  return assigned;
}

function satisfiesCase(): Options {
  let config = { verbose: true } satisfies Options;
  // ok: no-implicit-global
  config = { ...config, verbose: false };
  return config;
}
