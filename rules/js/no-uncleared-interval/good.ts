// Fixture: no-uncleared-interval near-misses in TypeScript: annotations,
// interfaces, casts and definite-assignment fields. Nothing is reported.
// Env: default (node + browser).

interface Startable {
  start(): void;
  stop(): void;
}

class TypedService implements Startable {
  private handle: NodeJS.Timeout | undefined;
  private readonly period: number = 1000;

  start(): void {
    if (this.handle !== undefined) return;
    // ok: no-uncleared-interval
    this.handle = setInterval((): void => this.work(), this.period);
  }

  stop(): void {
    if (this.handle) clearInterval(this.handle);
    this.handle = undefined;
  }

  private work(): void {}
}

class ConstructedTimer {
  private readonly timer!: ReturnType<typeof setInterval>;

  constructor(private readonly onTick: () => void) {
    // ok: no-uncleared-interval
    this.timer = setInterval(this.onTick, 250);
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}

function typedDisposer(ms: number): () => void {
  // ok: no-uncleared-interval
  const h: NodeJS.Timeout = setInterval(() => undefined, ms);
  return (): void => clearInterval(h);
}

function castClearCase(): void {
  // ok: no-uncleared-interval
  const browserHandle = window.setInterval(() => {}, 100) as number;
  setTimeout(() => window.clearInterval(browserHandle as number), 1000);
}

function typedReturn(): ReturnType<typeof setInterval> {
  // ok: no-uncleared-interval
  return setInterval(() => {}, 1000) as ReturnType<typeof setInterval>;
}

function abortableTyped(signal: AbortSignal): void {
  // ok: no-uncleared-interval
  const id = setInterval(() => {}, 1000);
  signal.addEventListener('abort', (): void => clearInterval(id), { once: true });
}

class AngleCastTimer {
  private timer?: number;
  constructor() {
    // ok: no-uncleared-interval
    this.timer = <number>(<unknown>setInterval(() => {}, 1000));
  }
  destroy(): void {
    clearInterval(this.timer!);
  }
}

class StrictNullGuard {
  private t: ReturnType<typeof setInterval> | null = null;
  start(): void {
    if (this.t !== null) {
      return;
    }
    // ok: no-uncleared-interval
    this.t = setInterval(() => {}, 1000);
  }
  stop(): void {
    if (this.t) clearInterval(this.t);
    this.t = null;
  }
}

function optionalSignal(signal?: AbortSignal): void {
  // ok: no-uncleared-interval
  const optionalHandle = setInterval(() => {}, 1000);
  signal?.addEventListener('abort', () => clearInterval(optionalHandle), { once: true });
}

export { AngleCastTimer, StrictNullGuard, optionalSignal, TypedService, ConstructedTimer, typedDisposer, castClearCase, typedReturn, abortableTyped };
