// Fixture: no-unremoved-listener near-misses in TypeScript: annotations,
// interfaces, `as` casts, parameter properties. Nothing is reported.
// Env: default (node + browser).
import { EventEmitter } from 'node:events';

interface Disposable {
  dispose(): void;
}

export class TypedResizer implements Disposable {
  private readonly onResize: () => void;

  constructor(private readonly el: HTMLElement) {
    this.onResize = this.measure.bind(this);
    // ok: no-unremoved-listener
    window.addEventListener('resize', this.onResize);
  }

  dispose(): void {
    // ok: no-unremoved-listener
    window.removeEventListener('resize', this.onResize);
  }

  private measure(): void {
    console.log((this.el as HTMLDivElement).offsetWidth);
  }
}

export function typedSignal(signal: AbortSignal): void {
  // ok: no-unremoved-listener
  document.addEventListener('keydown', (e: KeyboardEvent): void => console.log(e.key), { signal });
}

export function typedOnce(bus: EventEmitter): void {
  // ok: no-unremoved-listener
  bus.once('ready', (): void => undefined);
}

export function typedLocal(): number {
  const local = new EventEmitter() as EventEmitter;
  // ok: no-unremoved-listener
  local.on('x', (n: number): void => console.log(n));
  return local.listenerCount('x');
}

export function typedDisposer(target: Window): () => void {
  const handler = (e: Event): void => console.log(e.type);
  // ok: no-unremoved-listener
  target.addEventListener('focus', handler as EventListener);
  return (): void => target.removeEventListener('focus', handler as EventListener);
}

export class OptionalChainTarget {
  private el?: HTMLElement;
  private readonly onClick = (): void => {};
  attach(el: HTMLElement): void {
    this.el = el;
    // ok: no-unremoved-listener
    this.el?.addEventListener('click', this.onClick);
    // ok: no-unremoved-listener
    window.addEventListener('blur', this.onClick as EventListener);
  }
  detach(): void {
    // ok: no-unremoved-listener
    this.el?.removeEventListener('click', this.onClick);
    // ok: no-unremoved-listener
    window.removeEventListener('blur', this.onClick);
  }
}
